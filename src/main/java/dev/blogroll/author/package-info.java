/**
 * Authors: the people who wrote the posts, each with a listing under {@code /blog/author/<slug>}.
 */
@NullMarked
package dev.blogroll.author;

import org.jspecify.annotations.NullMarked;
