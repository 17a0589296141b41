package dev.blogroll.content;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
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
 * <p>
 * A failure that says the answer cannot be had just now (the database is unreachable: the
 * query waited for a connection in vain) is given to the next round's callers as well: they
 * called while it was being found out, so it is no older than their calls, and making them run
 * the query again, after the first round, would make them wait for it twice.
 *
 * @param <T> the answer
 */
final class SharedQuery<T> {

	private final Supplier<T> query;

	private final Predicate<RuntimeException> sharedFailure;

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
		this(query, (failure) -> false);
	}

	/**
	 * @param sharedFailure which failures the round gathered meanwhile gets too, instead of
	 * running the query again
	 */
	SharedQuery(Supplier<T> query, Predicate<RuntimeException> sharedFailure) {
		this.query = query;
		this.sharedFailure = sharedFailure;
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
		try {
			if (round.answer.isDone()) {
				// answered with the failure of the round before
				return;
			}
			long started = System.nanoTime();
			close(round);
			try {
				round.answer.complete(this.query.get());
			}
			catch (RuntimeException ex) {
				round.answer.completeExceptionally(ex);
				if (this.sharedFailure.test(ex)) {
					Round<T> gathered = takeNext();
					if (gathered != null) {
						gathered.answer.completeExceptionally(ex);
					}
				}
			}
			catch (Error ex) {
				round.answer.completeExceptionally(ex);
			}
			finally {
				this.rounds.increment();
				this.roundNanos.add(System.nanoTime() - started);
			}
		}
		finally {
			this.running.unlock();
		}
	}

	/** The round gathered so far, closed: its callers get an answer without a query of their own. */
	private @Nullable Round<T> takeNext() {
		this.joining.lock();
		try {
			Round<T> gathered = this.next;
			this.next = null;
			return gathered;
		}
		finally {
			this.joining.unlock();
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
