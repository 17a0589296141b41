package dev.blogroll.importer;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of an NDJSON import, as written: every field may be missing or malformed until
 * {@link ImportValidator} has looked at it.
 *
 * @param title the post's title, required, at most 200 characters
 * @param slug its URL slug; derived from the title when missing
 * @param category the category's name, created on first use
 * @param tags tag names, created on first use
 * @param author the author's name, created on first use
 * @param publishedAt an ISO-8601 instant, e.g. {@code 2021-05-24T16:00:00Z}
 * @param excerpt the card text; derived from the body when missing
 * @param body Markdown
 * @param imageUrl an http(s) URL
 * @param imageAlt the image's text alternative
 * @param sourceUrl the original's http(s) URL, for posts published elsewhere first
 * @param status {@code published} or {@code draft}
 */
public record ImportLine(@Nullable String title, @Nullable String slug, @Nullable String category,
		@Nullable List<String> tags, @Nullable String author, @Nullable String publishedAt,
		@Nullable String excerpt, @Nullable String body, @Nullable String imageUrl, @Nullable String imageAlt,
		@Nullable String sourceUrl, @Nullable String status) {
}
