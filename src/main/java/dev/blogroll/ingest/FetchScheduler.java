package dev.blogroll.ingest;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.provider.sql.DatabaseProduct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import dev.blogroll.database.DatabaseFailures;

/**
 * Looks for due sources every {@code blogroll.ingest.poll-interval}. Every instance schedules
 * the poll, and ShedLock (a lock row in PostgreSQL) lets one of them run it at a time; the
 * sources themselves are also claimed with {@code for update skip locked} and a lease, so a
 * due source is fetched once and never twice at the same time, even if a poll outlives its
 * lock. Off when {@code blogroll.ingest.scheduler-enabled=false} (the tests fetch explicitly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "blogroll.ingest.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class FetchScheduler {

	static final String LOCK = "fetch-due-sources";

	private static final Logger log = LoggerFactory.getLogger(FetchScheduler.class);

	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(15);

	private static final Duration LOCK_AT_LEAST = Duration.ofSeconds(1);

	private final FeedFetcher fetcher;

	private final LockingTaskExecutor locking;

	/** Whether the last poll found the database unreachable (only the scheduler's thread polls). */
	private volatile boolean unreachable;

	FetchScheduler(FeedFetcher fetcher, LockProvider fetchLockProvider) {
		this.fetcher = fetcher;
		this.locking = new DefaultLockingTaskExecutor(fetchLockProvider);
	}

	/**
	 * ShedLock's lock, in the {@code shedlock} table, timed by PostgreSQL's clock. The database
	 * product is named, not detected: detection needs a connection, and during an outage it
	 * fails with "DB time is not supported for database product: UNKNOWN".
	 */
	@Bean
	static LockProvider fetchLockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withDatabaseProduct(DatabaseProduct.POSTGRES_SQL)
			.usingDbTime()
			.build());
	}

	/**
	 * Takes the lock and fetches. While PostgreSQL cannot be reached, taking the lock fails
	 * before anything is fetched: that is logged as one line when it starts (not a stack trace
	 * at every poll), and one line when the database is back.
	 */
	@Scheduled(fixedDelayString = "${blogroll.ingest.poll-interval:60s}", initialDelayString = "${blogroll.ingest.poll-interval:60s}")
	void fetchDueSources() {
		try {
			this.locking.executeWithLock((Runnable) this.fetcher::fetchDue,
					new LockConfiguration(Instant.now(), LOCK, LOCK_AT_MOST, LOCK_AT_LEAST));
			if (this.unreachable) {
				this.unreachable = false;
				log.info("Feed poller: database reachable again");
			}
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.isUnreachable(ex)) {
				log.warn("Fetching due sources failed; trying again at the next poll", ex);
			}
			else if (!this.unreachable) {
				this.unreachable = true;
				log.warn("Feed poller: database unreachable, polling again every interval until it is back ({})",
						rootCause(ex));
			}
		}
	}

	private static String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
