/**
 * The editors' side: sign-in, accounts and roles, login throttling, and the admin shell.
 */
@NullMarked
package dev.blogroll.admin;

import org.jspecify.annotations.NullMarked;
