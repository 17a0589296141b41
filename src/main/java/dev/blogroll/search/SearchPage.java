package dev.blogroll.search;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.blogroll.listing.Pagination;
import dev.blogroll.web.SiteLocale;

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
 * @param allRanked whether, when {@code more}, every match was ranked and these are the best
 * ({@link LuceneSearch}), not the best of the newest
 * @param timedOut whether the search was cancelled for taking too long
 * @param rankedUpTo up to how many matches all are ranked; beyond, the newest this many are
 * @param pagination the page links
 */
record SearchPage(String query, boolean shortened, @Nullable FilterOption category, @Nullable FilterOption tag,
		List<FilterOption> categories, List<FilterOption> tags, List<SearchResult> results, long total,
		boolean more, boolean allRanked, boolean timedOut, int rankedUpTo, Pagination pagination) {

	/**
	 * The filter's category options, HTML escaped here: built in a loop instead of by the
	 * template, because a site has hundreds of tags and Thymeleaf's three expressions per option
	 * took half the time of a search page (4 ms of 7.7 for the 326 options of the benchmark's
	 * database).
	 */
	public String categoryOptionsHtml() {
		return FilterOption.optionsHtml(this.categories, this.category);
	}

	/** The filter's tag options, HTML escaped; see {@link #categoryOptionsHtml()}. */
	public String tagOptionsHtml() {
		return FilterOption.optionsHtml(this.tags, this.tag);
	}

	/** Whether the reader has not asked anything yet. */
	public boolean isPrompt() {
		return this.query.isEmpty();
	}

	/** The page's title, without the site name, in the site's language. */
	String title(SiteLocale words) {
		if (isPrompt()) {
			return words.text("search.title");
		}
		String title = words.text("search.resultsTitle", this.query);
		if (this.pagination.current() > 1) {
			title = words.text("listing.pageTitle", title, this.pagination.current(), this.pagination.last());
		}
		return title;
	}

	/** The page's meta description: what it offers, or what was found. */
	String description(SiteLocale words) {
		if (isPrompt()) {
			return words.text("search.description");
		}
		return words.text("search.resultsTitle", this.query) + ": " + counts(words);
	}

	/** How many filters narrow the results (0, 1 or 2). */
	public int filterCount() {
		return ((this.category != null) ? 1 : 0) + ((this.tag != null) ? 1 : 0);
	}

	/** What the page says about the number of results. */
	String summary(SiteLocale words) {
		String shortened = this.shortened ? words.text("search.shortened", SearchTerms.MAX_TERMS) + " " : "";
		return shortened + counts(words);
	}

	private String counts(SiteLocale words) {
		if (this.timedOut) {
			return words.text("search.timedOut");
		}
		if (this.total == 0) {
			return words.text("search.none");
		}
		if (this.more && this.allRanked) {
			return words.text("search.moreAllRanked", this.total);
		}
		if (this.more) {
			return words.text("search.more", this.rankedUpTo, this.total);
		}
		return words.text("search.found", this.total);
	}

}
