package dev.blogroll.post;

import java.time.Instant;

/**
 * A link to another post, as the post page shows it next to the current one.
 *
 * @param title the post's title
 * @param path its URL
 * @param displayDate its publication date as readers see it
 * @param publishedOn the same date, ISO 8601, for {@code <time datetime>}
 * @param updatedAt when it last changed, for the page's {@code Last-Modified}
 */
record PostLink(String title, String path, String displayDate, String publishedOn, Instant updatedAt) {
}
