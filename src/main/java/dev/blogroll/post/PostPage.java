package dev.blogroll.post;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * What the post page renders.
 *
 * @param post the post, with its category, author and tags loaded
 * @param bodyHtml the body rendered from Markdown and sanitized; null when the post has no
 * body of its own
 * @param displayDate the publication date as readers see it
 * @param readingMinutes minutes to read the body; null when the post has no body of its own
 * @param nearby the previous and next post in the category, and related posts
 */
record PostPage(Post post, @Nullable String bodyHtml, String displayDate, @Nullable Integer readingMinutes,
		NearbyPosts.Nearby nearby) {

	/** The host name of the original, for "Read the full post on …"; null if none. */
	public @Nullable String sourceHost() {
		String source = this.post.getSourceUrl();
		return (source != null) ? URI.create(source).getHost() : null;
	}

}
