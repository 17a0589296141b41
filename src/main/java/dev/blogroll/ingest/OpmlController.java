package dev.blogroll.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.category.CategoryRepository;
import dev.blogroll.web.SiteLocale;

/**
 * Every source as an OPML file, and an OPML file's feeds added paused and awaiting an editor's
 * review ({@link SourceReviewController}), each with the category its outline names.
 */
@Controller
@RequestMapping("/admin/sources")
class OpmlController {

	private final FeedSources sources;

	private final CategoryRepository categories;

	private final Opml opml;

	private final SiteLocale siteLocale;

	OpmlController(FeedSources sources, CategoryRepository categories, Opml opml, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.sources = sources;
		this.categories = categories;
		this.opml = opml;
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
			redirect.addFlashAttribute("error", this.siteLocale.text("opml.chooseFile"));
			return "redirect:/admin/sources";
		}
		if (categoryId == null || this.categories.findById(categoryId).isEmpty()) {
			redirect.addFlashAttribute("error", this.siteLocale.text("opml.chooseCategory"));
			return "redirect:/admin/sources";
		}
		Map<String, Long> byName = new HashMap<>();
		this.categories.findAllByOrderByNameAsc()
			.forEach((category) -> byName.putIfAbsent(category.getName().toLowerCase(Locale.ROOT), category.getId()));
		Opml.Imported imported;
		try (InputStream in = file.getInputStream()) {
			imported = this.opml.importFrom(in, categoryId, byName);
		}
		String counts = this.siteLocale.text("opml.counts", imported.added(), imported.skipped(), imported.invalid());
		if (imported.added() == 0 && imported.skipped() == 0 && imported.invalid() == 0) {
			redirect.addFlashAttribute("error", this.siteLocale.text("opml.noFeeds")
					+ ((imported.error() != null) ? " " + imported.error() : "."));
			return "redirect:/admin/sources";
		}
		if (imported.error() != null) {
			redirect.addFlashAttribute("error", counts + " " + imported.error());
		}
		else {
			redirect.addFlashAttribute("message", counts
					+ ((imported.added() > 0) ? " " + this.siteLocale.text("opml.review") : ""));
		}
		return (imported.added() > 0) ? "redirect:/admin/sources/review" : "redirect:/admin/sources";
	}

}
