package dev.blogroll.ingest;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.category.CategoryRepository;
import dev.blogroll.listing.PageNumber;
import dev.blogroll.listing.Pagination;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * The sources page: every source's health at a glance, {@value #PAGE_SIZE} a page, filtered
 * by name or address and by status, sorted by name, "failing longest" or "quiet longest",
 * with the last {@value SourceHealth#DAYS} days of fetches, failures, new posts and response
 * time as small SVG charts, per source and for all of them; sources ticked on a page are
 * paused, resumed or (after a confirmation page) deleted together.
 */
@Controller
@RequestMapping("/admin/sources")
class SourceListController {

	static final int PAGE_SIZE = 50;

	/** At most this many sources are changed by one bulk action: a page's worth, and then some. */
	static final int MAX_BULK = 500;

	private final FeedSources sources;

	private final SourceHealth health;

	private final Clock clock;

	private final AdminTimes times;

	private final CategoryRepository categories;

	private final SiteLocale siteLocale;

	SourceListController(FeedSources sources, SourceHealth health, CategoryRepository categories, Clock clock,
			BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.sources = sources;
		this.categories = categories;
		this.health = health;
		this.clock = clock;
		this.times = new AdminTimes(
				DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.timeZone()));
	}

	@GetMapping
	String showSources(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String page, Model model) {
		SourceFilter filter = SourceFilter.of(q, status, sort);
		String base = "/admin/sources" + (filter.query().isEmpty() ? "" : "?" + filter.query());
		int current = (page == null) ? 1 : PageNumber.parse(page, base);
		long count = this.sources.count(filter);
		int last = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
		if (current > last) {
			throw new NotFoundException("The sources page has " + last + " pages, not " + current);
		}
		List<FeedSource> shown = this.sources.page(filter, current, PAGE_SIZE);
		Map<Long, SourceHealth.Days> days = this.health.of(SourceHealth.ids(shown));
		model.addAttribute("rows", shown.stream()
			.map((source) -> new Row(source, SourceHealth.Chart.of(SourceHealth.orEmpty(days, source.id(), this.clock), 90, 18)))
			.toList());
		model.addAttribute("all", SourceHealth.Chart.of(this.health.all(), 300, 40));
		model.addAttribute("filter", filter);
		model.addAttribute("count", count);
		model.addAttribute("pagination", Pagination.withPageParameter(base, current, last));
		model.addAttribute("awaitingReview", this.sources.countAwaitingReview());
		model.addAttribute("times", this.times);
		model.addAttribute("categories", this.categories.findAllByOrderByNameAsc());
		return "admin/sources";
	}

	/** Pauses or resumes the sources ticked; deleting them asks first. */
	@PostMapping("/bulk")
	String bulk(@RequestParam(name = "id", required = false) @Nullable List<Long> ids,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String back, Model model,
			RedirectAttributes redirect) {
		String returnTo = back.startsWith("/admin/sources") && !back.startsWith("//") ? back : "/admin/sources";
		List<Long> chosen = (ids == null) ? List.of() : ids.stream().distinct().limit(MAX_BULK).toList();
		if (chosen.isEmpty()) {
			redirect.addFlashAttribute("error", this.siteLocale.text("sources.tickFirst"));
			return "redirect:" + returnTo;
		}
		switch (action) {
			case "pause", "resume" -> {
				boolean active = action.equals("resume");
				chosen.forEach((id) -> this.sources.setActive(id, active));
				redirect.addFlashAttribute("message", this.siteLocale.text(active ? "sources.resumed" : "sources.paused", chosen.size()));
				return "redirect:" + returnTo;
			}
			case "delete" -> {
				model.addAttribute("doomed", this.sources.findAllById(chosen));
				model.addAttribute("back", returnTo);
				return "admin/sources-delete";
			}
			default -> {
				redirect.addFlashAttribute("error", this.siteLocale.text("sources.chooseAction"));
				return "redirect:" + returnTo;
			}
		}
	}

	@PostMapping("/bulk/delete")
	String bulkDelete(@RequestParam(name = "id", required = false) @Nullable List<Long> ids,
			@RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		String returnTo = back.startsWith("/admin/sources") && !back.startsWith("//") ? back : "/admin/sources";
		List<Long> chosen = (ids == null) ? List.of() : ids.stream().distinct().limit(MAX_BULK).toList();
		chosen.forEach(this.sources::delete);
		redirect.addFlashAttribute("message",
				this.siteLocale.text("sources.deleted", chosen.size()));
		return "redirect:" + returnTo;
	}

	/**
	 * A line of the sources page.
	 *
	 * @param source the source
	 * @param chart its last {@value SourceHealth#DAYS} days
	 */
	record Row(FeedSource source, SourceHealth.Chart chart) {
	}

}
