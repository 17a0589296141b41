package dev.blogroll.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches due sources on a pool of {@code concurrency} threads: claims as many due sources as
 * it has idle threads (leases in PostgreSQL, {@link FeedFetcher#claimDue}), fetches them in
 * parallel, and claims more as fetches end, until no due source is left. Every instance runs
 * one, so two instances fetch about twice as many at once; a source is fetched by one of them
 * only, and a host by at most {@code per-host} fetches at once, counted over all instances.
 * <p>
 * A due source that waits only for its host to be free (its host's fetches are under way,
 * here or on another instance) is claimed as soon as one ends.
 */
class FetchPool implements AutoCloseable {

	/** How long to wait before looking again for sources that wait for a host busy elsewhere. */
	private static final Duration HOST_BUSY_ELSEWHERE = Duration.ofMillis(500);

	private final FeedSources sources;

	private final FeedFetcher fetcher;

	private final int concurrency;

	private final int perHost;

	private final ExecutorService workers;

	/** Fetches claimed by this pool and not finished. */
	private final AtomicInteger running = new AtomicInteger();

	/** One element each time a fetch ends, so the claimer wakes up. */
	private final BlockingQueue<Long> ended = new LinkedBlockingQueue<>();

	private volatile boolean stopping;

	FetchPool(FeedSources sources, FeedFetcher fetcher, int concurrency, int perHost, String name) {
		this.sources = sources;
		this.fetcher = fetcher;
		this.concurrency = concurrency;
		this.perHost = perHost;
		AtomicInteger threads = new AtomicInteger();
		// never more tasks than threads: the claimer only claims for idle threads. The queue takes
		// the moment between a fetch counting itself ended and its thread being free again (a
		// direct hand-off would refuse the task claimed for that thread in that moment)
		this.workers = new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Fetches every source that is due and not being fetched elsewhere, {@code concurrency} at
	 * a time; returns how many it fetched, once all of them have ended.
	 */
	int fetchDue() {
		int fetched = 0;
		while (!this.stopping) {
			int idle = this.concurrency - this.running.get();
			List<FeedSource> claimed = (idle > 0) ? this.fetcher.claimDue(idle, this.perHost) : List.of();
			for (FeedSource source : claimed) {
				start(source);
			}
			fetched += claimed.size();
			if (!claimed.isEmpty() && claimed.size() == idle) {
				awaitAnEnd(Duration.ofSeconds(1));
			}
			else if (this.running.get() > 0) {
				// what is still due waits for a host or a thread: look again when a fetch ends
				awaitAnEnd(Duration.ofSeconds(1));
			}
			else if (claimed.isEmpty()) {
				if (this.fetcher.stopping() || !this.sources.anyDue()) {
					return fetched;
				}
				// due, but on hosts that fetches on other instances keep busy
				awaitAnEnd(HOST_BUSY_ELSEWHERE);
			}
		}
		return fetched;
	}

	private void start(FeedSource source) {
		this.running.incrementAndGet();
		try {
			this.workers.execute(() -> {
				try {
					this.fetcher.fetchLater(source);
				}
				catch (RuntimeException ex) {
					this.fetcher.brokeOff(source, ex);
				}
				finally {
					this.running.decrementAndGet();
					this.ended.add(source.id());
				}
			});
		}
		catch (RuntimeException ex) {
			// shutting down: the lease is given back
			this.running.decrementAndGet();
			this.fetcher.giveUp(source);
			throw ex;
		}
	}

	private void awaitAnEnd(Duration timeout) {
		try {
			if (this.ended.poll(timeout.toMillis(), TimeUnit.MILLISECONDS) != null) {
				this.ended.clear();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stopping = true;
		}
	}

	/** How many fetches of this pool are under way. */
	int running() {
		return this.running.get();
	}

	/** Claims nothing more; the fetches under way go on. */
	void stopClaiming() {
		this.stopping = true;
	}

	/** Claims again after a stop (an application context stopped and started again). */
	void resumeClaiming() {
		this.stopping = false;
	}

	@Override
	public void close() {
		this.stopping = true;
		this.workers.shutdownNow();
	}

}
