package dev.blogroll.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.category.CategoryRepository;
import dev.blogroll.text.WebAddresses;
import dev.blogroll.web.NotFoundException;

/**
 * Editors manage the blogs Blogroll follows: forms to add and change them, pause, resume,
 * delete, "fetch now" (in the background, {@link FetchNow}), the last fetches of a source, and
 * OPML import and export. The table of every source is {@link SourceListController}'s.
 */
@Controller
@RequestMapping("/admin/sources")
class SourceAdminController {

	private final FeedSources sources;

	private final FetchNow fetchNow;

	private final CategoryRepository categories;

	private final Opml opml;

	private final DateTimeFormatter times;

	SourceAdminController(FeedSources sources, FetchNow fetchNow, CategoryRepository categories, Opml opml,
			BlogrollProperties properties) {
		this.sources = sources;
		this.fetchNow = fetchNow;
		this.categories = categories;
		this.opml = opml;
		ZoneId zone = properties.timeZone();
		this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
	}

	@ModelAttribute
	void addReferenceData(Model model) {
		model.addAttribute("categories", this.categories.findAllByOrderByNameAsc());
		model.addAttribute("times", new Times(this.times));
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
		check(sourceForm, null, result);
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
			result.rejectValue("feedUrl", "feedUrl.taken", "Another source already has this feed.");
			return "admin/source-form";
		}
		redirect.addFlashAttribute("message", "Added the source “" + sourceForm.name().strip()
				+ "”. " + (sourceForm.isActive() ? "It will be fetched within a minute." : "It is paused."));
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
		check(sourceForm, id, result);
		if (result.hasErrors()) {
			return showSource(source, model);
		}
		try {
			this.sources.update(id, sourceForm.name().strip(), source.slug(), sourceForm.siteUrl().strip(),
					sourceForm.feedUrl().strip(), sourceForm.categoryIdValue(), sourceForm.tagsOrEmpty(),
					sourceForm.isActive(), sourceForm.intervalValue());
		}
		catch (DuplicateKeyException ex) {
			result.rejectValue("feedUrl", "feedUrl.taken", "Another source already has this feed.");
			return showSource(source, model);
		}
		redirect.addFlashAttribute("message", "Saved the source “" + sourceForm.name().strip() + "”.");
		return "redirect:/admin/sources/" + id;
	}

	@PostMapping("/{id}/fetch")
	String fetchNow(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		switch (this.fetchNow.start(id)) {
			case STARTED -> redirect.addFlashAttribute("message", "Fetching “" + source.name()
					+ "” in the background. This page shows how far it is; the result appears under Last fetches.");
			case ALREADY_FETCHING -> redirect.addFlashAttribute("error",
					"“" + source.name() + "” is being fetched right now.");
			case TOO_MANY_WAITING -> redirect.addFlashAttribute("error",
					"Too many fetches are waiting already. Try again in a minute.");
		}
		return "redirect:/admin/sources/" + id;
	}

	@PostMapping("/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		this.sources.setActive(id, false);
		redirect.addFlashAttribute("message", "Paused “" + source.name() + "”.");
		return "redirect:/admin/sources";
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		this.sources.setActive(id, true);
		redirect.addFlashAttribute("message", "Resumed “" + source.name() + "”; it will be fetched within a minute.");
		return "redirect:/admin/sources";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		this.sources.delete(id);
		redirect.addFlashAttribute("message",
				"Deleted the source “" + source.name() + "”. Its posts stay; edit or trash them under Posts.");
		return "redirect:/admin/sources";
	}

	@GetMapping("/opml")
	ResponseEntity<byte[]> exportOpml() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/x-opml;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("blogroll-sources.opml").build().toString())
			.body(this.opml.export(this.sources.findAll()).getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/opml")
	String importOpml(@RequestParam("file") @Nullable MultipartFile file, @RequestParam("categoryId") @Nullable Long categoryId,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "Choose an OPML file to import.");
			return "redirect:/admin/sources";
		}
		if (categoryId == null || this.categories.findById(categoryId).isEmpty()) {
			redirect.addFlashAttribute("error", "Choose the category the imported sources' posts go to.");
			return "redirect:/admin/sources";
		}
		Map<String, Long> byName = new HashMap<>();
		this.categories.findAllByOrderByNameAsc()
			.forEach((category) -> byName.putIfAbsent(category.getName().toLowerCase(Locale.ROOT), category.getId()));
		Opml.Imported imported;
		try (InputStream in = file.getInputStream()) {
			imported = this.opml.importFrom(in, categoryId, byName);
		}
		String counts = "Imported " + imported.added() + " sources; " + imported.skipped() + " were already there, "
				+ imported.invalid() + " had no usable feed URL.";
		if (imported.added() == 0 && imported.skipped() == 0 && imported.invalid() == 0) {
			redirect.addFlashAttribute("error", "The file has no feeds in it (is it OPML?)"
					+ ((imported.error() != null) ? " " + imported.error() : "."));
			return "redirect:/admin/sources";
		}
		if (imported.error() != null) {
			redirect.addFlashAttribute("error", counts + " " + imported.error());
		}
		else {
			redirect.addFlashAttribute("message", counts
					+ ((imported.added() > 0) ? " Choose each one's category and which to keep; none is fetched before." : ""));
		}
		return (imported.added() > 0) ? "redirect:/admin/sources/review" : "redirect:/admin/sources";
	}

	private String showSource(FeedSource source, Model model) {
		model.addAttribute("source", source);
		model.addAttribute("fetches", this.sources.recentFetches(source.id(), 20));
		return "admin/source-form";
	}

	private void check(SourceForm form, @Nullable Long id, BindingResult result) {
		if (!result.hasFieldErrors("siteUrl") && form.siteUrl() != null && !WebAddresses.isValid(form.siteUrl().strip())) {
			result.rejectValue("siteUrl", "siteUrl.invalid", "Enter an address starting with http:// or https://.");
		}
		if (!result.hasFieldErrors("feedUrl") && form.feedUrl() != null) {
			if (!WebAddresses.isValid(form.feedUrl().strip())) {
				result.rejectValue("feedUrl", "feedUrl.invalid", "Enter an address starting with http:// or https://.");
			}
			else {
				this.sources.findByFeedUrl(form.feedUrl().strip())
					.filter((other) -> !Objects.equals(other.id(), id))
					.ifPresent((other) -> result.rejectValue("feedUrl", "feedUrl.taken",
							"The source “" + other.name() + "” already has this feed."));
			}
		}
		if (!result.hasFieldErrors("fetchIntervalMinutes")
				&& (form.intervalValue() < 1 || form.intervalValue() > SourceForm.MAX_INTERVAL)) {
			result.rejectValue("fetchIntervalMinutes", "fetchIntervalMinutes.range",
					"Between 1 minute and a week (" + SourceForm.MAX_INTERVAL + " minutes).");
		}
		if (!result.hasFieldErrors("categoryId") && this.categories.findById(form.categoryIdValue()).isEmpty()) {
			result.rejectValue("categoryId", "categoryId.unknown", "Choose a category from the list.");
		}
	}

	private FeedSource find(long id) {
		return this.sources.findById(id).orElseThrow(() -> new NotFoundException("There is no source " + id));
	}

	/** Formats instants in the site's time zone for the admin tables. */
	record Times(DateTimeFormatter formatter) {

		public String show(@Nullable Instant instant) {
			return (instant != null) ? this.formatter.format(instant) : "never";
		}

	}

}
