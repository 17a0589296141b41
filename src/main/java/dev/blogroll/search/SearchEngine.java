package dev.blogroll.search;

import org.jspecify.annotations.Nullable;

/**
 * What answers a search: PostgreSQL's full-text search ({@link SearchQueries}, the default) or
 * Lucene in the JVM ({@link LuceneSearch}, {@code BLOGROLL_SEARCH_ENGINE=lucene}). Both find
 * the visible posts that match a query in the syntax of {@link SearchTerms}, narrowed by
 * category and tag, rank them, and show one page with highlighted snippets.
 */
interface SearchEngine {

	/** Results go up to this many posts; when more match, the page says so. */
	int RANKED_UP_TO = 1_000;

	/** One page, numbered from 1, of the visible posts matching {@code terms}. */
	Hits search(SearchTerms terms, @Nullable FilterOption category, @Nullable FilterOption tag, int page,
			int pageSize);

}
