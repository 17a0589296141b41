package dev.blogroll.admin;

import java.time.Duration;
import java.util.List;

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
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The post form's autosave: kept per post and editor without publishing or touching the post's
 * version, shown again ("Restored unsaved changes from …") until the editor saves or discards
 * it, and never over a save someone made after it.
 */
@BlogrollTest
class AutosaveTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private MutableClock clock;

	private long id;

	@BeforeEach
	void createPost() {
		this.testPosts.add(PostBuilder.post().title("Autosave Post").slug("autosave-post").status("draft").body("Saved words."));
		this.id = this.jdbc.sql("select id from post where slug = 'autosave-post'").query(Long.class).single();
	}

	@AfterEach
	void removePost() {
		this.testPosts.remove(List.of("autosave-post"), List.of(), List.of(), List.of());
		this.jdbc.sql("delete from post where slug = 'autosave-new-post'").update();
		this.jdbc.sql("delete from new_post_autosave").update();
	}

	private MvcResult autosave(String username, String body) throws Exception {
		return this.mvc.perform(post("/admin/posts/" + this.id + "/autosave").param("title", "Autosave Post")
			.param("body", body)
			.param("version", version())
			.with(csrf())
			.with(user(username).roles("EDITOR"))).andReturn();
	}

	private Document editPage(String username) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/admin/posts/" + this.id + "/edit").with(user(username).roles("EDITOR")))
			.andReturn().getResponse().getContentAsString());
	}

	private String version() {
		return this.jdbc.sql("select version from post where id = :id").param("id", this.id).query(String.class).single();
	}

	private String body() {
		return this.jdbc.sql("select body from post where id = :id").param("id", this.id).query(String.class).single();
	}

	@Test
	void anAutosaveKeepsTypingWithoutSavingThePostAndComesBackUntilSavedOrDiscarded() throws Exception {
		String before = version();
		this.clock.advance(Duration.ofMinutes(1));
		MvcResult kept = autosave("ada", "Typed words.");
		assertThat(kept.getResponse().getStatus()).isEqualTo(200);
		assertThat(kept.getResponse().getContentAsString()).matches("[0-9]{2}:[0-9]{2}");
		assertThat(version()).as("the post's version is left alone").isEqualTo(before);
		assertThat(body()).isEqualTo("Saved words.");

		Document page = editPage("ada");
		assertThat(page.select(".flash-warning").text()).contains("Restored unsaved changes from " + kept.getResponse().getContentAsString());
		assertThat(page.select("#body").text()).isEqualTo("Typed words.");
		assertThat(page.select("form.post-form").attr("data-autosave")).isEqualTo("/admin/posts/" + this.id + "/autosave");
		assertThat(page.select("script[src~=^/js/post-form-[0-9a-f]{32}\\.js$]")).as("the form's script, under its hashed address").hasSize(1);
		assertThat(editPage("bob").select("#body").text()).as("another editor's form is their own").isEqualTo("Saved words.");

		MvcResult discarded = this.mvc.perform(post("/admin/posts/" + this.id + "/autosave/discard").with(csrf())
			.with(user("ada").roles("EDITOR"))).andReturn();
		assertThat(discarded.getResponse().getRedirectedUrl()).isEqualTo("/admin/posts/" + this.id + "/edit");
		assertThat(editPage("ada").select("#body").text()).isEqualTo("Saved words.");
	}

	@Test
	void aSaveMadeAfterTheAutosaveWinsAndTooLargeOrUnknownIsRefused() throws Exception {
		this.clock.advance(Duration.ofMinutes(1));
		autosave("ada", "Typed words.");
		this.clock.advance(Duration.ofMinutes(1));
		this.jdbc.sql("update post set body = 'Someone saved later.', updated_at = :now, version = version + 1 where id = :id")
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("id", this.id)
			.update();
		assertThat(editPage("ada").select("#body").text()).isEqualTo("Someone saved later.");
		assertThat(editPage("ada").select(".flash-warning")).isEmpty();

		assertThat(autosave("ada", "x".repeat(1024 * 1024 + 1)).getResponse().getStatus()).isEqualTo(413);
		assertThat(this.mvc.perform(post("/admin/posts/999999999/autosave").param("body", "x").with(csrf())
			.with(user("ada").roles("EDITOR"))).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aNewPostsFormAutosavesWithoutCreatingAPostAndComesBackUntilCreatedOrDiscarded() throws Exception {
		long posts = this.jdbc.sql("select count(*) from post").query(Long.class).single();
		Document blank = newPage("ada");
		assertThat(blank.select("form.post-form").attr("data-autosave")).isEqualTo("/admin/posts/new/autosave");
		this.clock.advance(Duration.ofMinutes(1));
		MvcResult kept = this.mvc.perform(post("/admin/posts/new/autosave").param("title", "Autosave New Post")
			.param("body", "Started, never saved.").param("status", "PUBLISHED").param("version", "0")
			.with(csrf()).with(user("ada").roles("EDITOR"))).andReturn();
		assertThat(kept.getResponse().getStatus()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from post").query(Long.class).single())
			.as("no post created, nothing public").isEqualTo(posts);

		Document page = newPage("ada");
		assertThat(page.select(".flash-warning").text())
			.contains("Restored unsaved changes from " + kept.getResponse().getContentAsString());
		assertThat(page.select("#title").val()).isEqualTo("Autosave New Post");
		assertThat(page.select("#body").text()).isEqualTo("Started, never saved.");
		assertThat(newPage("bob").select("#title").val()).as("kept for ada alone").isEmpty();
		assertThat(this.mvc.perform(get("/blog/engineering/autosave-new-post")).andReturn().getResponse().getStatus())
			.isEqualTo(404);

		MvcResult discarded = this.mvc.perform(post("/admin/posts/new/autosave/discard").with(csrf())
			.with(user("ada").roles("EDITOR"))).andReturn();
		assertThat(discarded.getResponse().getRedirectedUrl()).isEqualTo("/admin/posts/new");
		assertThat(newPage("ada").select("#title").val()).isEmpty();

		assertThat(this.mvc.perform(post("/admin/posts/new/autosave").param("body", "x".repeat(1024 * 1024 + 1))
			.with(csrf()).with(user("ada").roles("EDITOR"))).andReturn().getResponse().getStatus()).isEqualTo(413);
		assertThat(this.jdbc.sql("select count(*) from new_post_autosave").query(Long.class).single()).isZero();
	}

	private Document newPage(String username) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/admin/posts/new").with(user(username).roles("EDITOR")))
			.andReturn().getResponse().getContentAsString());
	}

}
