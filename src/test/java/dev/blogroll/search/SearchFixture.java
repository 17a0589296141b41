package dev.blogroll.search;

import java.util.ArrayList;
import java.util.List;

import dev.blogroll.PostBuilder;

/**
 * The posts a search test adds, all by one author and with one tag of their own, so that their
 * invented words are the only matches and their removal afterwards finds every one of them.
 */
final class SearchFixture {

	private final List<String> slugs = new ArrayList<>();

	private final String author;

	private final String tag;

	SearchFixture(String author, String tag) {
		this.author = author;
		this.tag = tag;
	}

	/** A published post without an excerpt (the summary comes from the body), noted for removal. */
	PostBuilder post(String slug, String title, String publishedAt) {
		this.slugs.add(slug);
		return PostBuilder.post()
			.slug(slug)
			.title(title)
			.publishedAt(publishedAt)
			.author(this.author)
			.excerpt(null)
			.tags(this.tag);
	}

	List<String> slugs() {
		return this.slugs;
	}

}
