package dev.blogroll.ingest;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * "Fetch now", in the background: the editor's request takes the source's lease (so it says at
 * once if the source is being fetched already) and returns; the fetch runs on a small pool of
 * its own, and the source's page shows how far it is ({@code feed_source.fetch_progress}), on
 * every instance. A fetch of a slow or huge feed no longer holds the editor's request, nor a
 * server thread, for minutes. The claim counts as a fetch under way for the graceful shutdown
 * ({@link FeedFetcher#busy()}); a fetch still waiting when the application stops lets its
 * source go at once.
 * <p>
 * Two fetches at a time, {@value #WAITING} more waiting; beyond that the editor is asked to try
 * again. (A worker pool for all fetching is planned; this executor is the piece it can reuse.)
 */
@Component
class FetchNow implements DisposableBean {

	static final int WAITING = 20;

	private static final Logger log = LoggerFactory.getLogger(FetchNow.class);

	private final FeedFetcher fetcher;

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(WAITING), (task) -> {
				Thread thread = new Thread(task, "fetch-now");
				thread.setDaemon(true);
				return thread;
			});

	FetchNow(FeedFetcher fetcher) {
		this.fetcher = fetcher;
	}

	/** Starts fetching the source in the background, unless it is being fetched or too many wait. */
	Started start(long sourceId) {
		Optional<FeedSource> claimed = this.fetcher.claimForLater(sourceId);
		if (claimed.isEmpty()) {
			return Started.ALREADY_FETCHING;
		}
		Job job = new Job(claimed.get());
		try {
			this.executor.execute(job);
			return Started.STARTED;
		}
		catch (RejectedExecutionException ex) {
			job.giveUp();
			return Started.TOO_MANY_WAITING;
		}
	}

	@Override
	public void destroy() {
		for (Runnable waiting : this.executor.shutdownNow()) {
			((Job) waiting).giveUp();
		}
	}

	/** What became of a "fetch now". */
	enum Started {

		STARTED, ALREADY_FETCHING, TOO_MANY_WAITING

	}

	/** One claimed source, to fetch when a thread is free. */
	private final class Job implements Runnable {

		private final FeedSource source;

		Job(FeedSource source) {
			this.source = source;
		}

		@Override
		public void run() {
			try {
				FetchNow.this.fetcher.fetchLater(this.source);
			}
			catch (RuntimeException ex) {
				log.warn("Fetching {} in the background failed", this.source.feedUrl(), ex);
			}
		}

		void giveUp() {
			FetchNow.this.fetcher.giveUp(this.source);
		}

	}

}
