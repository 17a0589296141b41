package dev.blogroll.importer;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.blogroll.post.PostStatus;

/**
 * An import line that passed validation, normalized and ready to write.
 */
record ValidPost(long lineNumber, String slug, String title, String categoryName, String categorySlug,
		List<String> tagNames, String authorName, String authorSlug, Instant publishedAt, @Nullable String excerpt,
		String summary, @Nullable String body, @Nullable String imageUrl, String imageAlt,
		@Nullable String sourceUrl, PostStatus status) {
}
