/**
 * What every page shares: the site chrome, status pages, redirects and URL hygiene.
 */
@NullMarked
package dev.blogroll.web;

import org.jspecify.annotations.NullMarked;
