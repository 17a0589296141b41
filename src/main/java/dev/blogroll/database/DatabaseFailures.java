package dev.blogroll.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a failed statement or commit means, read from the exception wherever it surfaced: in
 * a repository call, at Hibernate's flush, or at commit, and however Spring or Hibernate
 * wrapped it. Callers decide by meaning, not by wrapper type: "another transaction won the
 * race for this slug" is the constraint's name, whichever layer reported it.
 */
public final class DatabaseFailures {

	/** Deadlock detected, serialization failure: PostgreSQL aborted the transaction; running it again may succeed. */
	private static final Set<String> TRANSIENT_STATES = Set.of("40P01", "40001");

	/** SQLState classes that mean "no connection": 08 connection, 53 resources, 57 operator intervention. */
	private static final Set<String> UNREACHABLE_CLASSES = Set.of("08", "53", "57");

	private static final String HIKARI_CLOSED = "Connection is closed";

	/** Unique violation, foreign-key violation. */
	private static final Set<String> RACE_STATES = Set.of("23505", "23503");

	private DatabaseFailures() {
	}

	/**
	 * Whether the database could not be reached: no connection within the pool's timeout, a
	 * connection refused or broken, or PostgreSQL shutting down, starting up or recovering.
	 */
	public static boolean isUnreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
					&& UNREACHABLE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
				return true;
			}
			// Hikari's, for a connection it closed because a crash broke it: no SQLState
			if (cause instanceof SQLException sql && sql.getSQLState() == null
					&& HIKARI_CLOSED.equals(sql.getMessage())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether PostgreSQL aborted the transaction to break a deadlock (40P01) or to keep
	 * serializable transactions apart (40001): the same work, run again, may well succeed.
	 */
	public static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& TRANSIENT_STATES.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether another transaction changed a versioned row between this one reading and writing
	 * it: Spring's {@link OptimisticLockingFailureException} (from a repository, or from the
	 * commit as {@code ObjectOptimisticLockingFailureException}), JPA's or Hibernate's own.
	 */
	public static boolean isOptimisticLockFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof OptimisticLockingFailureException || cause instanceof OptimisticLockException
					|| cause instanceof StaleStateException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the write lost a race with another: a versioned row changed since it was read, a
	 * unique value taken (23505), or a row it refers to deleted or one that refers to it
	 * created (23503) by a transaction that committed first.
	 */
	public static boolean isLostRace(Throwable failure) {
		if (isOptimisticLockFailure(failure)) {
			return true;
		}
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && RACE_STATES.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The name of the constraint a statement violated (e.g. {@code post_slug_unique}), or
	 * {@code null} if the failure is not a constraint violation PostgreSQL named.
	 */
	public static @Nullable String violatedConstraint(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof PSQLException psql) {
				ServerErrorMessage message = psql.getServerErrorMessage();
				if (message != null && message.getConstraint() != null) {
					return message.getConstraint();
				}
			}
			if (cause instanceof org.hibernate.exception.ConstraintViolationException hibernate
					&& hibernate.getConstraintName() != null) {
				return hibernate.getConstraintName();
			}
		}
		return null;
	}

	private static @Nullable Throwable next(Throwable failure) {
		if (failure instanceof SQLException sql && sql.getNextException() != null) {
			return sql.getNextException();
		}
		return (failure.getCause() == failure) ? null : failure.getCause();
	}

}
