/**
 * Categories: the sections of the blog, each with its own listing under {@code /blog/<slug>}.
 */
@NullMarked
package dev.blogroll.category;

import org.jspecify.annotations.NullMarked;
