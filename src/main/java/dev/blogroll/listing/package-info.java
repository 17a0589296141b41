/**
 * Listings of posts: the kinds of listing ({@link dev.blogroll.listing.ListingKind}: every post,
 * a category, a tag, an author) and the one descriptor listing pages, feeds and sitemaps share
 * ({@link dev.blogroll.listing.Listing}), their pages, the pagination view model every paged
 * list uses, and the navigation every page shows.
 */
@NullMarked
package dev.blogroll.listing;

import org.jspecify.annotations.NullMarked;
