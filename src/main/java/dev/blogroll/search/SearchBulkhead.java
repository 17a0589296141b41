package dev.blogroll.search;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;

/**
 * Lets only a few searches run at once ({@code blogroll.search.max-concurrent}): a search is the
 * most expensive request anyone can send (seconds for a phrase of common words at a million
 * posts), and sixteen of them at once once took every database connection, so that listings
 * answered 503. A search waits at most {@code blogroll.search.max-wait} for its turn and is then
 * turned away ({@link Busy}, answered 429 with {@code Retry-After}). The limit must stay below
 * the connection pool's size, so that searches never hold the connections listings need; the
 * application refuses to start otherwise.
 */
@Component
class SearchBulkhead {

	private final Semaphore permits;

	private final Duration maxWait;

	SearchBulkhead(BlogrollProperties properties, DataSource dataSource) {
		int maxConcurrent = properties.search().maxConcurrent();
		if (dataSource instanceof HikariDataSource pool && maxConcurrent >= pool.getMaximumPoolSize()) {
			throw new IllegalStateException("blogroll.search.max-concurrent (" + maxConcurrent
					+ ") must be below the connection pool's size (" + pool.getMaximumPoolSize()
					+ "), or searches could take every connection listings need");
		}
		this.permits = new Semaphore(maxConcurrent, true);
		this.maxWait = properties.search().maxWait();
	}

	/**
	 * Runs the search when a permit is free.
	 * @throws Busy if none came free in time
	 */
	<T> T run(Supplier<T> search) {
		boolean acquired;
		try {
			acquired = this.permits.tryAcquire(this.maxWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw new Busy();
		}
		try {
			return search.get();
		}
		finally {
			this.permits.release();
		}
	}

	/** Every search permit is taken: the reader should ask again in a moment. */
	static class Busy extends RuntimeException {

		/** Seconds a client should wait before searching again. */
		static final String RETRY_AFTER = "2";

		Busy() {
			super("Every search slot is busy", null, false, false);
		}

	}

}
