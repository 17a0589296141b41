package dev.blogroll.ingest;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The sources admin: adding, validating, fetching now, pausing, the fetch log, OPML.
 */
@BlogrollTest
class SourceAdminTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private FeedServer server;

	private long categoryId;

	@BeforeEach
	void start() {
		this.server = new FeedServer();
		this.jdbc.sql("insert into category (slug, name) values ('source-admin-test', 'Source Admin Test') on conflict do nothing")
			.update();
		this.categoryId = this.jdbc.sql("select id from category where slug = 'source-admin-test'").query(Long.class)
			.single();
	}

	@AfterEach
	void cleanUp() {
		this.server.close();
		this.jdbc.sql("delete from post where category_id = :id").param("id", this.categoryId).update();
		this.jdbc.sql("delete from feed_source where category_id = :id").param("id", this.categoryId).update();
		// the OPML import's folder "Engineering" puts its feeds in that category
		this.jdbc.sql("delete from feed_source where name in ('IT Alpha', 'IT Beta & Co')").update();
		this.jdbc.sql("delete from category where id = :id").param("id", this.categoryId).update();
		this.jdbc.sql("delete from author a where a.slug in ('linus-example', 'it-widgets') and not exists (select 1 from post p where p.author_id = a.id)").update();
		this.jdbc.sql("delete from tag t where t.slug = 'rust' and not exists (select 1 from post_tag pt where pt.tag_id = t.id)").update();
	}

	private MvcResult postAs(String path, String... params) throws Exception {
		var request = post(path).with(csrf()).with(user("carol").roles("EDITOR"));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request).andReturn();
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user("carol").roles("EDITOR"))).andReturn().getResponse()
			.getContentAsString());
	}

	/** Waits (at most 20 s) for the fetch started in the background to end. */
	private void awaitFetch(long id) throws InterruptedException {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (this.jdbc.sql("select fetching_until is not null from feed_source where id = :id").param("id", id)
			.query(Boolean.class).single()) {
			assertThat(System.nanoTime()).as("the fetch ends within 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private long sourceId(String name) {
		return this.jdbc.sql("select id from feed_source where name = :name").param("name", name).query(Long.class)
			.single();
	}

	@Test
	void anEditorAddsASourceFetchesItAndItsPostsAreListed() throws Exception {
		this.server.serve("/atom.xml", FeedServer.resource("atom-xhtml.xml"));
		MvcResult created = postAs("/admin/sources/new", "name", "IT Widgets", "siteUrl", "https://widgets.example.org/",
				"feedUrl", this.server.url("/atom.xml"), "categoryId", String.valueOf(this.categoryId), "defaultTags",
				"rust", "fetchIntervalMinutes", "30", "active", "true");
		long id = sourceId("IT Widgets");
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/sources/" + id);

		MvcResult fetched = postAs("/admin/sources/" + id + "/fetch");
		assertThat((String) fetched.getFlashMap().get("message")).contains("in the background");
		awaitFetch(id);
		Document listing = Jsoup.parse(this.mvc.perform(get("/blog/source-admin-test")).andReturn().getResponse()
			.getContentAsString());
		assertThat(listing.text()).contains("Rust in production", "Dates are hard");

		Document detail = page("/admin/sources/" + id);
		assertThat(detail.select(".fetch-log tbody tr")).hasSize(1);
		assertThat(detail.select(".fetch-log tbody td").get(1).text()).isEqualTo("OK");
		Document list = page("/admin/sources");
		assertThat(list.select("nav.admin-header-nav a[href=/admin/sources]")).hasSize(1);
		assertThat(list.select("tr[data-source-id=" + id + "] .source-status").text()).isEqualTo("ok");
	}

	@Test
	void failuresAreShownInTheList() throws Exception {
		this.server.on("/feed.xml", (exchange) -> FeedServer.respond(exchange, 500, ""));
		postAs("/admin/sources/new", "name", "IT Broken", "siteUrl", "https://broken.example/", "feedUrl",
				this.server.url("/feed.xml"), "categoryId", String.valueOf(this.categoryId), "fetchIntervalMinutes", "60",
				"active", "true");
		long id = sourceId("IT Broken");
		postAs("/admin/sources/" + id + "/fetch");
		awaitFetch(id);
		assertThat(page("/admin/sources/" + id).select(".source-error").text()).isEqualTo("HTTP 500");

		Document list = page("/admin/sources");
		assertThat(list.select("tr[data-source-id=" + id + "] .source-error").text()).isEqualTo("HTTP 500");
		assertThat(list.select("tr[data-source-id=" + id + "] .source-status").text()).isEqualTo("failing (1)");
	}

	@Test
	void badInputComesBackWithMessagesAndNothingIsWritten() throws Exception {
		MvcResult result = postAs("/admin/sources/new", "name", " ", "siteUrl", "javascript:alert(1)", "feedUrl",
				"not a url", "categoryId", "999999999", "fetchIntervalMinutes", "0");
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document form = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(form.select(".field-error").eachText()).contains("Enter the blog’s name.",
				"Enter an address starting with http:// or https://.", "Choose a category from the list.",
				"Between 1 minute and a week (10080 minutes).");
		assertThat(form.select("input[name=feedUrl]").val()).isEqualTo("not a url");
		assertThat(this.jdbc.sql("select count(*) from feed_source where category_id = :id").param("id", this.categoryId)
			.query(Long.class).single()).isZero();
		assertThat(postAs("/admin/sources/new", "name", "x", "fetchIntervalMinutes", "lots").getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void unknownOrMalformedSourcesAreClientErrors() throws Exception {
		assertThat(this.mvc.perform(get("/admin/sources/999999999").with(user("carol").roles("EDITOR"))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/admin/sources/abc").with(user("carol").roles("EDITOR"))).andReturn()
			.getResponse().getStatus()).isEqualTo(400);
		assertThat(postAs("/admin/sources/999999999/fetch").getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/admin/sources")).andReturn().getResponse().getStatus()).isEqualTo(302);
	}

	@Test
	void pauseResumeAndDelete() throws Exception {
		postAs("/admin/sources/new", "name", "IT Pausable", "siteUrl", "https://p.example/", "feedUrl",
				"https://p.example/feed.xml", "categoryId", String.valueOf(this.categoryId), "fetchIntervalMinutes", "60",
				"active", "true");
		long id = sourceId("IT Pausable");
		postAs("/admin/sources/" + id + "/pause");
		assertThat(page("/admin/sources").select("tr[data-source-id=" + id + "] .source-status").text()).isEqualTo("paused");
		postAs("/admin/sources/" + id + "/resume");
		assertThat(this.jdbc.sql("select active from feed_source where id = :id").param("id", id).query(Boolean.class)
			.single()).isTrue();
		postAs("/admin/sources/" + id + "/delete", "confirm", "true");
		assertThat(this.jdbc.sql("select count(*) from feed_source where id = :id").param("id", id).query(Long.class)
			.single()).isZero();
	}

	@Test
	void opmlImportAndExport() throws Exception {
		String opml = """
				<?xml version="1.0"?>
				<opml version="2.0"><head><title>Mine</title></head><body>
				  <outline text="Engineering">
				    <outline type="rss" text="IT Alpha" xmlUrl="https://alpha.example/feed.xml" htmlUrl="https://alpha.example/"/>
				    <outline type="rss" title="IT Beta &amp; Co" xmlUrl="https://beta.example/atom.xml"/>
				    <outline type="rss" text="IT Bad" xmlUrl="javascript:alert(1)"/>
				  </outline>
				</body></opml>""";
		MvcResult imported = this.mvc.perform(multipart("/admin/sources/opml")
			.file(new MockMultipartFile("file", "feeds.opml", "text/x-opml", opml.getBytes(StandardCharsets.UTF_8)))
			.param("categoryId", String.valueOf(this.categoryId))
			.with(Uploads.length(opml.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(user("carol").roles("EDITOR"))).andReturn();
		assertThat((String) imported.getFlashMap().get("message")).isEqualTo(
				"Imported 2 sources; 0 were already there, 1 had no usable feed URL. Choose each one's category and which to keep; none is fetched before.");
		assertThat(this.jdbc.sql("select site_url from feed_source where name = 'IT Beta & Co'").query(String.class)
			.single()).isEqualTo("https://beta.example/");

		String exported = this.mvc.perform(get("/admin/sources/opml").with(user("carol").roles("EDITOR"))).andReturn()
			.getResponse().getContentAsString();
		assertThat(exported).contains("xmlUrl=\"https://alpha.example/feed.xml\"", "title=\"IT Beta &amp; Co\"");
	}

}
