package dev.blogroll.ingest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A blog whose feed Blogroll follows, with the state of its fetches.
 *
 * @param id its id
 * @param name the blog's name, shown as the author when an entry names none
 * @param siteUrl the blog's home page
 * @param feedUrl its RSS or Atom feed
 * @param categoryId the category its posts go to
 * @param categoryName that category's name
 * @param defaultTags comma-separated tags every post of the source gets
 * @param active whether it is fetched; paused by an editor or by a 410 Gone
 * @param fetchIntervalMinutes how often it is fetched when all is well
 * @param etag the validator of the last successful fetch
 * @param lastModified the other validator of the last successful fetch
 * @param lastFetchedAt when it was last fetched
 * @param lastSuccessAt when a fetch last succeeded (including 304)
 * @param lastError why the last fetch failed, or null when it succeeded
 * @param lastNewPosts how many posts the last fetch added
 * @param consecutiveFailures failures since the last success
 * @param nextFetchAt when it is due next
 * @param fetchProgress what the fetch under way is doing, or null when none is
 * @param feedHost the feed URL's host, whose fetches at once are limited
 * @param newestEntryAt the date of the newest entry of the last feed read
 * @param typicalGapMinutes the median time between the newest entries of the last feed read
 * @param feedTtlMinutes how long the last feed read asked to be cached ({@code <ttl>}, {@code sy:*})
 * @param scheduleNote why the next fetch is when it is
 * @param slug the URL segment of the blog's page, {@code /blog/source/<slug>}
 * @param description what the feed says the blog is about; may be empty
 * @param lastNewPostAt when a fetch last added a post
 * @param awaitingReview imported and not fetched until an editor has reviewed it
 */
record FeedSource(long id, String name, String siteUrl, String feedUrl, long categoryId, String categoryName,
		String defaultTags, boolean active, int fetchIntervalMinutes, @Nullable String etag,
		@Nullable String lastModified, @Nullable Instant lastFetchedAt, @Nullable Instant lastSuccessAt,
		@Nullable String lastError, int lastNewPosts, int consecutiveFailures, Instant nextFetchAt,
		@Nullable String fetchProgress, @Nullable String feedHost, @Nullable Instant newestEntryAt,
		@Nullable Integer typicalGapMinutes, @Nullable Integer feedTtlMinutes, @Nullable String scheduleNote,
		String slug, String description, @Nullable Instant lastNewPostAt, boolean awaitingReview) {

	/** Whether a fetch of this source is under way now. */
	boolean fetching() {
		return this.fetchProgress != null;
	}

	List<String> defaultTagNames() {
		return Arrays.stream(this.defaultTags.split(",")).map(String::strip).filter((tag) -> !tag.isEmpty()).toList();
	}

}
