package dev.blogroll.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.blogroll.BlogrollTest;
import dev.blogroll.Uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Imports of a WordPress export (WXR) and a Ghost export, written by hand in the shapes those
 * tools write (attachments before posts, CDATA bodies, drafts without dates, pages, Ghost's
 * tables in its own order, Lexical and Mobiledoc bodies), and files that try to make the XML
 * reader read local files or expand entities without end.
 */
@BlogrollTest
class ImportFormatsTests {

	@Autowired
	private PostImporter importer;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private dev.blogroll.MutableSiteLocale siteLocale;

	@AfterEach
	void removeImported() {
		this.jdbc.sql("""
				delete from post where slug like 'wxr-%' or slug like 'ghost-%' or slug like 'xxe-%'
				    or slug in ('classic-editor-notes', 'uber-datenbanken-wxr')""").update();
		this.jdbc.sql("delete from category where slug like 'wxr-%' or slug like 'ghost-%'").update();
		this.jdbc.sql("delete from tag where slug like 'wxr-%' or slug like 'ghost-%'").update();
		this.jdbc.sql("delete from author where slug in ('ines-duarte', 'tomas-koh', 'zoe-park', 'rahul-iyer')").update();
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = ImportFormatsTests.class.getResourceAsStream("/import/" + name)) {
			return in.readAllBytes();
		}
	}

	private ImportResult importBytes(byte[] bytes, boolean createCategories) throws IOException {
		return this.importer.importFrom(ImportFile.of(() -> new java.io.ByteArrayInputStream(bytes), bytes.length),
				createCategories);
	}

	private Map<String, Object> post(String slug) {
		return this.jdbc.sql("""
				select p.title, p.status, p.published_at, p.body, p.excerpt, p.image_url, p.image_alt,
				       c.name as category, a.name as author,
				       (select string_agg(t.name, ', ' order by t.name) from post_tag pt join tag t on t.id = pt.tag_id
				        where pt.post_id = p.id) as tags
				from post p join category c on c.id = p.category_id join author a on a.id = p.author_id
				where p.slug = :slug""").param("slug", slug).query().singleRow();
	}

	@Test
	void aWordPressExportBringsItsPostsAndDraftsAndSaysWhatItLeftOut() throws IOException {
		ImportResult result = importBytes(resource("wordpress-export.xml"), true);

		assertThat(result.format()).isEqualTo(ImportFormat.WORDPRESS);
		assertThat(result).extracting(ImportResult::created, ImportResult::updated, ImportResult::failed,
				ImportResult::skipped)
			.containsExactly(4L, 1L, 1L, 4L);
		assertThat(result.errors()).extracting(result::describe)
			.containsExactly("line 166: the publish date (publishedAt) is missing");
		assertThat(result.skippedItems()).extracting(result::describe).containsExactly(
				"line 40: the attachment “gateway.png” is a media file, not a post; posts that show it keep its address",
				"line 146: the page “About us” is a page, not a post; Blogroll imports posts",
				"line 155: the post “Rate limiting, again” is in WordPress's trash",
				"line 200: a menu item of the WordPress theme, not a post");
		assertThat(result.names().categories()).containsExactlyInAnyOrder("WXR Platform & Notes", "WXR Datenbanken");
		assertThat(result.names().authors()).containsExactlyInAnyOrder("Inês Duarte", "Tomas Koh");

		Map<String, Object> post = post("wxr-rate-limiting-at-the-edge");
		assertThat(post).containsEntry("title", "Rate limiting at the edge")
			.containsEntry("status", "PUBLISHED")
			.containsEntry("category", "WXR Platform & Notes")
			.containsEntry("author", "Inês Duarte")
			.containsEntry("tags", "WXR Postgres, WXR Rate limits")
			.containsEntry("excerpt", "One limiter for every service.")
			.containsEntry("image_url", "https://harbor.example.org/wp-content/uploads/2023/05/gateway.png")
			.containsEntry("image_alt", "Requests passing through the gateway");
		assertThat(((java.sql.Timestamp) post.get("published_at")).toInstant())
			.isEqualTo(Instant.parse("2023-05-02T10:30:00Z"));
		assertThat((String) post.get("body")).contains("## The limiter")
			.contains("![Requests passing through the gateway](https://harbor.example.org/wp-content/uploads/2023/05/gateway.png)")
			.contains("```java\nif (tokens < cost && !burst) {\n    return Response.status(429).build();\n}\n```")
			.contains("[how](https://harbor.example.org/docs?a=1&b=2)")
			.doesNotContain("wp:paragraph");

		Map<String, Object> draft = post("classic-editor-notes");
		assertThat(draft).containsEntry("status", "DRAFT").containsEntry("author", "Tomas Koh");
		assertThat(((java.sql.Timestamp) draft.get("published_at")).toInstant())
			.isEqualTo(Instant.parse("2024-01-10T08:00:00Z"));
		assertThat((String) draft.get("body")).startsWith("First paragraph, typed in the classic editor.")
			.contains("\n\nSecond paragraph with a [link](https://example.net/)");

		assertThat(post("uber-datenbanken-wxr")).containsEntry("title", "Über Datenbanken – ein Überblick")
			.containsEntry("body", "Grüße aus Köln.");
		assertThat(post("wxr-duplicate")).containsEntry("title", "Duplicate, second");
	}

	@Test
	void withoutCreatingCategoriesAnUnknownCategoryIsAnErrorForItsLineAndNothingIsCreated() throws IOException {
		long categories = this.jdbc.sql("select count(*) from category").query(Long.class).single();
		ImportResult result = importBytes(resource("wordpress-export.xml"), false);

		assertThat(result.created()).isZero();
		assertThat(result.errors()).extracting(result::describe).contains(
				"line 62: there is no category “WXR Platform & Notes”: create it under Categories first, or import again "
						+ "with “Create the categories the file names” ticked (--create-categories from the command line)",
				"line 132: there is no category “WXR Datenbanken”: create it under Categories first, or import again "
						+ "with “Create the categories the file names” ticked (--create-categories from the command line)");
		assertThat(result.names().categories()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from category").query(Long.class).single()).isEqualTo(categories);
		assertThat(this.jdbc.sql("select count(*) from post where slug like 'wxr-%'").query(Long.class).single()).isZero();

		// once the category exists, its posts come in and the other line is still refused
		this.jdbc.sql("insert into category (slug, name) values ('wxr-platform-notes', 'WXR Platform & Notes')").update();
		ImportResult again = importBytes(resource("wordpress-export.xml"), false);
		assertThat(again.created()).isEqualTo(3);
		assertThat(again.errors()).extracting(ImportResult.LineError::lineNumber).containsExactly(132L, 166L);
	}

	@Test
	void theReportIsWordedInTheSitesLanguageAndTheCommandLinesEnglishStays() throws IOException {
		this.siteLocale.use(java.util.Locale.GERMAN);
		ImportResult wordpress = importBytes(resource("wordpress-export.xml"), true);
		assertThat(wordpress.errors()).extracting((error) -> wordpress.describe(error, this.siteLocale))
			.containsExactly("Zeile 166: das Veröffentlichungsdatum (publishedAt) fehlt");
		assertThat(wordpress.skippedItems()).extracting((item) -> wordpress.describe(item, this.siteLocale)).containsExactly(
				"Zeile 40: der Anhang „gateway.png“ ist eine Mediendatei, kein Beitrag; Beiträge, die ihn zeigen, behalten seine Adresse",
				"Zeile 146: die Seite „About us“ ist eine Seite, kein Beitrag; Blogroll importiert Beiträge",
				"Zeile 155: der Beitrag „Rate limiting, again“ liegt im Papierkorb von WordPress",
				"Zeile 200: ein Menüeintrag des WordPress-Themes, kein Beitrag");
		// the command line and the log keep English whatever the site's language
		assertThat(wordpress.errors()).extracting(wordpress::describe)
			.containsExactly("line 166: the publish date (publishedAt) is missing");
		assertThat(wordpress.format().label()).isEqualTo("WordPress export (WXR)");

		ImportResult ghost = importBytes(resource("ghost-export.json"), true);
		assertThat(ghost.errors()).extracting((error) -> ghost.describe(error, this.siteLocale)).containsExactly(
				"Beitrag 4: der Beitrag „Untagged thoughts“ hat kein öffentliches Tag; Blogroll ordnet einen Ghost-Beitrag "
						+ "unter seinem primären (ersten) Tag als Kategorie ein. Geben Sie ihm in Ghost ein Tag und exportieren Sie erneut");
		assertThat(ghost.skippedItems()).extracting((item) -> ghost.describe(item, this.siteLocale)).containsExactly(
				"Beitrag 3: die Seite „About this blog“ ist eine Seite, kein Beitrag; Blogroll importiert Beiträge",
				"Beitrag 6: der Beitrag „Newsletter only“ wurde nur als Newsletter verschickt, nie auf der Website veröffentlicht");
	}

	@Test
	void aGhostExportBringsItsPostsUnderTheirPrimaryTag() throws IOException {
		ImportResult result = importBytes(resource("ghost-export.json"), true);

		assertThat(result.format()).isEqualTo(ImportFormat.GHOST);
		assertThat(result).extracting(ImportResult::created, ImportResult::failed, ImportResult::skipped)
			.containsExactly(3L, 1L, 2L);
		assertThat(result.errors()).extracting(result::describe).containsExactly("post 4: the post “Untagged thoughts” "
				+ "has no public tag; Blogroll files a Ghost post under its primary (first) tag as its category. Give it a "
				+ "tag in Ghost and export again");
		assertThat(result.skippedItems()).extracting(result::describe).containsExactly(
				"post 3: the page “About this blog” is a page, not a post; Blogroll imports posts",
				"post 6: the post “Newsletter only” was only sent as a newsletter, never published on the site");

		Map<String, Object> post = post("ghost-tracing-a-slow-query");
		assertThat(post).containsEntry("category", "Ghost Observability")
			.containsEntry("tags", "Ghost Databases")
			.containsEntry("author", "Zoë Park")
			.containsEntry("status", "PUBLISHED")
			.containsEntry("excerpt", "How one trace found an N+1 query.")
			.containsEntry("image_url", "https://images.example.org/cover.jpg")
			.containsEntry("image_alt", "A dashboard");
		assertThat(((java.sql.Timestamp) post.get("published_at")).toInstant())
			.isEqualTo(Instant.parse("2023-09-01T09:30:00Z"));
		assertThat((String) post.get("body")).contains("`N+1`")
			.contains("![A flame graph](https://images.example.org/trace.png)")
			.contains("```sql\nselect * from post where id = $1;\n```")
			.contains("日本語のテキストも。");

		Map<String, Object> draft = post("ghost-lexical-only");
		assertThat(draft).containsEntry("status", "DRAFT").containsEntry("author", "Rahul Iyer").containsEntry("image_url", null);
		assertThat((String) draft.get("body")).contains("**Bold start** and the rest.").contains("```bash\nkubectl get pods\n```");
		assertThat(((java.sql.Timestamp) draft.get("published_at")).toInstant())
			.isEqualTo(Instant.parse("2023-10-06T12:00:00Z"));

		Map<String, Object> old = post("ghost-old-mobiledoc");
		assertThat(old).containsEntry("category", "Ghost Databases").containsEntry("author", "Zoë Park");
		assertThat((String) old.get("body")).isEqualTo("## Set up\n\nRun `make`.\n\nPlain paragraph.");
		assertThat(((java.sql.Timestamp) old.get("published_at")).toInstant()).isEqualTo(Instant.parse("2018-01-01T00:00:00Z"));
	}

	@Test
	void anExportUploadedInTheAdminIsReportedLineByLine() throws Exception {
		byte[] file = resource("wordpress-export.xml");
		String html = this.mvc.perform(multipart("/admin/import")
			.file(new MockMultipartFile("file", "posts.txt", "text/plain", file))
			.param("createCategories", "true")
			.with(Uploads.length(file))
			.with(csrf()).with(user("gus").roles("EDITOR"))).andReturn().getResponse().getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select(".import-format").text()).isEqualTo("Read as: WordPress export (WXR)");
		assertThat(page.select(".import-counts").text())
			.isEqualTo("4 created, 1 updated, 0 unchanged, 1 failed, 4 skipped");
		assertThat(page.select(".import-errors li").eachText())
			.containsExactly("line 166: the publish date (publishedAt) is missing");
		assertThat(page.select(".import-skipped li")).hasSize(4);
		assertThat(page.select(".import-created-categories").text())
			.isIn("Categories created: WXR Platform & Notes, WXR Datenbanken",
					"Categories created: WXR Datenbanken, WXR Platform & Notes");
		assertThat(page.select("input[name=createCategories]").hasAttr("checked")).isTrue();
	}

	@Test
	void aWordPressFileWithADoctypeIsRefusedBeforeItsEntitiesAreRead() throws IOException {
		String xxe = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
				<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
				<channel><item><title>xxe-post</title><content:encoded>&secret;</content:encoded>
				<wp:post_name>xxe-post</wp:post_name><wp:post_date_gmt>2023-01-01 00:00:00</wp:post_date_gmt>
				<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
				<category domain="category" nicename="engineering"><![CDATA[Engineering]]></category></item></channel></rss>
				""";
		StringBuilder laughs = new StringBuilder("""
				<?xml version="1.0"?>
				<!DOCTYPE lolz [ <!ENTITY lol "lol">
				""");
		for (int i = 1; i <= 9; i++) {
			laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + ((i == 1) ? "" : i - 1) + ";").repeat(10))
				.append("\">\n");
		}
		laughs.append("""
				]>
				<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&lol9;</title>
				<wp:post_name>xxe-laughs</wp:post_name><wp:post_type>post</wp:post_type></item></channel></rss>
				""");
		for (Map.Entry<String, Integer> file : Map.of(xxe, 2, laughs.toString(), 12).entrySet()) {
			ImportResult result = importBytes(file.getKey().getBytes(StandardCharsets.UTF_8), true);
			assertThat(result.created()).isZero();
			assertThat(result.errors()).singleElement()
				.satisfies((error) -> assertThat(result.describe(error)).isEqualTo("line " + file.getValue()
						+ ": the file declares a DOCTYPE (ending on this line), "
						+ "which a WordPress export never has; Blogroll does not read files with one (their entities can "
						+ "read other files or grow without end). Nothing after it was read."));
		}
		assertThat(this.jdbc.sql("select count(*) from post where slug like 'xxe-%'").query(Long.class).single()).isZero();
	}

}
