/**
 * Blogroll's entry point and its typed settings.
 */
@NullMarked
package dev.blogroll;

import org.jspecify.annotations.NullMarked;
