package dev.blogroll.post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostFormFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two writers at the same instant, made deterministic: the other writer is a transaction this
 * test holds open on a connection of its own, and the editor's save (a real request through
 * every filter) runs on another thread until it waits for that transaction. Whatever the
 * database then decides (the row changed, the slug taken, the tag created, a deadlock), the
 * editor gets a page with their input, never an error page.
 */
@BlogrollTest
class ConcurrentSaveTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	private final ExecutorService editors = Executors.newFixedThreadPool(2);

	private long engineering;

	private long anAuthor;

	@BeforeEach
	void findReferenceData() {
		this.engineering = this.jdbc.sql("select id from category where slug = 'engineering'").query(Long.class).single();
		this.anAuthor = this.jdbc.sql("select id from author where slug = 'marco-palladino'").query(Long.class).single();
	}

	@AfterEach
	void removeTestData() throws InterruptedException {
		this.editors.shutdownNow();
		this.editors.awaitTermination(10, TimeUnit.SECONDS);
		this.jdbc.sql("delete from post where slug like 'race-%'").update();
		this.jdbc.sql("delete from author where slug like 'race-%'").update();
		this.jdbc.sql("delete from tag where slug like 'race-%'").update();
		this.jdbc.sql("drop trigger if exists race_abort_save on post").update();
		this.jdbc.sql("drop function if exists race_abort_save()").update();
		this.jdbc.sql("drop sequence if exists race_attempts").update();
	}

	@Test
	void aSaveCommittedWhileAnotherWaitsForThePostMakesTheWaitingOneAConflictPageWithItsInput() throws Exception {
		long id = createPost("race-post", "Race Post");
		MvcResult result;
		try (Connection other = openTransaction()) {
			execute(other, "select id from post where id = ? for update", id);
			Future<MvcResult> save = inBackground(() -> this.mvc.perform(edit(id, 0, "title", "Mine", "body", "My words"))
				.andReturn());
			awaitSomeoneWaitingForALock();
			execute(other, "update post set title = 'Theirs', updated_by = 'bob', version = version + 1 where id = ?", id);
			other.commit();
			result = save.get(30, TimeUnit.SECONDS);
		}
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("[role=alert]").text()).contains("Someone else saved this post", "bob");
		assertThat(page.select(".conflict-list .conflict-label").eachText()).contains("Title");
		assertThat(page.select("input#title").val()).isEqualTo("Mine");
		assertThat(page.select("textarea#body").text()).isEqualTo("My words");
		// saving again deliberately replaces theirs: the form now carries their version
		assertThat(page.select("input#version").val()).isEqualTo("1");
		assertThat(title(id)).isEqualTo("Theirs");
	}

	@Test
	void aSlugTakenByASaveCommittedMeanwhileComesBackAsAFieldErrorWithTheInput() throws Exception {
		MvcResult result;
		try (Connection other = openTransaction()) {
			insertPost(other, "race-same-title", "Race Same Title (theirs)");
			Future<MvcResult> save = inBackground(() -> this.mvc
				.perform(form("/admin/posts/new", "title", "Race Same Title", "slug", "", "body", "My body"))
				.andReturn());
			awaitSomeoneWaitingForALock();
			other.commit();
			result = save.get(30, TimeUnit.SECONDS);
		}
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#slug-error").text())
			.isEqualTo("The post “Race Same Title (theirs)” already uses this slug.");
		assertThat(page.select("input#title").val()).isEqualTo("Race Same Title");
		assertThat(page.select("textarea#body").text()).isEqualTo("My body");
		assertThat(this.jdbc.sql("select count(*) from post where slug = 'race-same-title'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aSlugChangedToOneTakenMeanwhileComesBackAsAFieldError() throws Exception {
		long id = createPost("race-renamed", "Race Renamed");
		MvcResult result;
		try (Connection other = openTransaction()) {
			insertPost(other, "race-wanted", "Race Wanted (theirs)");
			Future<MvcResult> save = inBackground(() -> this.mvc.perform(edit(id, 0, "slug", "race-wanted")).andReturn());
			awaitSomeoneWaitingForALock();
			other.commit();
			result = save.get(30, TimeUnit.SECONDS);
		}
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#slug-error").text()).isEqualTo("The post “Race Wanted (theirs)” already uses this slug.");
		assertThat(page.select("input#slug").val()).isEqualTo("race-wanted");
		assertThat(this.jdbc.sql("select slug from post where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("race-renamed");
	}

	@Test
	void twoSavesCreatingTheSameNewTagBothSucceedAndShareIt() throws Exception {
		MvcResult result;
		long theirs;
		try (Connection other = openTransaction()) {
			theirs = insertReturningId(other, "insert into tag (slug, name) values ('race-tag', 'Race Tag') returning id");
			Future<MvcResult> save = inBackground(() -> this.mvc
				.perform(form("/admin/posts/new", "title", "Race Tagged", "tags", "Race Tag, API Gateway"))
				.andReturn());
			awaitSomeoneWaitingForALock();
			other.commit();
			result = save.get(30, TimeUnit.SECONDS);
		}
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		assertThat(this.jdbc.sql("""
				select t.id from post p join post_tag pt on pt.post_id = p.id join tag t on t.id = pt.tag_id
				where p.slug = 'race-tagged' and t.slug = 'race-tag'""").query(Long.class).single()).isEqualTo(theirs);
	}

	@Test
	void twoSavesCreatingTheSameNewAuthorBothSucceedAndShareIt() throws Exception {
		MvcResult result;
		long theirs;
		try (Connection other = openTransaction()) {
			theirs = insertReturningId(other,
					"insert into author (slug, name) values ('race-writer', 'Race Writer') returning id");
			Future<MvcResult> save = inBackground(() -> this.mvc
				.perform(form("/admin/posts/new", "title", "Race Authored", "authorId", "", "newAuthor", "Race Writer"))
				.andReturn());
			awaitSomeoneWaitingForALock();
			other.commit();
			result = save.get(30, TimeUnit.SECONDS);
		}
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		assertThat(this.jdbc.sql("select author_id from post where slug = 'race-authored'").query(Long.class).single())
			.isEqualTo(theirs);
	}

	@Test
	void aSaveThatLosesADeadlockIsRunAgainAndSaved() throws Exception {
		long id = createPost("race-deadlock", "Race Deadlock");
		MvcResult result;
		try (Connection other = openTransaction()) {
			execute(other, "select id from post where id = ? for update", id);
			// the save creates the tag, then waits for the post this transaction holds...
			Future<MvcResult> save = inBackground(() -> this.mvc
				.perform(edit(id, 0, "title", "Race Deadlock, saved", "tags", "Race Deadlock Tag"))
				.andReturn());
			awaitSomeoneWaitingForALock();
			Thread.sleep(300);
			// ...and this transaction now wants the tag: each waits for the other. The save
			// waited first, so its deadlock check runs first and PostgreSQL aborts it
			execute(other, "insert into tag (slug, name) values ('race-deadlock-tag', 'Race Deadlock Tag')");
			other.commit();
			result = save.get(30, TimeUnit.SECONDS);
		}
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		assertThat(title(id)).isEqualTo("Race Deadlock, saved");
		assertThat(this.jdbc.sql("""
				select count(*) from post_tag pt join tag t on t.id = pt.tag_id
				where pt.post_id = :id and t.slug = 'race-deadlock-tag'""").param("id", id).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aSaveAbortedTwiceAsASerializationFailureIsSavedAtTheThirdAttempt() throws Exception {
		abortSavesTitled("Race Aborted twice%", 2);
		MvcResult result = this.mvc.perform(form("/admin/posts/new", "title", "Race Aborted twice")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(this.jdbc.sql("select count(*) from post where slug = 'race-aborted-twice'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(attempts()).isEqualTo(3);
	}

	@Test
	void aSaveAbortedAtEveryAttemptComesBackWithTheInputAndNothingSaved() throws Exception {
		abortSavesTitled("Race Always aborted%", Integer.MAX_VALUE);
		MvcResult result = this.mvc
			.perform(form("/admin/posts/new", "title", "Race Always aborted", "body", "Words to keep", "tags", "Race Kept"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(503);
		assertThat(result.getResponse().getHeader("Retry-After")).isNotBlank();
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("[role=alert]").text()).contains("Your changes have not been saved");
		assertThat(page.select("input#title").val()).isEqualTo("Race Always aborted");
		assertThat(page.select("input#tags").val()).isEqualTo("Race Kept");
		assertThat(page.select("textarea#body").text()).isEqualTo("Words to keep");
		assertThat(attempts()).isEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from post where slug like 'race-always%'").query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("select count(*) from tag where slug = 'race-kept'").query(Long.class).single()).isZero();
	}

	@Test
	void aPostTrashedWhileAnotherSaveCommitsIsTrashed() throws Exception {
		long id = createPost("race-trashed", "Race Trashed");
		MvcResult result;
		try (Connection other = openTransaction()) {
			execute(other, "select id from post where id = ? for update", id);
			Future<MvcResult> trash = inBackground(() -> this.mvc.perform(post("/admin/posts/" + id + "/trash").param("confirm", "true")
				.with(csrf()).with(user("alice").roles("EDITOR"))).andReturn());
			awaitSomeoneWaitingForALock();
			execute(other, "update post set title = 'Theirs', version = version + 1 where id = ?", id);
			other.commit();
			result = trash.get(30, TimeUnit.SECONDS);
		}
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(this.jdbc.sql("select status || ' ' || title from post where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("TRASHED Theirs");
	}

	// --- the editor's requests ---------------------------------------------------------------

	private MockHttpServletRequestBuilder form(String path, String... changes) {
		Map<String, String> fields = PostFormFields.with(PostFormFields.draft(this.engineering, this.anAuthor),
				"title", "Race Post", "tags", "API Gateway", "publishedAt", "2021-03-04T10:00",
				"status", "PUBLISHED", "body", "A body.");
		return PostFormFields.post(path, "alice", PostFormFields.with(fields, changes));
	}

	private MockHttpServletRequestBuilder edit(long id, long version, String... changes) {
		String[] all = new String[changes.length + 4];
		all[0] = "slug";
		all[1] = this.jdbc.sql("select slug from post where id = :id").param("id", id).query(String.class).single();
		all[2] = "version";
		all[3] = String.valueOf(version);
		System.arraycopy(changes, 0, all, 4, changes.length);
		return form("/admin/posts/" + id + "/edit", all);
	}

	private long createPost(String slug, String title) throws Exception {
		MvcResult result = this.mvc.perform(form("/admin/posts/new", "title", title, "slug", slug)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return this.jdbc.sql("select id from post where slug = :slug").param("slug", slug).query(Long.class).single();
	}

	private Future<MvcResult> inBackground(Callable<MvcResult> request) {
		return this.editors.submit(request);
	}

	// --- the other writer ----------------------------------------------------------------------

	private Connection openTransaction() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		return connection;
	}

	private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.execute();
		}
	}

	private static long insertReturningId(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql); var rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private void insertPost(Connection connection, String slug, String title) throws SQLException {
		execute(connection, """
				insert into post (slug, title, category_id, author_id, published_at, summary, status)
				values (?, ?, ?, ?, now(), 'Theirs.', 'PUBLISHED')""", slug, title, this.engineering, this.anAuthor);
	}

	/** Until a session other than the test's own waits for a lock: the editor's save has reached the row. */
	private void awaitSomeoneWaitingForALock() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (this.jdbc.sql("""
				select count(*) from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock'""").query(Long.class).single() == 0) {
			assertThat(Instant.now()).as("the save should wait for the other transaction").isBefore(deadline);
			Thread.sleep(20);
		}
	}

	/**
	 * Makes PostgreSQL abort saves of posts whose title is like the pattern with a serialization
	 * failure, the first {@code times} times; a sequence (not rolled back) counts the attempts.
	 */
	private void abortSavesTitled(String pattern, int times) {
		this.jdbc.sql("create sequence race_attempts").update();
		this.jdbc.sql("""
				create function race_abort_save() returns trigger language plpgsql as $$
				begin
				    if new.title like '%s' and nextval('race_attempts') <= %d then
				        raise exception 'could not serialize access (test)' using errcode = '40001';
				    end if;
				    return new;
				end $$""".formatted(pattern, times)).update();
		this.jdbc.sql("create trigger race_abort_save before insert or update on post for each row execute function race_abort_save()")
			.update();
	}

	private long attempts() {
		return this.jdbc.sql("select last_value from race_attempts").query(Long.class).single();
	}

	private String title(long id) {
		return this.jdbc.sql("select title from post where id = :id").param("id", id).query(String.class).single();
	}

}
