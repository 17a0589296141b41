package dev.blogroll.search;

import java.util.List;

/**
 * One page of results, from either engine.
 *
 * @param results the posts on the page, best first
 * @param total how many posts were ranked: all that match, unless {@code more}; 0 when
 * nothing matches
 * @param more whether more posts match than the results go up to ({@value SearchEngine#RANKED_UP_TO})
 * @param allRanked whether, when {@code more}, every match was ranked and the best kept (Lucene),
 * rather than only the newest matches ranked (PostgreSQL)
 * @param timedOut whether the search was cancelled for taking too long
 */
record Hits(List<SearchResult> results, long total, boolean more, boolean allRanked, boolean timedOut) {

	/** Nothing matched, or nothing was asked. */
	static Hits none() {
		return new Hits(List.of(), 0, false, false, false);
	}

	/** The search was cancelled for taking too long. */
	static Hits tooSlow() {
		return new Hits(List.of(), 0, false, false, true);
	}

}
