package dev.blogroll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's {@link Clock} in tests: real time, moved by an offset that tests set, so a
 * test makes a scheduled post come due, a feed source fall due or a lease run out by moving
 * time instead of sleeping. Time keeps passing at the real rate, so code that measures a
 * duration with the clock still works. {@link BlogrollTest} puts it in the shared test
 * context, and {@link ResetMutableClock} sets it back to real time after each test.
 */
public final class MutableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	/** Moves time forward (or back, with a negative amount). */
	public void advance(Duration amount) {
		this.offset = this.offset.plus(amount);
	}

	/** Makes it {@code now}, from where time passes on. */
	public void set(Instant now) {
		this.offset = Duration.between(Instant.now(), now);
	}

	/** Back to real time. */
	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset);
	}

}
