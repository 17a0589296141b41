/**
 * The media library: images editors upload, kept in PostgreSQL with their resized variants and
 * served under content-hashed URLs.
 */
@NullMarked
package dev.blogroll.media;

import org.jspecify.annotations.NullMarked;
