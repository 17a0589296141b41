package dev.blogroll.listing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing counts under concurrent writers ({@code V36}): two transactions changing the
 * counts of the same days, in opposite orders, neither wait for each other nor deadlock, since
 * each only inserts its own pending changes; that does not depend on the order triggers fire in
 * (the test renames the content-version trigger so that it fires after the counting ones: until
 * V36 only that trigger, firing first by name, kept the importer's two writers from
 * deadlocking). The same holds for a tag's counts, kept by the triggers of {@code post_tag}
 * ({@code V95}), and a tag added to a post while another transaction re-dates it waits for that
 * transaction, so that the tag's copy of the post's date is the date it commits. Folding the
 * pending changes leaves the counts readers see as they were.
 */
@BlogrollTest
class ListingCountTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPosts testPosts;

	private final ExecutorService others = Executors.newSingleThreadExecutor();

	private long category;

	private long author;

	private long tag;

	@BeforeEach
	void addAPostOnTheSecondDay() {
		this.testPosts.add(PostBuilder.post().slug("lock-test-moved").category("Lock Test").author("Lock Tester")
			.tags("Lock Test Tag").publishedAt("2019-05-20T12:00:00Z"));
		this.category = this.jdbc.sql("select id from category where slug = 'lock-test'").query(Long.class).single();
		this.author = this.jdbc.sql("select id from author where slug = 'lock-tester'").query(Long.class).single();
		this.tag = this.jdbc.sql("select id from tag where slug = 'lock-test-tag'").query(Long.class).single();
		this.jdbc.sql("alter trigger post_changes_version on post rename to zz_post_changes_version").update();
	}

	@AfterEach
	void restore() throws InterruptedException {
		this.others.shutdownNow();
		this.others.awaitTermination(10, TimeUnit.SECONDS);
		this.jdbc.sql("alter trigger zz_post_changes_version on post rename to post_changes_version").update();
		this.testPosts.remove(List.of("lock-test-moved", "lock-test-first", "lock-test-second", "lock-test-third"), List.of("lock-test"),
				List.of("lock-test-tag"), List.of("lock-tester"));
	}

	@Test
	void countChangesInOppositeOrdersNeitherWaitNorDeadlock() throws Exception {
		try (Connection inserting = transaction(); Connection moving = transaction()) {
			// changes the counts of May 10
			execute(inserting, insert("lock-test-first", "2019-05-10T08:00:00Z"));
			// changes May 20's counts (the post leaves that day), then May 10's: until V36 it
			// held May 20's rows and waited for May 10's
			Future<?> move = this.others.submit(() -> {
				execute(moving, "update post set published_at = '2019-05-10T09:00:00Z' where slug = 'lock-test-moved'");
				return null;
			});
			move.get(10, TimeUnit.SECONDS);
			// changes May 20's counts: until V36 it waited for the move, which waited for it
			execute(inserting, insert("lock-test-second", "2019-05-20T08:00:00Z"));
			inserting.commit();
			moving.commit();
		}
		assertThat(count("day", "2019-05-10")).isEqualTo(2);
		assertThat(count("day", "2019-05-20")).isEqualTo(1);
		assertThat(count("month", "2019-05-01")).isEqualTo(3);
	}

	@Test
	void tagChangesInOppositeOrdersNeitherWaitNorDeadlock() throws Exception {
		execute(insert("lock-test-first", "2019-04-10T08:00:00Z"));
		execute(insert("lock-test-second", "2019-05-20T08:00:00Z"));
		execute(insert("lock-test-third", "2019-05-20T09:00:00Z"));
		execute(tagged("lock-test-third"));
		try (Connection tagging = transaction(); Connection moving = transaction()) {
			// changes the tag's counts of April (a tag is counted by month, V96)
			execute(tagging, tagged("lock-test-first"));
			// May's (the tagged post leaves that month, and the tag leaves another post of that
			// month), then April's
			Future<?> move = this.others.submit(() -> {
				execute(moving, "delete from post_tag where tag_id = %d and post_id = (select id from post where slug = 'lock-test-third')"
					.formatted(this.tag));
				execute(moving, "update post set published_at = '2019-04-10T09:00:00Z' where slug = 'lock-test-moved'");
				return null;
			});
			move.get(10, TimeUnit.SECONDS);
			// May's
			execute(tagging, tagged("lock-test-second"));
			tagging.commit();
			moving.commit();
		}
		assertThat(count("tag", this.tag, "month", "2019-04-01")).isEqualTo(2);
		assertThat(count("tag", this.tag, "month", "2019-05-01")).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from listing_count where kind = 'tag' and unit = 'day'")
			.query(Long.class)
			.single()).as("a tag is counted by month only").isZero();
	}

	@Test
	void aTagAddedWhileItsPostIsRedatedTakesTheDateThePostCommits() throws Exception {
		execute(insert("lock-test-first", "2019-05-10T08:00:00Z"));
		try (Connection moving = transaction(); Connection tagging = transaction()) {
			execute(moving, "update post set published_at = '2019-06-20T08:00:00Z' where slug = 'lock-test-first'");
			// waits for the move: its copy of the date must be the one the move commits
			Future<?> tag = this.others.submit(() -> {
				execute(tagging, tagged("lock-test-first"));
				tagging.commit();
				return null;
			});
			Thread.sleep(200);
			assertThat(tag).isNotDone();
			moving.commit();
			tag.get(10, TimeUnit.SECONDS);
		}
		assertThat(this.jdbc.sql("""
				select pt.published_at = p.published_at from post_tag pt join post p on p.id = pt.post_id
				where p.slug = 'lock-test-first'""").query(Boolean.class).single()).isTrue();
		assertThat(count("tag", this.tag, "month", "2019-05-01")).isEqualTo(1);
		assertThat(count("tag", this.tag, "month", "2019-06-01")).isEqualTo(1);
	}

	@Test
	void foldingThePendingChangesLeavesTheCountsAsTheyWere() {
		this.jdbc.sql("update post set published_at = published_at + interval '1 month' where slug = 'lock-test-moved'")
			.update();
		assertThat(this.jdbc.sql("select count(*) from listing_count_pending where kind = 'tag'").query(Long.class).single())
			.as("the tag's counts changed too").isPositive();
		String counts = "select md5(string_agg(concat_ws(',', kind, listing_id, unit, starts_at, ends_at, posts), '|' "
				+ "order by kind, listing_id, unit, starts_at)) from listing_count where posts <> 0";
		String changes = "select md5(string_agg(concat_ws(',', kind, listing_id, changed_at), '|' order by kind, listing_id))"
				+ " from listing_change";
		String before = this.jdbc.sql(counts).query(String.class).single();
		String changedBefore = this.jdbc.sql(changes).query(String.class).single();
		// -1 while another transaction (Blogroll's own folding) is at it
		while (this.jdbc.sql("select fold_listing_counts()").query(Integer.class).single() < 0) {
			Thread.onSpinWait();
		}
		assertThat(this.jdbc.sql("select count(*) from listing_count_pending").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql(counts).query(String.class).single()).isEqualTo(before);
		assertThat(this.jdbc.sql(changes).query(String.class).single()).isEqualTo(changedBefore);
	}

	private String insert(String slug, String publishedAt) {
		return """
				insert into post (slug, title, category_id, author_id, published_at, summary, status)
				values ('%s', 'Lock test', %d, %d, '%s', 'Lock test.', 'PUBLISHED')"""
			.formatted(slug, this.category, this.author, publishedAt);
	}

	/** The post tagged with the test's tag. */
	private String tagged(String slug) {
		return "insert into post_tag (post_id, tag_id) select id, %d from post where slug = '%s'".formatted(this.tag, slug);
	}

	private long count(String unit, String startsAt) {
		return count("category", this.category, unit, startsAt);
	}

	private long count(String kind, long id, String unit, String startsAt) {
		return this.jdbc.sql("""
				select coalesce(sum(posts), 0) from listing_count
				where kind = :kind and listing_id = :id and unit = :unit and starts_at = cast(:starts as timestamptz)""")
			.param("kind", kind)
			.param("id", id)
			.param("unit", unit)
			.param("starts", startsAt + "T00:00:00Z")
			.query(Long.class)
			.single();
	}

	private void execute(String sql) {
		this.jdbc.sql(sql).update();
	}

	/** A transaction that gives up after 2 seconds of waiting for a lock, rather than hanging the test. */
	private Connection transaction() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		execute(connection, "set local lock_timeout = '2s'");
		return connection;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
