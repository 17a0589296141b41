package dev.blogroll.importer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How imports are going, for an operator watching a long one: {@code blogroll.import.lines} (by
 * result: created, updated, unchanged, failed), {@code blogroll.import.running} (imports under
 * way) and {@code blogroll.import.progress} (the share of the input of the latest import read
 * so far, 0 to 1, when its size is known).
 */
final class ImportMetrics {

	private final Counter created;

	private final Counter updated;

	private final Counter unchanged;

	private final Counter failed;

	private final AtomicInteger running = new AtomicInteger();

	/** The share done of the latest import, in millionths. */
	private final AtomicLong progress = new AtomicLong();

	ImportMetrics(MeterRegistry registry) {
		this.created = lines(registry, "created");
		this.updated = lines(registry, "updated");
		this.unchanged = lines(registry, "unchanged");
		this.failed = lines(registry, "failed");
		Gauge.builder("blogroll.import.running", this.running, AtomicInteger::get)
			.description("Imports under way")
			.register(registry);
		Gauge.builder("blogroll.import.progress", this.progress, (share) -> share.get() / 1e6)
			.description("Share of the input of the latest import read so far, 0 to 1")
			.register(registry);
	}

	private static Counter lines(MeterRegistry registry, String result) {
		return Counter.builder("blogroll.import.lines")
			.description("Lines imported, by result")
			.tag("result", result)
			.register(registry);
	}

	void started() {
		this.running.incrementAndGet();
		this.progress.set(0);
	}

	void finished() {
		this.running.decrementAndGet();
	}

	void written(ChunkWriter.Written written) {
		this.created.increment(written.created());
		this.updated.increment(written.updated());
		this.unchanged.increment(written.unchanged());
	}

	void failed(int lines) {
		this.failed.increment(lines);
	}

	void progress(double share) {
		this.progress.set(Math.round(Math.min(1.0, share) * 1e6));
	}

}
