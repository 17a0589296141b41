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
 */
record PostPage(Post post, @Nullable String bodyHtml, String displayDate) {

	/** The host name of the original, for "Read the full post on …"; null if none. */
	public @Nullable String sourceHost() {
		String source = this.post.getSourceUrl();
		return (source != null) ? URI.create(source).getHost() : null;
	}

}
