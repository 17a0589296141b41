package dev.blogroll.database;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a write in a transaction of its own, and runs it again when PostgreSQL aborted it to
 * break a deadlock ({@code 40P01}) or to keep serializable transactions apart ({@code 40001}):
 * at most {@value #ATTEMPTS} attempts in all, each after a short, randomized pause so that the
 * two transactions that met do not meet again in step. The work must be safe to run again: it
 * reads what it needs inside the transaction, and whatever it did before the abort was rolled
 * back with it. If the rollback itself fails (PostgreSQL crashed), the work's failure is what
 * is thrown ({@link QuietRollback}).
 * <p>
 * Anything else (a constraint violated, an optimistic-lock failure, a validation exception)
 * is thrown as it was, at once: it would fail the same way again, and its caller knows what it
 * means for the user. After the last attempt the write fails with
 * {@link DatabaseBusyException}.
 */
@Component
public class Writes {

	/** Attempts in all, the first included. */
	public static final int ATTEMPTS = 3;

	private final QuietRollback transaction;

	private final RetryTemplate retry;

	@Autowired
	public Writes(PlatformTransactionManager transactions) {
		this(transactions, Duration.ofMillis(40));
	}

	Writes(PlatformTransactionManager transactions, Duration pause) {
		this.transaction = new QuietRollback(transactions, TransactionDefinition.withDefaults());
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(ATTEMPTS - 1)
			.delay(pause)
			.jitter(pause)
			.multiplier(2)
			.predicate(DatabaseFailures::isTransient)
			.build());
	}

	/**
	 * The work's result, from the attempt that committed.
	 * @throws DatabaseBusyException if every attempt was aborted as a deadlock or serialization failure
	 * @throws IllegalStateException if a transaction is already active: retrying part of it
	 * would not undo the rest, so the caller that started it must retry the whole
	 */
	public <T> T inTransaction(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A retried write must start its own transaction");
		}
		try {
			return this.retry.execute(() -> this.transaction.execute((status) -> work.get()));
		}
		catch (RetryException ex) {
			Throwable last = ex.getCause();
			if (DatabaseFailures.isTransient(last)) {
				throw new DatabaseBusyException(last);
			}
			if (last instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (last instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(last);
		}
	}

	/**
	 * Runs a change as {@link #inTransaction} does, and tells whether it was written: {@code false}
	 * when another writer won a race with it (a unique or foreign-key constraint: a name taken,
	 * a row given a reference while being deleted), for the caller to say so on the page.
	 * @param change the change, which must reach the database (flush) before it returns
	 */
	public boolean unlessRaceLost(Runnable change) {
		try {
			inTransaction(() -> {
				change.run();
				return null;
			});
			return true;
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.isLostRace(ex)) {
				throw ex;
			}
			return false;
		}
	}

}
