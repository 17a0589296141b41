package dev.blogroll.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blogroll.importer.ImportResult.LineError;

/**
 * Counts what an import did and, for long imports, logs every few seconds how far it is, how
 * fast it goes and how long it will still take, estimated from the share of the input read
 * so far.
 */
final class ImportProgress {

	private static final Logger log = LoggerFactory.getLogger(PostImporter.class);

	private static final long LOG_EVERY_NANOS = 5_000_000_000L;

	private final long totalChars;

	private final long started = System.nanoTime();

	private long lastLogged = this.started;

	private long charsDone;

	private long created;

	private long updated;

	private long unchanged;

	private long failed;

	private final List<LineError> errors = new ArrayList<>();

	private final List<String> createdCategories = new ArrayList<>();

	private final List<String> createdAuthors = new ArrayList<>();

	private final List<String> createdTags = new ArrayList<>();

	private final @Nullable ImportMetrics metrics;

	/**
	 * @param totalChars the input's size if known (bytes are close enough), or -1
	 */
	ImportProgress(long totalChars) {
		this(totalChars, null);
	}

	/**
	 * @param totalChars the input's size if known (bytes are close enough), or -1
	 * @param metrics where the lines are counted too, if anywhere
	 */
	ImportProgress(long totalChars, @Nullable ImportMetrics metrics) {
		this.totalChars = totalChars;
		this.metrics = metrics;
	}

	void written(ChunkWriter.Written written) {
		this.created += written.created();
		this.updated += written.updated();
		this.unchanged += written.unchanged();
		keep(this.createdCategories, written.names().categories());
		keep(this.createdAuthors, written.names().authors());
		keep(this.createdTags, written.names().tags());
		if (this.metrics != null) {
			this.metrics.written(written);
		}
	}

	/** Keeps the first created names: a report lists them, a file of a million tags must not. */
	private static void keep(List<String> kept, List<String> names) {
		for (String name : names) {
			if (kept.size() == PostImporter.MAX_REPORTED_ERRORS) {
				return;
			}
			kept.add(name);
		}
	}

	/** Records failed lines, which must come in line order. */
	void failed(List<LineError> lines) {
		this.failed += lines.size();
		if (this.metrics != null) {
			this.metrics.failed(lines.size());
		}
		for (LineError error : lines) {
			if (this.errors.size() == PostImporter.MAX_REPORTED_ERRORS) {
				break;
			}
			this.errors.add(error);
		}
	}

	/** Counts failed lines whose reasons are not kept (past the first ones reported). */
	void failedUnreported(long lines) {
		this.failed += lines;
	}

	/** The input up to this many characters has been imported; logs progress when it is time. */
	void done(long chars) {
		this.charsDone = chars;
		if (this.metrics != null && this.totalChars > 0) {
			this.metrics.progress((double) chars / this.totalChars);
		}
		long now = System.nanoTime();
		if (now - this.lastLogged >= LOG_EVERY_NANOS) {
			this.lastLogged = now;
			log.info(describe(now));
		}
	}

	String describe(long now) {
		long lines = lines();
		double seconds = (now - this.started) / 1e9;
		long perSecond = (seconds > 0) ? Math.round(lines / seconds) : 0;
		String counts = "%,d created, %,d updated, %,d unchanged, %,d failed".formatted(this.created, this.updated,
				this.unchanged, this.failed);
		if (this.totalChars > 0 && this.charsDone > 0) {
			double fraction = Math.min(1.0, (double) this.charsDone / this.totalChars);
			long left = Math.round(seconds / fraction - seconds);
			return "Imported %,d lines (%d%%) in %.0f s, %,d lines/s, about %d s left (%s)".formatted(lines,
					Math.round(fraction * 100), seconds, perSecond, left, counts);
		}
		return "Imported %,d lines in %.0f s, %,d lines/s (%s)".formatted(lines, seconds, perSecond, counts);
	}

	private long lines() {
		return this.created + this.updated + this.unchanged + this.failed;
	}

	long elapsedMillis() {
		return (System.nanoTime() - this.started) / 1_000_000;
	}

	ImportResult result() {
		return new ImportResult(this.created, this.updated, this.unchanged, this.failed, List.copyOf(this.errors), 0,
				List.of(), new ImportResult.Created(List.copyOf(this.createdCategories), List.copyOf(this.createdAuthors),
						List.copyOf(this.createdTags)),
				ImportFormat.NDJSON);
	}

	/** Sorts the failed lines of one chunk (the reader's and the database's) into line order. */
	static List<LineError> inLineOrder(List<LineError> errors) {
		List<LineError> sorted = new ArrayList<>(errors);
		sorted.sort(Comparator.comparingLong(LineError::lineNumber));
		return sorted;
	}

}
