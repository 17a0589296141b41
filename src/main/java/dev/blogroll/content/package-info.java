/**
 * What readers may see and when it last changed: the one visibility rule, the content
 * version every instance asks PostgreSQL for, and values kept in memory until it changes.
 */
@NullMarked
package dev.blogroll.content;

import org.jspecify.annotations.NullMarked;
