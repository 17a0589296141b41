/**
 * Listings of posts (all, by category, tag or author), page by page, and the pagination
 * view model every paged list shares.
 */
@NullMarked
package dev.blogroll.listing;

import org.jspecify.annotations.NullMarked;
