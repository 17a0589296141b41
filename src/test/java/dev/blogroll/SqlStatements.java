package dev.blogroll;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many SQL statements the application has sent to PostgreSQL since the last
 * {@link #reset()}, from every thread of the test's application context.
 */
public final class SqlStatements {

	private final AtomicInteger count = new AtomicInteger();

	public void reset() {
		this.count.set(0);
	}

	public int count() {
		return this.count.get();
	}

	void add(int statements) {
		this.count.addAndGet(statements);
	}

}
