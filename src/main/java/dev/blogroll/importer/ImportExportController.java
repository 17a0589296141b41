package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

/**
 * Editors import an NDJSON file of posts (valid lines are imported, bad ones reported with
 * their line numbers) and download every post in the same format, or the whole site
 * ({@link SiteExporter}: with accounts, but never their password hashes, for admins).
 */
@Controller
class ImportExportController {

	private final PostImporter importer;

	private final PostExporter exporter;

	private final SiteExporter siteExporter;

	private final Clock clock;

	ImportExportController(PostImporter importer, PostExporter exporter, SiteExporter siteExporter, Clock clock) {
		this.importer = importer;
		this.exporter = exporter;
		this.siteExporter = siteExporter;
		this.clock = clock;
	}

	@GetMapping("/admin/import")
	String showImportForm() {
		return "admin/import";
	}

	@PostMapping("/admin/import")
	String importFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("error", "Choose a file of posts to import (NDJSON: one JSON post a line).");
			return "admin/import";
		}
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
			model.addAttribute("result", this.importer.importFrom(reader, file.getSize()));
		}
		model.addAttribute("fileName", file.getOriginalFilename());
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
