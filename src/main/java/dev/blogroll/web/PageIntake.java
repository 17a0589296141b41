package dev.blogroll.web;

import java.time.Clock;

/**
 * How fast {@link RenderedPageCache} may take in pages it has not kept: at most a sixteenth of
 * its size a second, with a second's worth at once, spent as pages are kept and refilled as
 * time passes.
 * <p>
 * The cache keeps a page from its second request. A crawler that walks the archive a second
 * time (or a reader behind one) asks for thousands of pages a second that nobody asks for a
 * third time; kept at that rate, each lives just long enough to reach the old generation of
 * the heap and dies there. On the benchmark's deep crawl that was 33 full collections in a
 * minute and a half, a p99 of 115–164 ms and half as many pages a second as with no cache at
 * all (bench/README.md, round 8). Bounded, the cache turns over at most once in sixteen
 * seconds, and the pages readers come back to, asked for again and again, still get in at
 * once.
 */
final class PageIntake {

	private final Clock clock;

	private final long bytesPerSecond;

	/** Bytes that may be taken in now; below zero after a page larger than what was left. */
	private double available;

	private long lastMillis;

	PageIntake(long cacheBytes, Clock clock) {
		this.clock = clock;
		this.bytesPerSecond = Math.max(1, cacheBytes / 16);
		this.available = this.bytesPerSecond;
		this.lastMillis = clock.millis();
	}

	/** Whether a page may be taken in now: something is left of this second's bytes. */
	synchronized boolean open() {
		refill();
		return this.available > 0;
	}

	/** Counts a page taken in against what is left. */
	synchronized void took(long bytes) {
		refill();
		this.available -= bytes;
	}

	private void refill() {
		long now = this.clock.millis();
		// a clock set back (tests move time) refills nothing and starts counting from now
		long elapsed = Math.max(0, now - this.lastMillis);
		this.lastMillis = now;
		this.available = Math.min(this.bytesPerSecond, this.available + this.bytesPerSecond * elapsed / 1000.0);
	}

}
