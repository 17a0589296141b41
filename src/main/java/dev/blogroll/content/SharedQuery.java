package dev.blogroll.content;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Answers many callers with one run of a query, without ever giving a caller an answer older
 * than its call.
 * <p>
 * Callers join the next <em>round</em>. A round is closed when its query is sent, and only then,
 * so every caller in it called before the query started: the answer reflects everything
 * committed before any of its callers arrived, exactly as if each had asked alone. One round
 * runs at a time; callers arriving meanwhile gather in the next one, which the first of them
 * runs as soon as the current one ends. Under load, one query answers dozens of requests; a
 * lone request still costs exactly one query.
 * <p>
 * This is what lets {@link RenderedPageCache} ask PostgreSQL "has anything changed?" for every
 * request, and so show an editor's change on the next request on every instance, without one
 * round trip per request.
 *
 * @param <T> the answer
 */
final class SharedQuery<T> {

	private final Supplier<T> query;

	/** Held while a round's query runs: one at a time. */
	private final ReentrantLock running = new ReentrantLock();

	/** Guards {@link #next}. */
	private final ReentrantLock joining = new ReentrantLock();

	/** The round callers join now; its query has not been sent. */
	private @Nullable Round<T> next;

	/** For metrics: callers answered, rounds run, and the time rounds took. */
	private final LongAdder callers = new LongAdder();

	private final LongAdder rounds = new LongAdder();

	private final LongAdder roundNanos = new LongAdder();

	SharedQuery(Supplier<T> query) {
		this.query = query;
	}

	/**
	 * The query's answer, from a run that started after this call did.
	 * @throws RuntimeException whatever the query threw, to every caller of its round
	 */
	T get() {
		this.callers.increment();
		Round<T> round;
		boolean first;
		this.joining.lock();
		try {
			first = this.next == null;
			if (first) {
				this.next = new Round<>();
			}
			round = this.next;
		}
		finally {
			this.joining.unlock();
		}
		if (first) {
			run(round);
		}
		return round.answer();
	}

	private void run(Round<T> round) {
		this.running.lock();
		long started = System.nanoTime();
		try {
			close(round);
			try {
				round.answer.complete(this.query.get());
			}
			catch (RuntimeException | Error ex) {
				round.answer.completeExceptionally(ex);
			}
		}
		finally {
			this.rounds.increment();
			this.roundNanos.add(System.nanoTime() - started);
			this.running.unlock();
		}
	}

	/** How many calls were answered. */
	long callers() {
		return this.callers.sum();
	}

	/** How many times the query ran: callers / rounds is how many calls one run answered. */
	long rounds() {
		return this.rounds.sum();
	}

	/** The time the runs took, in nanoseconds. */
	long roundNanos() {
		return this.roundNanos.sum();
	}

	/** After this, callers start a new round: this one's query is about to be sent. */
	private void close(Round<T> round) {
		this.joining.lock();
		try {
			if (this.next == round) {
				this.next = null;
			}
		}
		finally {
			this.joining.unlock();
		}
	}

	private static final class Round<T> {

		private final CompletableFuture<T> answer = new CompletableFuture<>();

		T answer() {
			try {
				return this.answer.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw ex;
			}
		}

	}

}
