package dev.blogroll.importer;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.blogroll.web.SiteLocale;

/**
 * Editors import a file of posts (Blogroll's NDJSON, a WordPress or a Ghost export: valid posts
 * are imported, bad ones reported with their line numbers) and download every post in the same format, or the whole site
 * ({@link SiteExporter}: with accounts, but never their password hashes, for admins).
 */
@Controller
class ImportExportController {

	private final PostImporter importer;

	private final PostExporter exporter;

	private final SiteExporter siteExporter;

	private final Clock clock;

	private final SiteLocale siteLocale;

	ImportExportController(PostImporter importer, PostExporter exporter, SiteExporter siteExporter, Clock clock,
			SiteLocale siteLocale) {
		this.importer = importer;
		this.exporter = exporter;
		this.siteExporter = siteExporter;
		this.clock = clock;
		this.siteLocale = siteLocale;
	}

	@GetMapping("/admin/import")
	String showImportForm() {
		return "admin/import";
	}

	/**
	 * Imports the file, whatever its format; a file that is none Blogroll reads gets the reason
	 * on the form, with the choice of creating categories kept.
	 */
	@PostMapping("/admin/import")
	String importFile(@RequestParam("file") MultipartFile file,
			@RequestParam(name = "createCategories", defaultValue = "false") boolean createCategories, Model model)
			throws IOException {
		model.addAttribute("createCategories", createCategories);
		String name = file.getOriginalFilename();
		if (file.isEmpty() && (name == null || name.isBlank())) {
			model.addAttribute("problem", this.siteLocale.text("admin.import.chooseFile"));
			return "admin/import";
		}
		model.addAttribute("fileName", name);
		try {
			ImportResult result = this.importer.importFrom(ImportFile.of(file::getInputStream, file.getSize()),
					createCategories);
			model.addAttribute("result", result);
			// the report's lines in the site's language (the command line keeps English)
			model.addAttribute("errorLines",
					result.errors().stream().map((error) -> result.describe(error, this.siteLocale)).toList());
			model.addAttribute("skippedLines",
					result.skippedItems().stream().map((item) -> result.describe(item, this.siteLocale)).toList());
		}
		catch (UnreadableImportException ex) {
			model.addAttribute("problem", ex.reason().in(this.siteLocale));
		}
		return "admin/import";
	}

	@GetMapping("/admin/export")
	ResponseEntity<StreamingResponseBody> exportPosts() {
		String fileName = "blogroll-posts-" + LocalDate.now(this.clock) + ".ndjson";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-ndjson;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(this.exporter::exportTo);
	}

	/** Accounts only for admins, who manage them; password hashes only from the command line. */
	@GetMapping("/admin/export/site")
	ResponseEntity<StreamingResponseBody> exportSite(HttpServletRequest request) {
		boolean accounts = request.isUserInRole("ADMIN");
		String fileName = "blogroll-site-" + LocalDate.now(this.clock) + ".ndjson";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-ndjson;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body((out) -> this.siteExporter.exportTo(out, accounts, false));
	}

}
