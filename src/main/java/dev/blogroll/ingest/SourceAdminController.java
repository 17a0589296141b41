package dev.blogroll.ingest;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.category.CategoryRepository;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * Editors manage the blogs Blogroll follows: the forms to add and change a source, and its last
 * fetches. Pause, resume, delete and "fetch now" are {@link SourceActionController}'s, OPML
 * {@link OpmlController}'s, the table of every source {@link SourceListController}'s.
 */
@Controller
@RequestMapping("/admin/sources")
class SourceAdminController {

	private final FeedSources sources;

	private final CategoryRepository categories;

	private final DateTimeFormatter times;

	private final SiteLocale siteLocale;

	SourceAdminController(FeedSources sources, CategoryRepository categories, BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.sources = sources;
		this.categories = categories;
		ZoneId zone = properties.timeZone();
		this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
	}

	@ModelAttribute
	void addReferenceData(Model model) {
		model.addAttribute("categories", this.categories.findAllByOrderByNameAsc());
		model.addAttribute("times", new AdminTimes(this.times));
	}

	/** The form to add a source; discovery ({@link SourceReviewController}) fills in the feed chosen. */
	@GetMapping("/new")
	String initCreateForm(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String siteUrl,
			@RequestParam(required = false) @Nullable String feedUrl, Model model) {
		SourceForm empty = SourceForm.empty();
		model.addAttribute("sourceForm", new SourceForm(limit(name, 200), limit(siteUrl, 2000), limit(feedUrl, 2000),
				empty.categoryId(), empty.defaultTags(), empty.fetchIntervalMinutes(), empty.active()));
		return "admin/source-form";
	}

	private static String limit(@Nullable String value, int max) {
		String stripped = (value == null) ? "" : value.strip();
		return (stripped.length() <= max) ? stripped : stripped.substring(0, max);
	}

	@PostMapping("/new")
	String processCreateForm(@Valid SourceForm sourceForm, BindingResult result, RedirectAttributes redirect) {
		sourceForm.check(null, this.sources, this.categories, result, this.siteLocale);
		if (result.hasErrors()) {
			return "admin/source-form";
		}
		long id;
		try {
			id = this.sources.create(sourceForm.name().strip(), sourceForm.siteUrl().strip(),
					sourceForm.feedUrl().strip(), sourceForm.categoryIdValue(), sourceForm.tagsOrEmpty(),
					sourceForm.isActive(), sourceForm.intervalValue());
		}
		catch (DuplicateKeyException ex) {
			result.rejectValue("feedUrl", "feedUrl.taken", this.siteLocale.text("source.feedUrl.takenByAnother"));
			return "admin/source-form";
		}
		redirect.addFlashAttribute("message", this.siteLocale.text(sourceForm.isActive() ? "source.added" : "source.addedPaused",
				sourceForm.name().strip()));
		return "redirect:/admin/sources/" + id;
	}

	@GetMapping("/{id}")
	String initEditForm(@PathVariable long id, Model model) {
		FeedSource source = find(id);
		model.addAttribute("sourceForm", SourceForm.of(source));
		return showSource(source, model);
	}

	@PostMapping("/{id}")
	String processEditForm(@PathVariable long id, @Valid SourceForm sourceForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		FeedSource source = find(id);
		sourceForm.check(id, this.sources, this.categories, result, this.siteLocale);
		if (result.hasErrors()) {
			return showSource(source, model);
		}
		try {
			this.sources.update(id, sourceForm.name().strip(), source.slug(), sourceForm.siteUrl().strip(),
					sourceForm.feedUrl().strip(), sourceForm.categoryIdValue(), sourceForm.tagsOrEmpty(),
					sourceForm.isActive(), sourceForm.intervalValue());
		}
		catch (DuplicateKeyException ex) {
			result.rejectValue("feedUrl", "feedUrl.taken", this.siteLocale.text("source.feedUrl.takenByAnother"));
			return showSource(source, model);
		}
		redirect.addFlashAttribute("message", this.siteLocale.text("source.saved", sourceForm.name().strip()));
		return "redirect:/admin/sources/" + id;
	}

	private String showSource(FeedSource source, Model model) {
		model.addAttribute("source", source);
		model.addAttribute("fetches", this.sources.recentFetches(source.id(), 20));
		return "admin/source-form";
	}

	private FeedSource find(long id) {
		return this.sources.findById(id).orElseThrow(() -> new NotFoundException("There is no source " + id));
	}

}
