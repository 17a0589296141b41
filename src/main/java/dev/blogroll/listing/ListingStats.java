package dev.blogroll.listing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The size of a listing and when its membership last changed.
 *
 * @param total how many posts readers can see in it now
 * @param changed the last time a post joined or left it; null if it never had any
 */
public record ListingStats(long total, @Nullable Instant changed) {
}
