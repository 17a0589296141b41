package dev.blogroll.listing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
 * Two transactions changing the listing counts of the same days in opposite orders wait for
 * each other instead of deadlocking, because the counting trigger takes one lock before any
 * count row ({@code V36}), and not because of the order triggers fire in: the test renames the
 * content-version trigger so that it fires after the counting ones. (Until V36 the importer's
 * two writers relied on that trigger, whose name happened to sort first, to keep them apart.)
 */
@BlogrollTest
class ListingCountLockTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPosts testPosts;

	private final ExecutorService others = Executors.newSingleThreadExecutor();

	private long category;

	private long author;

	@BeforeEach
	void addAPostOnTheSecondDay() {
		this.testPosts.add(PostBuilder.post().slug("lock-test-moved").category("Lock Test").author("Lock Tester")
			.publishedAt("2019-05-20T12:00:00Z"));
		this.category = this.jdbc.sql("select id from category where slug = 'lock-test'").query(Long.class).single();
		this.author = this.jdbc.sql("select id from author where slug = 'lock-tester'").query(Long.class).single();
		this.jdbc.sql("alter trigger post_changes_version on post rename to zz_post_changes_version").update();
	}

	@AfterEach
	void restore() throws InterruptedException {
		this.others.shutdownNow();
		this.others.awaitTermination(10, TimeUnit.SECONDS);
		this.jdbc.sql("alter trigger zz_post_changes_version on post rename to post_changes_version").update();
		this.testPosts.remove(List.of("lock-test-moved", "lock-test-first", "lock-test-second"), List.of("lock-test"),
				List.of(), List.of("lock-tester"));
	}

	@Test
	void countChangesInOppositeOrdersWaitInsteadOfDeadlocking() throws Exception {
		try (Connection inserting = transaction(); Connection moving = transaction()) {
			// holds the counts of May 10
			execute(inserting, insert("lock-test-first", "2019-05-10T08:00:00Z"));
			// takes May 20's counts (the post leaves that day), then needs May 10's
			Future<?> move = this.others.submit(() -> {
				execute(moving, "update post set published_at = '2019-05-10T09:00:00Z' where slug = 'lock-test-moved'");
				moving.commit();
				return null;
			});
			awaitSomeoneWaitingForALock();
			// needs May 20's counts: if the move held them, each would wait for the other
			execute(inserting, insert("lock-test-second", "2019-05-20T08:00:00Z"));
			inserting.commit();
			move.get(30, TimeUnit.SECONDS);
		}
		assertThat(count("day", "2019-05-10")).isEqualTo(2);
		assertThat(count("day", "2019-05-20")).isEqualTo(1);
		assertThat(count("month", "2019-05-01")).isEqualTo(3);
	}

	private String insert(String slug, String publishedAt) {
		return """
				insert into post (slug, title, category_id, author_id, published_at, summary, status)
				values ('%s', 'Lock test', %d, %d, '%s', 'Lock test.', 'PUBLISHED')"""
			.formatted(slug, this.category, this.author, publishedAt);
	}

	private long count(String unit, String startsAt) {
		return this.jdbc.sql("""
				select posts from listing_count
				where kind = 'category' and listing_id = :id and unit = :unit and starts_at = cast(:starts as timestamptz)""")
			.param("id", this.category)
			.param("unit", unit)
			.param("starts", startsAt + "T00:00:00Z")
			.query(Long.class)
			.single();
	}

	private Connection transaction() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		return connection;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private void awaitSomeoneWaitingForALock() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (this.jdbc.sql("""
				select count(*) from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock'""").query(Long.class).single() == 0) {
			assertThat(Instant.now()).as("the move should wait for the insert").isBefore(deadline);
			Thread.sleep(20);
		}
	}

}
