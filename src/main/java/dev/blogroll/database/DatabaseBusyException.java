package dev.blogroll.database;

/**
 * A write PostgreSQL kept aborting to break deadlocks or keep transactions serializable, after
 * {@link Writes} ran it {@value Writes#ATTEMPTS} times. Nothing of it was saved; sending it again
 * a moment later is expected to work. Admin forms answer it with the input kept.
 */
public class DatabaseBusyException extends RuntimeException {

	DatabaseBusyException(Throwable lastFailure) {
		super("The database aborted this write " + Writes.ATTEMPTS + " times to resolve conflicts with other writes",
				lastFailure);
	}

}
