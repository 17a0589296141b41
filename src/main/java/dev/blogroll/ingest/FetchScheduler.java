package dev.blogroll.ingest;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.database.DatabaseFailures;

/**
 * The poller of this instance: every {@code blogroll.ingest.poll-interval} (first after one
 * interval) it fetches every due source on its {@link FetchPool}, and waits again once none is
 * left. Every instance polls; the claims in PostgreSQL share the work out, so no lock decides
 * which instance may poll. Off when {@code blogroll.ingest.scheduler-enabled=false}.
 * <p>
 * A thread of its own rather than Spring's {@code @Scheduled}: a round of thousands of feeds
 * runs for minutes, and would hold the scheduler's single thread (and every other scheduled
 * task) that long; the loop is all a scheduler library would add.
 */
@Component
@ConditionalOnProperty(name = "blogroll.ingest.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class FetchScheduler implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FetchScheduler.class);

	private final FetchPool pool;

	private final Duration interval;

	private volatile Thread poller;

	/** Whether the last poll found the database unreachable (only the poller's thread polls). */
	private volatile boolean unreachable;

	FetchScheduler(FeedSources sources, FeedFetcher fetcher, BlogrollProperties properties) {
		BlogrollProperties.Ingest settings = properties.ingest();
		this.pool = new FetchPool(sources, fetcher, settings.concurrency(), settings.perHost(), "feed-fetch");
		this.interval = settings.pollInterval();
	}

	/**
	 * Fetches every due source now, on this instance's pool, as a poll does; returns how many.
	 * While PostgreSQL cannot be reached, the claim fails before anything is fetched: that is
	 * logged as one line when it starts (not a stack trace at every poll), and one line when the
	 * database is back.
	 */
	int poll() {
		try {
			int fetched = this.pool.fetchDue();
			if (this.unreachable) {
				this.unreachable = false;
				log.info("Feed poller: database reachable again");
			}
			return fetched;
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
			return 0;
		}
	}

	private static String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	Duration interval() {
		return this.interval;
	}

	@Override
	public void start() {
		this.pool.resumeClaiming();
		Thread thread = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Thread.sleep(this.interval.toMillis());
				}
				catch (InterruptedException ex) {
					return;
				}
				poll();
			}
		}, "feed-poller");
		thread.setDaemon(true);
		thread.start();
		this.poller = thread;
	}

	@Override
	public void stop() {
		Thread thread = this.poller;
		this.poller = null;
		this.pool.stopClaiming();
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public void destroy() {
		this.pool.close();
	}

	@Override
	public boolean isRunning() {
		return this.poller != null;
	}

}
