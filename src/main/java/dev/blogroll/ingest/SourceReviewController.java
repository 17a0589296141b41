package dev.blogroll.ingest;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.category.CategoryRepository;
import dev.blogroll.listing.PageNumber;
import dev.blogroll.text.WebAddresses;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * Finding and reviewing feeds before they are followed: discovery from a blog's address (the
 * editor picks one of the feeds found, which fills in the form to add it), and the review of
 * sources imported from OPML, {@value #PAGE_SIZE} a page, where the editor picks each one's
 * category and which to keep.
 */
@Controller
@RequestMapping("/admin/sources")
class SourceReviewController {

	static final int PAGE_SIZE = 100;

	private final FeedSources sources;

	private final FeedDiscovery discovery;

	private final CategoryRepository categories;

	private final SiteLocale siteLocale;

	SourceReviewController(FeedSources sources, FeedDiscovery discovery, CategoryRepository categories, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.sources = sources;
		this.discovery = discovery;
		this.categories = categories;
	}

	@GetMapping("/discover")
	String initDiscoverForm() {
		return "admin/source-discover";
	}

	@PostMapping("/discover")
	String processDiscoverForm(@RequestParam(defaultValue = "") String address, Model model) {
		String given = address.strip();
		model.addAttribute("address", given);
		if (!WebAddresses.isValid(given)) {
			model.addAttribute("error", this.siteLocale.text("source.discover.address"));
			return "admin/source-discover";
		}
		FeedDiscovery.Discovery found = this.discovery.discover(URI.create(given));
		model.addAttribute("feeds", found.feeds());
		model.addAttribute("problem", found.problem());
		model.addAttribute("followed", found.feeds()
			.stream()
			.filter((feed) -> this.sources.findByFeedUrl(feed.feedUrl()).isPresent())
			.map(FeedDiscovery.Found::feedUrl)
			.toList());
		return "admin/source-discover";
	}

	@GetMapping("/review")
	String showReview(@RequestParam(required = false) @Nullable String page, Model model) {
		int current = (page == null) ? 1 : PageNumber.parse(page, "/admin/sources/review");
		long waiting = this.sources.countAwaitingReview();
		int last = (int) Math.max(1, (waiting + PAGE_SIZE - 1) / PAGE_SIZE);
		if (current > last) {
			throw new NotFoundException("The review has " + last + " pages, not " + current);
		}
		model.addAttribute("waiting", waiting);
		model.addAttribute("pending", this.sources.awaitingReview(current, PAGE_SIZE));
		model.addAttribute("categories", this.categories.findAllByOrderByNameAsc());
		return "admin/source-review";
	}

	/**
	 * Keeps the sources ticked, each in the category chosen for it, and drops the others of
	 * the page ({@code source} names every source the page showed).
	 */
	@PostMapping("/review")
	String processReview(@RequestParam(name = "source", required = false) @Nullable List<Long> shown,
			@RequestParam(name = "keep", required = false) @Nullable List<Long> kept,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Set<Long> keep = new HashSet<>((kept != null) ? kept : List.of());
		int accepted = 0;
		int dropped = 0;
		for (long id : (shown != null) ? shown : List.<Long>of()) {
			if (keep.contains(id)) {
				Long category = categoryId(params.get("category-" + id));
				if (category != null && this.sources.accept(id, category)) {
					accepted++;
				}
			}
			else if (this.sources.reject(id)) {
				dropped++;
			}
		}
		redirect.addFlashAttribute("message", this.siteLocale.text("source.review.done", accepted, dropped));
		return (this.sources.countAwaitingReview() > 0) ? "redirect:/admin/sources/review" : "redirect:/admin/sources";
	}

	private @Nullable Long categoryId(@Nullable String value) {
		if (value == null || !value.matches("\\d{1,18}")) {
			return null;
		}
		long id = Long.parseLong(value);
		return this.categories.existsById(id) ? id : null;
	}

}
