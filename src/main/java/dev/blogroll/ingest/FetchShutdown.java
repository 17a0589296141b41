package dev.blogroll.ingest;

import java.time.Duration;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Shuts feed fetching down gracefully, alongside the web server's graceful shutdown (same
 * lifecycle phase, so the two wait at the same time): no new source is claimed, the fetches
 * under way get until {@code spring.lifecycle.timeout-per-shutdown-phase} less a second to
 * finish and record their outcome, and the leases of any still running are released, so
 * another instance fetches those sources at its next poll instead of after the lease (minutes).
 */
@Component
class FetchShutdown implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FetchShutdown.class);

	private final FeedFetcher fetcher;

	private final FeedSources sources;

	private final Duration wait;

	private volatile boolean running;

	FetchShutdown(FeedFetcher fetcher, FeedSources sources,
			@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration phaseTimeout) {
		this.fetcher = fetcher;
		this.sources = sources;
		this.wait = phaseTimeout.minusSeconds(1).isNegative() ? Duration.ZERO : phaseTimeout.minusSeconds(1);
	}

	/** Also after a stop without a close (a context paused and resumed, as tests do). */
	@Override
	public void start() {
		this.fetcher.resumeClaiming();
		this.running = true;
	}

	/** Waits on a thread of its own, so the web server's graceful shutdown runs at the same time. */
	@Override
	public void stop(Runnable callback) {
		Thread stopping = new Thread(() -> {
			try {
				stop();
			}
			finally {
				callback.run();
			}
		}, "feed-fetch-shutdown");
		stopping.start();
	}

	@Override
	public void stop() {
		this.fetcher.stopClaiming();
		long deadline = System.nanoTime() + this.wait.toNanos();
		if (this.fetcher.busy()) {
			log.info("Waiting up to {} s for {} feed fetch(es) to finish", this.wait.toSeconds(),
					this.fetcher.fetching().size());
		}
		while (this.fetcher.busy() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		Set<Long> fetching = this.fetcher.fetching();
		if (!fetching.isEmpty()) {
			int released = this.sources.release(fetching);
			log.warn("Shutting down with {} feed fetch(es) unfinished; released the leases of {} source(s): {}",
					fetching.size(), released, fetching);
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
	}

}
