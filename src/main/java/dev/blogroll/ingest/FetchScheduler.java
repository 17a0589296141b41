package dev.blogroll.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks for due sources every {@code blogroll.ingest.poll-interval} on each instance. The
 * sources themselves are claimed in PostgreSQL with {@code for update skip locked} and a lease,
 * so however many instances poll, each due source is fetched once and never twice at the same
 * time. Off when {@code blogroll.ingest.scheduler-enabled=false} (the tests fetch explicitly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "blogroll.ingest.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class FetchScheduler {

	private static final Logger log = LoggerFactory.getLogger(FetchScheduler.class);

	private final FeedFetcher fetcher;

	FetchScheduler(FeedFetcher fetcher) {
		this.fetcher = fetcher;
	}

	@Scheduled(fixedDelayString = "${blogroll.ingest.poll-interval:60s}", initialDelayString = "${blogroll.ingest.poll-interval:60s}")
	void fetchDueSources() {
		try {
			this.fetcher.fetchDue();
		}
		catch (RuntimeException ex) {
			log.warn("Fetching due sources failed; trying again at the next poll", ex);
		}
	}

}
