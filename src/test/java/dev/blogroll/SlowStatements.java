package dev.blogroll;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import net.ttddyy.dsproxy.QueryInfo;
import org.jspecify.annotations.Nullable;

/**
 * Makes chosen SQL statements slow, for tests of what happens while the database is busy: a
 * statement whose text contains the given fragment holds its connection for the given time
 * before it is sent, as an expensive query does. Off until {@link #slowDown}; {@link #reset()}
 * turns it off again.
 */
public final class SlowStatements {

	private final AtomicReference<@Nullable Rule> rule = new AtomicReference<>();

	/** From now on, statements containing {@code fragment} take {@code delay} longer. */
	public void slowDown(String fragment, Duration delay) {
		this.rule.set(new Rule(fragment, delay));
	}

	public void reset() {
		this.rule.set(null);
	}

	void beforeQuery(List<QueryInfo> queries) {
		Rule current = this.rule.get();
		if (current == null || queries.stream().noneMatch((query) -> query.getQuery().contains(current.fragment()))) {
			return;
		}
		try {
			Thread.sleep(current.delay().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Rule(String fragment, Duration delay) {
	}

}
