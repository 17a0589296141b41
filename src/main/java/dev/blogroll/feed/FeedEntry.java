package dev.blogroll.feed;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One post as a feed shows it.
 *
 * @param id the post's id, part of its permanent entry id
 * @param path the post's URL on this site
 * @param title its title
 * @param publishedAt when it was published
 * @param updatedAt when it last changed
 * @param createdAt when it was created, the date in its permanent entry id
 * @param summary its excerpt, plain text
 * @param body its Markdown body; null for a post aggregated from elsewhere
 * @param categoryName its category
 * @param authorName its author
 * @param authorPath its author's listing
 * @param tags its tags' names, alphabetically
 */
record FeedEntry(long id, String path, String title, Instant publishedAt, Instant updatedAt, Instant createdAt,
		String summary, @Nullable String body, String categoryName, String authorName, String authorPath,
		List<String> tags) {
}
