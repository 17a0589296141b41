package dev.blogroll.content;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestContextHolder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;
import dev.blogroll.content.ContentVersion.Snapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content version: writers that have nothing to do with each other never wait for each
 * other because of it, and it still changes with every commit readers could see, whatever
 * order transactions commit in.
 */
@BlogrollTest
class ContentVersionTests {

	@Autowired
	private ContentVersion contentVersion;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPosts testPosts;

	@BeforeEach
	void addPosts() {
		this.testPosts.add(PostBuilder.post().slug("version-one").title("Version One").category("Version Test"),
				PostBuilder.post().slug("version-two").title("Version Two").category("Version Test"));
	}

	@AfterEach
	void removePosts() {
		this.testPosts.remove(List.of("version-one", "version-two"), List.of("version-test"),
				List.of("version-tag"), List.of());
	}

	@Test
	void writersOfUnrelatedRowsDoNotWaitForEachOther() throws SQLException {
		try (Connection first = transaction(); Connection second = transaction()) {
			execute(first, "update post set title = 'Version One, first' where slug = 'version-one'");
			// fails with "canceling statement due to lock timeout" if it has to wait for the first
			execute(second, "update post set title = 'Version Two, second' where slug = 'version-two'");
			execute(second, "insert into tag (slug, name) values ('version-tag', 'Version Tag')");
			execute(second, "update category set description = 'Changed' where slug = 'version-test'");
			second.commit();
			first.commit();
		}
	}

	@Test
	void aRepeatableReadWriterIsNotAbortedBecauseAnotherWriterCommittedFirst() throws SQLException {
		try (Connection first = transaction(Connection.TRANSACTION_REPEATABLE_READ); Connection second = transaction()) {
			execute(first, "select count(*) from post");
			execute(second, "update post set title = 'Version Two, second' where slug = 'version-two'");
			second.commit();
			// before V36 this failed with "could not serialize access due to concurrent update",
			// on the one row of data_version
			execute(first, "update post set title = 'Version One, first' where slug = 'version-one'");
			first.commit();
		}
	}

	@Test
	void theVersionChangesWithEveryCommitWhateverOrderTheyCommitIn() throws SQLException {
		Snapshot before = current();
		try (Connection first = transaction(); Connection second = transaction()) {
			execute(first, "update post set title = 'Version One, first' where slug = 'version-one'");
			execute(second, "update post set title = 'Version Two, second' where slug = 'version-two'");
			assertThat(current()).as("nothing committed yet").isEqualTo(before);
			// the transaction that started writing last commits first
			second.commit();
			Snapshot afterSecond = current();
			assertThat(afterSecond).isNotEqualTo(before);
			first.commit();
			Snapshot afterFirst = current();
			assertThat(afterFirst).isNotEqualTo(afterSecond);
			assertThat(afterFirst.dataVersion()).isGreaterThan(afterSecond.dataVersion());
		}
	}

	@Test
	void writesReadersCannotSeeAndRolledBackWritesLeaveTheVersionAlone() throws SQLException {
		Snapshot before = current();
		try (Connection connection = transaction()) {
			execute(connection, "update post set title = 'Never seen' where slug = 'version-one'");
			connection.rollback();
			execute(connection, "set local lock_timeout = '2s'");
			execute(connection, """
					insert into login_failure (throttle_key, failures, last_failure)
					values ('user:version-test', 1, now())""");
			execute(connection, "delete from login_failure where throttle_key = 'user:version-test'");
			connection.commit();
		}
		assertThat(current()).isEqualTo(before);
	}

	@Test
	void aTransactionOfManyStatementsCountsOnce() throws SQLException {
		long before = pendingChanges();
		try (Connection connection = transaction()) {
			execute(connection, "update post set title = 'One' where slug = 'version-one'");
			execute(connection, "update post set title = 'Two' where slug = 'version-two'");
			execute(connection, "savepoint partly");
			execute(connection, "update category set description = 'Rolled back' where slug = 'version-test'");
			execute(connection, "rollback to savepoint partly");
			execute(connection, "insert into tag (slug, name) values ('version-tag', 'Version Tag')");
			connection.commit();
		}
		assertThat(pendingChanges()).isEqualTo(before + 1);
	}

	@Test
	void foldingTheChangesKeepsTheVersion() {
		current();
		this.jdbc.sql("insert into data_change select from generate_series(1, :rows)")
			.param("rows", ContentVersion.FOLD_AT + 1)
			.update();
		Snapshot unfolded = current();
		assertThat(pendingChanges()).as("folded by the reader that found them").isZero();
		assertThat(current()).isEqualTo(unfolded);
	}

	/** The version as a new request would find it (not the one this test's mock request remembers). */
	private Snapshot current() {
		RequestContextHolder.resetRequestAttributes();
		return this.contentVersion.current();
	}

	private Connection transaction() throws SQLException {
		return transaction(Connection.TRANSACTION_READ_COMMITTED);
	}

	/** A transaction that gives up after 2 seconds of waiting for a lock, rather than hanging the test. */
	private Connection transaction(int isolation) throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(isolation);
		execute(connection, "set local lock_timeout = '2s'");
		return connection;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private long pendingChanges() {
		return this.jdbc.sql("select count(*) from data_change").query(Long.class).single();
	}

}
