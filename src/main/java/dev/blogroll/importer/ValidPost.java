package dev.blogroll.importer;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.blogroll.post.PostStatus;

/**
 * An import line that passed validation, normalized and ready to write.
 */
record ValidPost(long lineNumber, String slug, String title, Name category, List<Name> tags, Name author,
		Instant publishedAt, @Nullable String excerpt, String summary, @Nullable String body,
		@Nullable String imageUrl, String imageAlt, @Nullable String sourceUrl, PostStatus status) {

	/**
	 * A category, author or tag as a line names it, with the slug that identifies it. The
	 * validator hands out one instance per name, so the posts of a chunk share them.
	 */
	record Name(String slug, String name) {
	}

}
