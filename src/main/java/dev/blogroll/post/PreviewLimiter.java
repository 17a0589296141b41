package dev.blogroll.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * How much rendering one editor's previews may ask for: one render at a time, and at most
 * {@value #PER_WINDOW} renders in {@link #WINDOW}. The editor's script asks after each pause in
 * typing (about two a second at the most), so only a runaway script or a deliberate flood
 * reaches the bound, and a body of {@link PostRules#MAX_BODY} characters renders in tens of
 * milliseconds: one editor can keep at most one core busy, briefly, and not the machine.
 * <p>
 * Kept per account name (only signed-in editors reach the preview, so the map holds at most
 * one entry per account), and entries whose window has passed are dropped once it holds more
 * than {@value #PRUNE_ABOVE}.
 */
@Component
class PreviewLimiter {

	static final int PER_WINDOW = 60;

	static final Duration WINDOW = Duration.ofMinutes(1);

	private static final int PRUNE_ABOVE = 1_000;

	private final ConcurrentMap<String, Usage> usage = new ConcurrentHashMap<>();

	private final Clock clock;

	PreviewLimiter(Clock clock) {
		this.clock = clock;
	}

	/** What an editor asked for: a render, or why not, with when to ask again. */
	sealed interface Answer permits Granted, Refused {

	}

	/** Render, then {@link #close()} (try-with-resources) to let the editor's next render start. */
	record Granted(Runnable release) implements Answer, AutoCloseable {

		@Override
		public void close() {
			this.release.run();
		}

	}

	/**
	 * Not now: another render of this editor's is running, or the window's renders are used up.
	 *
	 * @param code the bundles' key of the sentence that says so
	 * @param retryAfterSeconds when to try again
	 * @param args what fills the sentence
	 */
	record Refused(String code, long retryAfterSeconds, String... args) implements Answer {

	}

	Answer acquire(String username) {
		Instant now = this.clock.instant();
		if (this.usage.size() > PRUNE_ABOVE) {
			this.usage.values().removeIf((u) -> !u.busy && !now.isBefore(u.windowStart.plus(WINDOW)));
		}
		Usage mine = this.usage.computeIfAbsent(username, (name) -> new Usage(now));
		synchronized (mine) {
			if (mine.busy) {
				return new Refused("admin.preview.busy", 1);
			}
			if (!now.isBefore(mine.windowStart.plus(WINDOW))) {
				mine.windowStart = now;
				mine.count = 0;
			}
			if (mine.count >= PER_WINDOW) {
				long wait = Math.max(1, Duration.between(now, mine.windowStart.plus(WINDOW)).toSeconds());
				return new Refused("admin.preview.tooMany", wait, String.valueOf(PER_WINDOW), String.valueOf(wait));
			}
			mine.count++;
			mine.busy = true;
		}
		return new Granted(() -> {
			synchronized (mine) {
				mine.busy = false;
			}
		});
	}

	private static final class Usage {

		Instant windowStart;

		int count;

		boolean busy;

		Usage(Instant windowStart) {
			this.windowStart = windowStart;
		}

	}

}
