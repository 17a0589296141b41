package dev.blogroll.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.blogroll.BlogrollTest;
import dev.blogroll.Uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every broken file an editor may upload gets a report naming the line and saying what is
 * wrong in words, on the admin page and from the command line alike; no parser's or
 * database's message gets through. Unknown categories are errors unless the import asks to
 * create them.
 */
@BlogrollTest
class ImportWordingTests {

	/** Words of Jackson, StAX, Java and PostgreSQL that an editor must never read. */
	private static final List<String> INTERNALS = List.of("Exception", "Jackson", "StreamReadFeature",
			"INCLUDE_SOURCE", "end-of-input", "ParseError", "XMLStream", "SQL", "Unexpected character", "code 125",
			"at [Source", "ERROR:", "duplicate key", "violates");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ImportCommand command;

	@Autowired
	private dev.blogroll.MutableSiteLocale siteLocale;

	@AfterEach
	void removeImported() {
		this.command.printTo(System.out);
		this.jdbc.sql("delete from post where slug like 'wording-%'").update();
		this.jdbc.sql("delete from category where slug in ('brand-new-section', 'wording-section')").update();
	}

	private static String line(String slug, String category) {
		return "{\"title\":\"Wording " + slug + "\",\"slug\":\"" + slug + "\",\"category\":\"" + category
				+ "\",\"tags\":[],\"author\":\"Marco Palladino\",\"publishedAt\":\"2019-01-01T12:00:00Z\"}";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private Document upload(String name, byte[] file, boolean createCategories) throws Exception {
		String html = this.mvc.perform(multipart("/admin/import")
			.file(new MockMultipartFile("file", name, "application/octet-stream", file))
			.param("createCategories", String.valueOf(createCategories))
			.with(Uploads.length(file))
			.with(csrf()).with(user("gus").roles("EDITOR")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		INTERNALS.forEach((word) -> assertThat(html).doesNotContain(word));
		return Jsoup.parse(html);
	}

	private String runCommand(Path folder, byte[] file, String... flags) throws IOException {
		Path path = folder.resolve("import.file");
		Files.write(path, file);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.command.printTo(new PrintStream(out, true, StandardCharsets.UTF_8));
		String[] args = Stream.concat(Stream.of("--import=" + path), Arrays.stream(flags)).toArray(String[]::new);
		this.command.run(new DefaultApplicationArguments(args));
		String printed = out.toString(StandardCharsets.UTF_8).replace(path.toString(), "FILE");
		INTERNALS.forEach((word) -> assertThat(printed).doesNotContain(word));
		return printed;
	}

	/** Files with one broken line after a good one, and what the report says of that line. */
	static Stream<Arguments> brokenLines() {
		String good = line("wording-good", "Engineering");
		return Stream.of(
				Arguments.of("a truncated line", utf8(good + "\n{\"title\":\"Cut"),
						"line 2: the line ends before its JSON object does (a missing closing quote or }?)"),
				Arguments.of("a stray comma", utf8(good + "\n{\"title\":\"A\",}"),
						"line 2: the JSON is broken at character 14 (a missing quote, a stray or missing comma, or a missing } ?)"),
				Arguments.of("a misspelt field", utf8(good + "\n{\"titel\":\"A\"}"),
						"line 2: “titel” is not a field of a post; the fields are title, slug, category, tags, author, "
								+ "publishedAt, excerpt, body, imageUrl, imageAlt, sourceUrl, status"),
				Arguments.of("tags as text", utf8(good + "\n{\"title\":\"A\",\"tags\":\"api\"}"),
						"line 2: the tags must be a list of names, such as [\"Kubernetes\", \"API gateway\"]"),
				Arguments.of("a title as a list", utf8(good + "\n{\"title\":[\"A\"]}"),
						"line 2: the title must be text in quotes"),
				Arguments.of("a list instead of an object", utf8(good + "\n[1, 2]"),
						"line 2: the line is not a JSON object like {\"title\": \"…\", …}"),
				Arguments.of("a bad date", utf8(good + "\n" + line("wording-date", "Engineering").replace("2019-01-01T12:00:00Z", "yesterday")),
						"line 2: the publishedAt “yesterday” is not an ISO-8601 instant such as 2021-05-24T16:00:00Z"),
				Arguments.of("bytes that are not UTF-8", concat(utf8(good + "\n{\"title\":\"Caf"), new byte[] { (byte) 0xE9 },
						utf8("\",\"slug\":\"wording-latin\",\"category\":\"Engineering\",\"author\":\"A\",\"publishedAt\":\"2019-01-01T12:00:00Z\"}")),
						"line 2: it has bytes that are not UTF-8 text (was the file saved in another encoding, such as "
								+ "Windows-1252?); save the file as UTF-8 and import it again"),
				Arguments.of("a 10 MB line", utf8(good + "\n{\"title\":\"" + "x".repeat(10_000_000) + "\"}"),
						"line 2: the line is 10,000,012 characters long; at most 4,000,000 are read (is the file one post a line?)"),
				Arguments.of("a WordPress export cut short", utf8("""
						<?xml version="1.0" encoding="UTF-8" ?>
						<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
						<channel>
						<item><title>Cut</title>
						<content:encoded><![CDATA[<p>The download stopped in the mid"""),
						"line 5: the file ends here in the middle of the export: it was cut short (download it again). "
								+ "The posts before this point were read."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenLines")
	void aBrokenLineIsNamedAndExplainedOnThePage(String what, byte[] file, String expected) throws Exception {
		Document page = upload("posts.ndjson", file, false);
		assertThat(page.select(".import-errors li").eachText()).containsExactly(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenLines")
	void aBrokenLineIsNamedAndExplainedByTheCommandLine(String what, byte[] file, String expected,
			@TempDir Path folder) throws IOException {
		String printed = runCommand(folder, file);
		assertThat(printed).contains("\n  not imported, " + expected + "\n");
		assertThat(this.command.getExitCode()).isEqualTo(1);
	}

	/** Files that are not an import at all, and what the editor is told. */
	static Stream<Arguments> unreadableFiles() {
		return Stream.of(
				Arguments.of("an empty file", new byte[0], "The file is empty: there is nothing to import."),
				Arguments.of("a blank file", utf8("\n \n\t\n"), "The file is blank: there is nothing to import."),
				Arguments.of("a web page", utf8("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Blog</title></head></html>"),
						"The file is a web page (HTML), not an export. In WordPress, export with Tools → Export; in Ghost, "
								+ "with Settings → Labs → Export."),
				Arguments.of("a zip", concat(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, utf8("ghost.json")),
						"The file is a zip archive. Unzip it and import the file inside: a WordPress export is an .xml "
								+ "file, a Ghost export a .json file."),
				Arguments.of("an image", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D },
						"The file is not text (it looks like an image, a document or another binary file). Blogroll "
								+ "imports its own NDJSON export (one JSON post a line), a WordPress export (.xml) or a Ghost "
								+ "export (.json)."),
				Arguments.of("a Windows-1252 text file", new byte[] { 'C', 'a', 'f', (byte) 0xE9, ' ', 'n', 'o', 't', 'e', 's' },
						"The file is not UTF-8 text. Blogroll imports its own NDJSON export (one JSON post a line), "
								+ "a WordPress export (.xml) or a Ghost export (.json)."),
				Arguments.of("a feed", utf8("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>"),
						"The file is a news feed (RSS or Atom), not a WordPress export. Add feeds to follow under Sources; "
								+ "export a WordPress site with Tools → Export."),
				Arguments.of("a JSON list", utf8("[{\"title\":\"A\"}]"), "The file is one JSON list. Blogroll reads one "
						+ "JSON post a line (NDJSON, as its export writes them), a WordPress export or a Ghost export."),
				Arguments.of("a Ghost export cut short", utf8("{\"db\":[{\"meta\":{},\"data\":{\"posts\":[{\"id\":\"1\",\"title\":\"Cu"),
						"The Ghost export ends in the middle: it was cut short. Download it again; nothing was imported."),
				Arguments.of("a Ghost export with a stray comma", utf8("{\"db\":[{\"meta\":{},\"data\":{\"posts\":[],}}]}"),
						"The Ghost export is not valid JSON, so nothing was imported. Export it again from Ghost."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unreadableFiles")
	void aFileThatIsNoImportIsRefusedWithTheReason(String what, byte[] file, String expected) throws Exception {
		Document page = upload("upload.bin", file, false);
		assertThat(page.select(".import-problem").text()).isEqualTo("upload.bin was not imported. " + expected);
		assertThat(page.select(".import-result")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unreadableFiles")
	void aFileThatIsNoImportIsRefusedByTheCommandLine(String what, byte[] file, String expected, @TempDir Path folder)
			throws IOException {
		assertThat(runCommand(folder, file)).isEqualTo("Not imported FILE: " + expected + "\n");
		assertThat(this.command.getExitCode()).isEqualTo(1);
	}

	/**
	 * Another save of the same post at the same moment makes PostgreSQL abort the chunk (a
	 * deadlock or serialization failure); a trigger plays that save here, every time. The chunk
	 * is written again, then in halves, and only the contended line is refused, in words.
	 */
	@Test
	void aPostSavedByAnotherAtTheSameMomentIsAnErrorForItsLineNotAFailure() throws Exception {
		this.jdbc.sql("""
				create function wording_contended() returns trigger language plpgsql as $$
				begin
				    if new.slug = 'wording-contended' then
				        raise exception 'could not serialize access' using errcode = '40001';
				    end if;
				    return new;
				end $$""").update();
		this.jdbc.sql("create trigger wording_contended before insert or update on post for each row "
				+ "execute function wording_contended()").update();
		try {
			byte[] file = utf8(line("wording-free", "Engineering") + "\n" + line("wording-contended", "Engineering"));
			Document page = upload("posts.ndjson", file, false);
			assertThat(page.select(".import-counts").text()).isEqualTo("1 created, 0 updated, 0 unchanged, 1 failed");
			assertThat(page.select(".import-errors li").eachText()).containsExactly("line 2: the post “wording-contended” "
					+ "was being saved by someone else at the same moment, 3 times in a row; nothing of this line was "
					+ "written. Import the file again to bring it in");
		}
		finally {
			this.jdbc.sql("drop trigger wording_contended on post").update();
			this.jdbc.sql("drop function wording_contended()").update();
		}
		assertThat(this.jdbc.sql("select slug from post where slug like 'wording-%'").query(String.class).list())
			.containsExactly("wording-free");
	}

	@Test
	void onAGermanSiteTheCountsAreGermanAndAnEnglishSiteKeepsItsWording() throws Exception {
		byte[] file = utf8(line("wording-german", "Engineering") + "\n" + line("feed", "Engineering"));
		this.siteLocale.use(java.util.Locale.GERMAN);
		var response = this.mvc.perform(multipart("/admin/import")
			.file(new MockMultipartFile("file", "posts.ndjson", "application/octet-stream", file))
			.param("createCategories", "false")
			.with(Uploads.length(file))
			.with(csrf()).with(user("gus").roles("EDITOR")))
			.andExpect(status().isOk())
			.andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		Document page = Jsoup.parse(response.getContentAsString());
		assertThat(page.select(".import-counts").text())
			.isEqualTo("1 neu angelegt, 0 aktualisiert, 0 unverändert, 1 fehlgeschlagen");
		// the report's lines in German too, the rule's sentence inside the line's
		assertThat(page.select(".import-format").text()).isEqualTo("Gelesen als: Blogroll-NDJSON");
		assertThat(page.select(".import-errors li").eachText())
			.containsExactly("Zeile 2: der Slug „feed“ ist ungültig. „feed“ ist für die eigenen URLs der Website reserviert.");
	}

	@Test
	void onAGermanSiteAFileThatIsNoImportIsRefusedInGerman() throws Exception {
		byte[] zip = concat(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, utf8("ghost.json"));
		this.siteLocale.use(java.util.Locale.GERMAN);
		var response = this.mvc.perform(multipart("/admin/import")
			.file(new MockMultipartFile("file", "posts.zip", "application/octet-stream", zip))
			.with(Uploads.length(zip))
			.with(csrf()).with(user("gus").roles("EDITOR")))
			.andExpect(status().isOk())
			.andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		Document page = Jsoup.parse(response.getContentAsString());
		assertThat(page.select(".import-problem span").text()).isEqualTo("Die Datei ist ein ZIP-Archiv. Entpacken Sie es "
				+ "und importieren Sie die Datei darin: Ein WordPress-Export ist eine .xml-Datei, ein Ghost-Export eine .json-Datei.");
	}

	@Test
	void theFormListsTheFormatsWithAnApostropheAsWritten() throws Exception {
		var response = this.mvc.perform(get("/admin/import").with(user("gus").roles("EDITOR")))
			.andExpect(status().isOk())
			.andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		// a message without arguments is taken as written: one apostrophe, not MessageFormat's two
		assertThat(Jsoup.parse(response.getContentAsString()).text()).contains("Blogroll's own export: one JSON post a line")
			.doesNotContain("''");
	}

	@Test
	void aByteOrderMarkIsNoProblem() throws Exception {
		byte[] file = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8(line("wording-bom", "Engineering")));
		Document page = upload("bom.ndjson", file, false);
		assertThat(page.select(".import-counts").text()).isEqualTo("1 created, 0 updated, 0 unchanged, 0 failed");
		assertThat(this.jdbc.sql("select count(*) from post where slug = 'wording-bom'").query(Long.class).single()).isOne();
	}

	@Test
	void anUnknownCategoryIsAnErrorUnlessTheUploadAsksToCreateIt() throws Exception {
		byte[] file = utf8(line("wording-new", "Brand New Section") + "\n" + line("wording-slug", "wording-section"));
		Document refused = upload("posts.ndjson", file, false);
		assertThat(refused.select(".import-errors li").eachText()).containsExactly(
				"line 1: there is no category “Brand New Section”: create it under Categories first, or import again "
						+ "with “Create the categories the file names” ticked (--create-categories from the command line)",
				"line 2: there is no category “Wording Section”: create it under Categories first, or import again "
						+ "with “Create the categories the file names” ticked (--create-categories from the command line)");
		assertThat(refused.select("input[name=createCategories]").hasAttr("checked")).isFalse();
		assertThat(this.jdbc.sql("select count(*) from category where slug in ('brand-new-section', 'wording-section')")
			.query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from post where slug like 'wording-%'").query(Long.class).single()).isZero();

		Document created = upload("posts.ndjson", file, true);
		assertThat(created.select(".import-counts").text()).isEqualTo("2 created, 0 updated, 0 unchanged, 0 failed");
		assertThat(created.select(".import-created-categories").text())
			.isEqualTo("Categories created: Brand New Section, Wording Section");
		assertThat(this.jdbc.sql("select name from category where slug in ('brand-new-section', 'wording-section') order by slug")
			.query(String.class).list()).containsExactly("Brand New Section", "Wording Section");
	}

	@Test
	void theCommandLineCreatesCategoriesOnlyWithItsFlag(@TempDir Path folder) throws IOException {
		byte[] file = utf8(line("wording-cli", "Brand New Section"));
		String refused = runCommand(folder, file);
		assertThat(refused).contains("\n  not imported, line 1: there is no category “Brand New Section”");
		assertThat(this.command.getExitCode()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from category where slug = 'brand-new-section'").query(Long.class).single())
			.isZero();

		String created = runCommand(folder, file, "--create-categories");
		assertThat(created).startsWith("Imported FILE (Blogroll NDJSON): 1 created, 0 updated, 0 unchanged, 0 failed in ")
			.contains("\n  created categories: Brand New Section\n");
		assertThat(this.jdbc.sql("select name from category where slug = 'brand-new-section'").query(String.class).single())
			.isEqualTo("Brand New Section");
	}

}
