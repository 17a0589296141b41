package dev.blogroll.admin;

import java.time.Instant;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;
import dev.blogroll.PostFormFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Writing as an editor expects: "Publish now" stamps the time of publishing, the edit page says
 * where the post stands (draft, scheduled for … with the zone and the time left, published,
 * trashed) with a "View post" link, each save says what happened, the table shows the
 * scheduled posts soonest first, and an image readers' browsers would block is refused.
 */
@BlogrollTest
class PostWritingTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	private long engineering;

	private long anAuthor;

	@BeforeEach
	void findReferenceData() {
		this.engineering = this.jdbc.sql("select id from category where slug = 'engineering'").query(Long.class).single();
		this.anAuthor = this.jdbc.sql("select id from author where slug = 'marco-palladino'").query(Long.class).single();
	}

	@AfterEach
	void removeTestPosts() {
		this.jdbc.sql("delete from post where slug like 'writing-test-%'").update();
	}

	private MockHttpServletRequestBuilder form(String path, String... changes) {
		Map<String, String> fields = PostFormFields.with(PostFormFields.draft(this.engineering, this.anAuthor),
				"title", "Writing Test Post", "slug", "writing-test-post", "publishedAt",
				"2026-11-30T09:07");
		return PostFormFields.post(path, "wanda", PostFormFields.with(fields, changes));
	}

	private MvcResult save(String path, String... changes) throws Exception {
		return this.mvc.perform(form(path, changes)).andReturn();
	}

	private Document editPage(long id) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/admin/posts/" + id + "/edit").with(user("wanda").roles("EDITOR")))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private long id(String slug) {
		return this.jdbc.sql("select id from post where slug = :slug").param("slug", slug).query(Long.class).single();
	}

	@Test
	void publishNowStampsTheTimeOfPublishingNotTheTimeTheFormWasOpened() throws Exception {
		this.clock.set(Instant.parse("2026-11-30T09:07:00Z"));
		Document blank = Jsoup.parse(this.mvc.perform(get("/admin/posts/new").with(user("wanda").roles("EDITOR")))
			.andReturn().getResponse().getContentAsString());
		String openedAt = blank.select("#publishedAt").val();
		assertThat(openedAt).isEqualTo("2026-11-30T09:07"); // the clock moves on from 09:07:00 as the test runs
		assertThat(blank.select("button[name=publish][value=now]").text()).isEqualTo("Publish now");

		this.clock.set(Instant.parse("2026-11-30T09:09:30Z"));
		MvcResult published = save("/admin/posts/new", "publishedAt", openedAt, "publish", "now");
		assertThat(published.getFlashMap().get("message")).isEqualTo("Published “Writing Test Post”.");
		assertThat(this.jdbc.sql("select published_at from post where slug = 'writing-test-post'")
			.query(java.sql.Timestamp.class).single().toInstant())
			.isBetween(Instant.parse("2026-11-30T09:09:30Z"), Instant.parse("2026-11-30T09:09:40Z"));
		assertThat(this.jdbc.sql("select status from post where slug = 'writing-test-post'").query(String.class).single())
			.isEqualTo("PUBLISHED");

		Document edit = editPage(id("writing-test-post"));
		assertThat(edit.select(".post-state-label").text()).isEqualTo("Published");
		assertThat(edit.select("a.view-post").text()).isEqualTo("View post");
		assertThat(edit.select("a.view-post").attr("href")).isEqualTo("/blog/engineering/writing-test-post");
		assertThat(edit.select("button[name=publish]")).as("already published").isEmpty();
	}

	@Test
	void eachSaveSaysWhatHappenedAndTheEditPageSaysWhereThePostStands() throws Exception {
		this.clock.set(Instant.parse("2026-11-30T09:00:00Z"));
		assertThat(save("/admin/posts/new").getFlashMap().get("message"))
			.isEqualTo("Saved “Writing Test Post” as a draft.");
		long id = id("writing-test-post");
		Document draft = editPage(id);
		assertThat(draft.select(".post-state").text()).contains("Draft", "only editors can see it");
		assertThat(draft.select("a.view-post").attr("href")).isEqualTo("/admin/posts/" + id + "/preview");
		assertThat(draft.select("a.view-post").text()).contains("View post", "not public yet");

		MvcResult scheduled = save("/admin/posts/" + id + "/edit", "status", "PUBLISHED", "publishedAt",
				"2026-12-01T12:30", "version", version(id));
		assertThat(scheduled.getFlashMap().get("message"))
			.isEqualTo("Scheduled “Writing Test Post” for Dec 1, 2026 12:30 (UTC), in 1 day 3 hours.");
		assertThat(editPage(id).select(".post-state").text())
			.contains("Scheduled", "Scheduled for Dec 1, 2026 12:30 (UTC), in 1 day 3 hours.");

		this.clock.set(Instant.parse("2026-12-01T12:25:00Z"));
		assertThat(editPage(id).select(".post-state").text()).contains("in 5 minutes");

		this.mvc.perform(post("/admin/posts/" + id + "/trash").param("confirm", "true")
			.with(csrf()).with(user("wanda").roles("EDITOR")));
		assertThat(editPage(id).select(".post-state").text()).contains("In the trash", "410 Gone");
	}

	@Test
	void theTableShowsScheduledPostsSoonestFirst() throws Exception {
		this.clock.set(Instant.parse("2026-11-30T09:00:00Z"));
		save("/admin/posts/new", "title", "Writing Test Later", "slug", "writing-test-later", "status", "PUBLISHED",
				"publishedAt", "2026-12-20T09:00");
		save("/admin/posts/new", "title", "Writing Test Sooner", "slug", "writing-test-sooner", "status", "PUBLISHED",
				"publishedAt", "2026-12-02T09:00");
		for (String status : new String[] { "scheduled", "all" }) {
			Document table = Jsoup.parse(this.mvc
				.perform(get("/admin/posts?status=" + status).with(user("wanda").roles("EDITOR")))
				.andReturn().getResponse().getContentAsString());
			assertThat(table.select("tbody tr .post-card-title a").eachText()).as(status)
				.startsWith("Writing Test Sooner", "Writing Test Later");
		}
	}

	@Test
	void anHttpImageIsRefusedSayingReadersWouldNotSeeIt() throws Exception {
		MvcResult result = save("/admin/posts/new", "imageUrl", "http://images.example/diagram.png", "imageAlt", "A diagram");
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document form = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(form.select("#imageUrl-error").text()).contains("Content-Security-Policy", "https://");
		assertThat(form.select("#body").text()).isEqualTo("Words.");
		assertThat(this.jdbc.sql("select count(*) from post where slug = 'writing-test-post'").query(Long.class).single())
			.isZero();
		assertThat(save("/admin/posts/new", "imageUrl", "https://images.example/diagram.png", "imageAlt", "A diagram")
			.getResponse().getStatus()).isEqualTo(302);
	}

	private String version(long id) {
		return this.jdbc.sql("select version from post where id = :id").param("id", id).query(String.class).single();
	}

}
