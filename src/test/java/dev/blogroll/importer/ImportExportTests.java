package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.blogroll.BlogrollTest;
import dev.blogroll.Uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Import by upload and from the command line, and export: the export of the demo site is the
 * demo data again.
 */
@BlogrollTest
class ImportExportTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ImportCommand importCommand;

	@AfterEach
	void removeImportedPosts() {
		this.jdbc.sql("delete from post where slug like 'upload-%'").update();
	}

	private static String line(String slug, String title) {
		return "{\"title\":\"" + title + "\",\"slug\":\"" + slug + "\",\"category\":\"Engineering\",\"tags\":[],"
				+ "\"author\":\"Marco Palladino\",\"publishedAt\":\"2019-01-01T12:00:00Z\",\"status\":\"published\"}";
	}

	@Test
	void anUploadedFileIsImportedAndItsBadLinesAreListedByNumber() throws Exception {
		String file = String.join("\n", line("upload-one", "Uploaded one"), "{broken", line("upload-two", ""));
		MvcResult result = this.mvc.perform(multipart("/admin/import")
			.file(new MockMultipartFile("file", "posts.ndjson", "application/x-ndjson", file.getBytes(StandardCharsets.UTF_8)))
			.with(Uploads.length(file.getBytes(StandardCharsets.UTF_8)))
			.with(csrf()).with(user("gus").roles("EDITOR"))).andReturn();
		var page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select(".import-counts").text()).isEqualTo("1 created, 0 updated, 0 unchanged, 2 failed");
		assertThat(page.select(".import-errors li").eachText()).satisfiesExactly(
				(error) -> assertThat(error)
					.isEqualTo("line 2: the JSON is broken at character 2 (a missing quote, a stray or missing comma, or a missing } ?)"),
				(error) -> assertThat(error).isEqualTo("line 3: the title is missing"));
		assertThat(this.jdbc.sql("select count(*) from post where slug like 'upload-%'").query(Long.class).single())
			.isOne();
	}

	@Test
	void anEmptyUploadIsRefusedWithAMessage() throws Exception {
		MvcResult result = this.mvc.perform(multipart("/admin/import")
			.file(new MockMultipartFile("file", "empty.ndjson", "application/x-ndjson", new byte[0]))
			.with(Uploads.length(new byte[0]))
			.with(csrf()).with(user("gus").roles("EDITOR"))).andReturn();
		assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select("[role=alert]").text())
			.isEqualTo("empty.ndjson was not imported. The file is empty: there is nothing to import.");
	}

	@Test
	void theCommandLineImportExitsNonZeroWhenALineFails(@TempDir Path folder) throws IOException {
		Path file = folder.resolve("posts.ndjson");
		Files.writeString(file, line("upload-cli", "From the command line") + "\n{\"title\":\"no slug or date\"}\n");
		this.importCommand.run(new DefaultApplicationArguments("--import=" + file));
		assertThat(this.importCommand.getExitCode()).isEqualTo(1);
		assertThat(this.jdbc.sql("select title from post where slug = 'upload-cli'").query(String.class).single())
			.isEqualTo("From the command line");
	}

	@Test
	void theExportOfTheDemoSiteIsTheDemoDataAgain() throws Exception {
		MvcResult result = this.mvc.perform(get("/admin/export").with(user("gus").roles("EDITOR"))).andReturn();
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result));
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"blogroll-posts-");
		Map<String, ImportLine> exported = parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList());
		Map<String, ImportLine> demo;
		try (InputStream in = getClass().getResourceAsStream("/db/demo/posts.ndjson")) {
			demo = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
		}
		for (ImportLine original : demo.values()) {
			assertThat(exported.get(original.slug())).as(original.slug()).isEqualTo(normalized(original));
		}
	}

	private static Map<String, ImportLine> parse(List<String> lines) {
		return lines.stream()
			.filter((line) -> !line.isBlank())
			.map((line) -> normalized(JsonMapper.shared().readValue(line, ImportLine.class)))
			.collect(Collectors.toMap(ImportLine::slug, Function.identity()));
	}

	/** Tags in name order, as the export writes them. */
	private static ImportLine normalized(ImportLine line) {
		List<String> tags = line.tags().stream().sorted(Comparator.comparing(String::toLowerCase)).toList();
		return new ImportLine(line.title(), line.slug(), line.category(), tags, line.author(), line.publishedAt(),
				line.excerpt(), line.body(), line.imageUrl(), line.imageAlt(), line.sourceUrl(), line.status());
	}

}
