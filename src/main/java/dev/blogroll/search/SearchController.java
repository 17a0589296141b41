package dev.blogroll.search;

import java.io.IOException;
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
import dev.blogroll.category.Categories;
import dev.blogroll.tag.Tags;
import dev.blogroll.web.ErrorPages;
import dev.blogroll.web.Link;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;
import dev.blogroll.web.SitePaths;

/**
 * Search results at {@code /search?q=…}, optionally narrowed by {@code category} and
 * {@code tag} slugs; page N adds {@code page=N}. Page numbers follow the listings' rules
 * ({@code page=1} is a 301 to the URL without it; 0, junk or past the end is a 404), an unknown
 * category or tag is a 404, and an empty query shows a prompt. Only a few searches run at once
 * ({@link SearchBulkhead}); beyond them a search answers 429 with {@code Retry-After}.
 */
@Controller
class SearchController {

	private final SearchEngine engine;

	private final SearchBulkhead bulkhead;

	private final Categories categories;

	private final Tags tags;

	private final int pageSize;

	private final SiteLocale siteLocale;

	SearchController(SearchEngine engine, SearchBulkhead bulkhead, Categories categories, Tags tags,
			BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.engine = engine;
		this.bulkhead = bulkhead;
		this.categories = categories;
		this.tags = tags;
		this.pageSize = properties.pageSize();
	}

	@GetMapping("/search")
	String showResults(@RequestParam(name = "q", required = false) @Nullable String q,
			@RequestParam(name = "category", required = false) @Nullable String categorySlug,
			@RequestParam(name = "tag", required = false) @Nullable String tagSlug,
			@RequestParam(name = "page", required = false) @Nullable String pageParameter, Model model) {
		SearchTerms terms = SearchTerms.of((q != null) ? q : "");
		List<FilterOption> categoryOptions = this.categories.all()
			.stream()
			.map((option) -> new FilterOption(option.id(), option.slug(), option.name()))
			.toList();
		List<FilterOption> tagOptions = this.tags.all()
			.stream()
			.map((option) -> new FilterOption(option.id(), option.slug(), option.name()))
			.toList();
		FilterOption category = select(categoryOptions, categorySlug, "category");
		FilterOption tag = select(tagOptions, tagSlug, "tag");
		String url = SitePaths.search(terms.text(), (category != null) ? category.slug() : null,
				(tag != null) ? tag.slug() : null);
		int page = (pageParameter == null) ? 1 : PageNumber.parse(pageParameter, url);
		Hits hits = terms.isEmpty() ? Hits.none()
				: this.bulkhead.run(() -> this.engine.search(terms, category, tag, page, this.pageSize));
		int last = (int) Math.max(1, (hits.total() + this.pageSize - 1) / this.pageSize);
		if (!hits.timedOut() && (page > last || (page > 1 && hits.results().isEmpty()))) {
			throw new NotFoundException("The search has " + last + " pages, not " + page);
		}
		SearchPage search = new SearchPage(terms.text(), terms.shortened(), category, tag, categoryOptions,
				tagOptions,
				hits.results(), hits.total(), hits.more(), hits.allRanked(), hits.timedOut(),
				SearchEngine.RANKED_UP_TO, Pagination.withPageParameter(url, Math.min(page, last), last));
		model.addAttribute("search", search);
		model.addAttribute("searchTitle", search.title(this.siteLocale));
		model.addAttribute("searchDescription", search.description(this.siteLocale));
		model.addAttribute("searchSummary", search.summary(this.siteLocale));
		model.addAttribute("searchQuery", terms.text());
		model.addAttribute("searchPage", true);
		model.addAttribute("breadcrumbs",
				List.of(new Link(this.siteLocale.text("breadcrumb.home"), SitePaths.home()),
						new Link(this.siteLocale.text("search.title"), SitePaths.search("", null, null))));
		return "search/search";
	}

	/** Every search slot was taken: 429, the site's page, and when to try again. */
	@ExceptionHandler
	void searchesBusy(SearchBulkhead.Busy busy, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, SearchBulkhead.Busy.RETRY_AFTER);
		ErrorPages.send(request, response, HttpStatus.TOO_MANY_REQUESTS.value(),
				this.siteLocale.text("search.busy"));
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

}
