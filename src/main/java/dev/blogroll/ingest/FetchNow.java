package dev.blogroll.ingest;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;

/**
 * "Fetch now", in the background: the editor's request takes the source's lease (so it says at
 * once if the source is being fetched already) and returns; the fetch runs on a small pool of
 * its own, and the source's page shows how far it is ({@code feed_source.fetch_progress}), on
 * every instance. A fetch of a slow or huge feed no longer holds the editor's request, nor a
 * server thread, for minutes.
 * <p>
 * Two fetches at a time, {@value #WAITING} more waiting; beyond that the editor is asked to try
 * again. Not on the poller's pool ({@link FetchPool}): an editor's click does not wait behind a
 * round of thousands of feeds, and, being one source chosen by hand, it is not held to the
 * per-host limit either.
 */
@Component
class FetchNow implements DisposableBean {

	static final int WAITING = 20;

	private static final Logger log = LoggerFactory.getLogger(FetchNow.class);

	private final FeedSources sources;

	private final FeedFetcher fetcher;

	private final Duration lease;

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(WAITING), (task) -> {
				Thread thread = new Thread(task, "fetch-now");
				thread.setDaemon(true);
				return thread;
			});

	FetchNow(FeedSources sources, FeedFetcher fetcher, BlogrollProperties properties) {
		this.sources = sources;
		this.fetcher = fetcher;
		BlogrollProperties.Ingest settings = properties.ingest();
		this.lease = settings.connectTimeout()
			.plus(settings.readTimeout())
			.multipliedBy(settings.maxRedirects() + 1L)
			.plusMinutes(1);
	}

	/** Starts fetching the source in the background, unless it is being fetched or too many wait. */
	Started start(long sourceId) {
		Optional<FeedSource> claimed = this.sources.claim(sourceId, this.lease);
		if (claimed.isEmpty()) {
			return Started.ALREADY_FETCHING;
		}
		FeedSource source = claimed.get();
		try {
			this.executor.execute(() -> {
				try {
					this.fetcher.fetchClaimed(source);
				}
				catch (RuntimeException ex) {
					log.warn("Fetching {} in the background failed", source.feedUrl(), ex);
					this.sources.release(source.id());
				}
			});
			return Started.STARTED;
		}
		catch (RejectedExecutionException ex) {
			this.sources.release(source.id());
			return Started.TOO_MANY_WAITING;
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/** What became of a "fetch now". */
	enum Started {

		STARTED, ALREADY_FETCHING, TOO_MANY_WAITING

	}

}
