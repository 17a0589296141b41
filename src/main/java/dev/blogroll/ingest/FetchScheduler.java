package dev.blogroll.ingest;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks for due sources every {@code blogroll.ingest.poll-interval}. Every instance schedules
 * the poll, and ShedLock (a lock row in PostgreSQL) lets one of them run it at a time; the
 * sources themselves are also claimed with {@code for update skip locked} and a lease, so a
 * due source is fetched once and never twice at the same time, even if a poll outlives its
 * lock. Off when {@code blogroll.ingest.scheduler-enabled=false} (the tests fetch explicitly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT15M")
@ConditionalOnProperty(name = "blogroll.ingest.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class FetchScheduler {

	static final String LOCK = "fetch-due-sources";

	private static final Logger log = LoggerFactory.getLogger(FetchScheduler.class);

	private final FeedFetcher fetcher;

	FetchScheduler(FeedFetcher fetcher) {
		this.fetcher = fetcher;
	}

	/** ShedLock's lock, in the {@code shedlock} table, timed by PostgreSQL's clock. */
	@Bean
	LockProvider fetchLockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	@Scheduled(fixedDelayString = "${blogroll.ingest.poll-interval:60s}", initialDelayString = "${blogroll.ingest.poll-interval:60s}")
	@SchedulerLock(name = LOCK, lockAtLeastFor = "PT1S")
	void fetchDueSources() {
		try {
			this.fetcher.fetchDue();
		}
		catch (RuntimeException ex) {
			log.warn("Fetching due sources failed; trying again at the next poll", ex);
		}
	}

}
