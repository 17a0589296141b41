package dev.blogroll.search;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.blogroll.listing.Pagination;

/**
 * What the search page renders: the prompt when nothing was asked, else one page of results.
 *
 * @param query the query as searched (normalized), empty for the prompt
 * @param shortened whether words past the limit of {@value SearchTerms#MAX_TERMS} (or characters
 * past {@value SearchTerms#MAX_LENGTH}) were left out of the search
 * @param category the category results are narrowed to, if any
 * @param tag the tag results are narrowed to, if any
 * @param categories every category, for the filter
 * @param tags every tag, for the filter
 * @param results the posts on this page, best first
 * @param total how many posts match in all, or were ranked when {@code more}
 * @param more whether more posts match than were ranked (only the newest were: the ranking was
 * bounded, and the page says so)
 * @param timedOut whether the search was cancelled for taking too long
 * @param rankedUpTo up to how many matches all are ranked; beyond, the newest this many are
 * @param pagination the page links
 */
record SearchPage(String query, boolean shortened, @Nullable FilterOption category, @Nullable FilterOption tag,
		List<FilterOption> categories, List<FilterOption> tags, List<SearchResult> results, long total,
		boolean more, boolean timedOut, int rankedUpTo, Pagination pagination) {

	/** Whether the reader has not asked anything yet. */
	public boolean isPrompt() {
		return this.query.isEmpty();
	}

	/** The page's title, without the site name. */
	public String title() {
		if (isPrompt()) {
			return "Search";
		}
		String title = "Search results for “" + this.query + "”";
		if (this.pagination.current() > 1) {
			title += " – Page " + this.pagination.current() + " of " + this.pagination.last();
		}
		return title;
	}

	/** The page's meta description: what it offers, or what was found. */
	public String description() {
		if (isPrompt()) {
			return "Search every post by words, exact phrases and words to leave out, in one category or tag or in all.";
		}
		return "Search results for “" + this.query + "”: " + counts();
	}

	/** How many filters narrow the results (0, 1 or 2). */
	public int filterCount() {
		return ((this.category != null) ? 1 : 0) + ((this.tag != null) ? 1 : 0);
	}

	/** What the page says about the number of results. */
	public String summary() {
		String shortened = this.shortened ? "Only the first " + SearchTerms.MAX_TERMS + " words were searched. " : "";
		return shortened + counts();
	}

	private String counts() {
		if (this.timedOut) {
			return "This search took too long. Try more specific words, or fewer words in quotes.";
		}
		if (this.total == 0) {
			return "No posts match.";
		}
		if (this.more) {
			return "More than %,d posts match; these are ranked among the newest %,d of them.".formatted(this.rankedUpTo,
					this.total);
		}
		return this.total + ((this.total == 1) ? " post" : " posts") + " found, best matches first.";
	}

}
