/**
 * Tags: topics that cut across categories, each with a listing under {@code /blog/tag/<slug>}.
 */
@NullMarked
package dev.blogroll.tag;

import org.jspecify.annotations.NullMarked;
