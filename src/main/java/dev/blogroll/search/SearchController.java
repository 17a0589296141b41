package dev.blogroll.search;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.listing.PageNumber;
import dev.blogroll.listing.Pagination;
import dev.blogroll.search.SearchQueries.FilterOptions;
import dev.blogroll.search.SearchQueries.Hits;
import dev.blogroll.web.ErrorPages;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteChrome.Link;

/**
 * Search results at {@code /search?q=…}, optionally narrowed by {@code category} and
 * {@code tag} slugs; page N adds {@code page=N}. Page numbers follow the listings' rules
 * ({@code page=1} is a 301 to the URL without it; 0, junk or past the end is a 404), an unknown
 * category or tag is a 404, and an empty query shows a prompt. Only a few searches run at once
 * ({@link SearchBulkhead}); beyond them a search answers 429 with {@code Retry-After}.
 */
@Controller
class SearchController {

	private final SearchQueries queries;

	private final SearchBulkhead bulkhead;

	private final int pageSize;

	SearchController(SearchQueries queries, SearchBulkhead bulkhead, BlogrollProperties properties) {
		this.queries = queries;
		this.bulkhead = bulkhead;
		this.pageSize = properties.pageSize();
	}

	@GetMapping("/search")
	String showResults(@RequestParam(name = "q", required = false) @Nullable String q,
			@RequestParam(name = "category", required = false) @Nullable String categorySlug,
			@RequestParam(name = "tag", required = false) @Nullable String tagSlug,
			@RequestParam(name = "page", required = false) @Nullable String pageParameter, Model model) {
		SearchTerms terms = SearchTerms.of((q != null) ? q : "");
		FilterOptions options = this.queries.filterOptions();
		FilterOption category = select(options.categories(), categorySlug, "category");
		FilterOption tag = select(options.tags(), tagSlug, "tag");
		String url = url(terms, category, tag);
		int page = (pageParameter == null) ? 1 : PageNumber.parse(pageParameter, url);
		Hits hits = terms.isEmpty() ? new Hits(List.of(), 0, false, false)
				: this.bulkhead.run(() -> this.queries.search(terms, category, tag, page, this.pageSize));
		int last = (int) Math.max(1, (hits.total() + this.pageSize - 1) / this.pageSize);
		if (!hits.timedOut() && (page > last || (page > 1 && hits.results().isEmpty()))) {
			throw new NotFoundException("The search has " + last + " pages, not " + page);
		}
		model.addAttribute("search", new SearchPage(terms.text(), terms.shortened(), category, tag,
				options.categories(), options.tags(), hits.results(), hits.total(), hits.more(), hits.timedOut(),
				SearchQueries.RANKED_ALL_UP_TO, Pagination.withPageParameter(url, Math.min(page, last), last)));
		model.addAttribute("searchQuery", terms.text());
		model.addAttribute("breadcrumbs", List.of(new Link("Home", "/"), new Link("Search", "/search")));
		return "search/search";
	}

	/** Every search slot was taken: 429, the site's page, and when to try again. */
	@ExceptionHandler
	void searchesBusy(SearchBulkhead.Busy busy, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, SearchBulkhead.Busy.RETRY_AFTER);
		ErrorPages.send(request, response, HttpStatus.TOO_MANY_REQUESTS.value(),
				"Many people are searching right now. Please search again in a few seconds.");
	}

	private static @Nullable FilterOption select(List<FilterOption> options, @Nullable String slug, String kind) {
		if (slug == null || slug.isEmpty()) {
			return null;
		}
		return options.stream()
			.filter((option) -> option.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("There is no " + kind + " " + slug));
	}

	/** The canonical URL of page 1 of these results: only the parameters in use, encoded. */
	static String url(SearchTerms terms, @Nullable FilterOption category, @Nullable FilterOption tag) {
		StringBuilder url = new StringBuilder("/search");
		char separator = '?';
		if (!terms.isEmpty()) {
			url.append(separator).append("q=").append(URLEncoder.encode(terms.text(), StandardCharsets.UTF_8));
			separator = '&';
		}
		if (category != null) {
			url.append(separator).append("category=").append(category.slug());
			separator = '&';
		}
		if (tag != null) {
			url.append(separator).append("tag=").append(tag.slug());
		}
		return url.toString();
	}

}
