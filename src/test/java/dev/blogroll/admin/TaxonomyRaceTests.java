package dev.blogroll.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Categories, tags and authors changed by two editors at the same instant: the other editor
 * is a transaction this test holds open until the admin's request waits for it. The admin's
 * request always ends in a page with a message, never an error page.
 */
@BlogrollTest
class TaxonomyRaceTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private TestPosts testPosts;

	private final ExecutorService editor = Executors.newSingleThreadExecutor();

	@BeforeEach
	void addAPost() {
		this.testPosts.add(PostBuilder.post().slug("tax-race-post").category("Tax Race Shelf").author("Tax Race Writer")
			.tags("Tax Race Red"));
	}

	@AfterEach
	void removeTestData() throws InterruptedException {
		this.editor.shutdownNow();
		this.editor.awaitTermination(10, TimeUnit.SECONDS);
		this.jdbc.sql("delete from feed_source where name like 'Tax Race%'").update();
		this.testPosts.remove(List.of("tax-race-post", "tax-race-other"), List.of("tax-race-shelf", "tax-race-box",
				"tax-race-unused"), List.of("tax-race-red", "tax-race-blue", "tax-race-green"),
				List.of("tax-race-writer", "tax-race-idle"));
	}

	@Test
	void aCategorySlugTakenMeanwhileComesBackAsTheFormsError() throws Exception {
		MvcResult result = whileAnotherEditorHolds("insert into category (slug, name) values ('tax-race-box', 'Box of theirs')",
				() -> postAs("/admin/categories", "name", "Tax Race Box", "slug", "", "description", "Mine."));
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.text()).contains("Another category already uses this slug.");
		assertThat(page.select("input[name=name]").val()).isEqualTo("Tax Race Box");
		assertThat(this.jdbc.sql("select name from category where slug = 'tax-race-box'").query(String.class).single())
			.isEqualTo("Box of theirs");
	}

	@Test
	void aTagRenamedToANameTakenMeanwhileSaysSo() throws Exception {
		long red = id("tag", "tax-race-red");
		MvcResult result = whileAnotherEditorHolds("insert into tag (slug, name) values ('tax-race-blue', 'Tax Race Blue')",
				() -> postAs("/admin/tags/" + red + "/rename", "name", "Tax Race Blue"));
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/tags");
		assertThat(result.getFlashMap().get("error")).asString().contains("took that name");
		assertThat(this.jdbc.sql("select name from tag where id = :id").param("id", red).query(String.class).single())
			.isEqualTo("Tax Race Red");
	}

	@Test
	void anAuthorGivenAPostWhileBeingDeletedIsKept() throws Exception {
		this.jdbc.sql("insert into author (slug, name) values ('tax-race-idle', 'Tax Race Idle')").update();
		long idle = id("author", "tax-race-idle");
		long shelf = id("category", "tax-race-shelf");
		MvcResult result = whileAnotherEditorHolds("""
				insert into post (slug, title, category_id, author_id, published_at, summary, status)
				values ('tax-race-other', 'Other', %d, %d, now(), 'Other.', 'DRAFT')""".formatted(shelf, idle),
				() -> postAs("/admin/authors/" + idle + "/delete", "confirm", "true"));
		assertThat(result.getFlashMap().get("error")).asString().contains("was just given a post");
		assertThat(this.jdbc.sql("select count(*) from author where id = :id").param("id", idle).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aTagGivenToAPostWhileBeingDeletedIsKept() throws Exception {
		this.jdbc.sql("insert into tag (slug, name) values ('tax-race-green', 'Tax Race Green')").update();
		long green = id("tag", "tax-race-green");
		long post = id("post", "tax-race-post");
		MvcResult result = whileAnotherEditorHolds(
				"insert into post_tag (post_id, tag_id) values (%d, %d)".formatted(post, green),
				() -> postAs("/admin/tags/" + green + "/delete", "confirm", "true"));
		assertThat(result.getFlashMap().get("error")).asString().contains("was just given to a post");
		assertThat(this.jdbc.sql("select count(*) from post_tag where tag_id = :id").param("id", green)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCategoryAFeedSourceUsesIsNotDeleted() throws Exception {
		this.jdbc.sql("insert into category (slug, name) values ('tax-race-unused', 'Tax Race Unused')").update();
		long unused = id("category", "tax-race-unused");
		this.jdbc.sql("""
				insert into feed_source (name, site_url, feed_url, category_id)
				values ('Tax Race Source', 'https://example.com/', 'https://example.com/tax-race.xml', :id)""")
			.param("id", unused)
			.update();
		MvcResult result = postAs("/admin/categories/" + unused + "/delete", "confirm", "true");
		assertThat(result.getFlashMap().get("error")).asString().contains("still used by posts or feed sources");
		assertThat(this.jdbc.sql("select count(*) from category where id = :id").param("id", unused)
			.query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * Runs the statement in a transaction, then the request, waits until the request waits for
	 * that transaction, commits it, and returns what the request answered.
	 */
	private MvcResult whileAnotherEditorHolds(String sql, Callable<MvcResult> request) throws Exception {
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (Statement statement = other.createStatement()) {
				statement.execute(sql);
			}
			var answer = this.editor.submit(request);
			awaitSomeoneWaitingForALock();
			other.commit();
			return answer.get(30, TimeUnit.SECONDS);
		}
	}

	private MvcResult postAs(String path, String... params) throws Exception {
		var request = post(path).with(csrf()).with(user("carol").roles("EDITOR"));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request).andReturn();
	}

	private long id(String table, String slug) {
		return this.jdbc.sql("select id from " + table + " where slug = :slug").param("slug", slug).query(Long.class)
			.single();
	}

	private void awaitSomeoneWaitingForALock() throws InterruptedException, SQLException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (this.jdbc.sql("""
				select count(*) from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock'""").query(Long.class).single() == 0) {
			assertThat(Instant.now()).as("the request should wait for the other editor").isBefore(deadline);
			Thread.sleep(20);
		}
	}

}
