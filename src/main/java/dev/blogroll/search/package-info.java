/**
 * Full-text search over published posts ({@code /search?q=…}): the query, its ranked and
 * highlighted results, page by page, filtered by category and tag.
 */
@NullMarked
package dev.blogroll.search;

import org.jspecify.annotations.NullMarked;
