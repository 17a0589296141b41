package dev.blogroll.importer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jspecify.annotations.Nullable;

import dev.blogroll.importer.ImportResult.LineError;

/**
 * Hands the chunks of one import to its writers, each writing in a transaction of its own,
 * and applies what they did to the {@link ImportProgress} in input order, so that counts,
 * errors and the progress log read as if one writer had done everything.
 * <p>
 * Two chunks written at once must not depend on each other. Three rules see to it:
 * <ul>
 * <li>a chunk waits for every earlier chunk still being written that has one of its slugs:
 * the later line must win, and the two transactions would otherwise wait for each other's
 * row in the slug index;
 * <li>a chunk that names a category, author or tag this import has not met yet is written
 * alone: two chunks creating names could each hold a name the other needs;
 * <li>everything else two chunks share cannot make them wait for each other: their posts and
 * tags are disjoint, categories, authors and tags are only read (with shared locks), and the
 * listing counts and the content version are noted by inserting rows nobody else writes
 * ({@code V36}), not by updating shared ones. (Until V36 both chunks updated the same count
 * rows, in an order that could deadlock, and only the {@code data_version} trigger, firing first
 * because of its name, made the second wait; {@code ListingCountTests} shows the counts no longer
 * need that.) So the whole of two chunks runs side by side: copying, and inserting posts and
 * tags with their search vectors, index entries and foreign-key checks ({@link ChunkWriter}).
 * A chunk PostgreSQL aborts anyway (a deadlock with an editor saving one of its posts) is
 * written again ({@link PostImporter}).
 * </ul>
 */
final class ChunkSchedule {

	private final ChunkReader reader;

	private final ImportProgress progress;

	private final Object taking = new Object();

	/** The chunks taken and not finished, by index. */
	private final Map<Long, Taken> inFlight = new HashMap<>();

	/** Finished chunks waiting for an earlier one before they can be reported. */
	private final TreeMap<Long, Outcome> finished = new TreeMap<>();

	private long nextToReport;

	/** Category, author and tag slugs known to exist, as "category:engineering". */
	private final Set<String> knownNames = new HashSet<>();

	private final ReentrantReadWriteLock alone = new ReentrantReadWriteLock(true);

	private @Nullable RuntimeException failure;

	ChunkSchedule(ChunkReader reader, ImportProgress progress) {
		this.reader = reader;
		this.progress = progress;
	}

	/** The next chunk to write, or {@code null} when there is none or a writer has failed. */
	ChunkReader.@Nullable Chunk take() {
		synchronized (this.taking) {
			if (failed()) {
				return null;
			}
			ChunkReader.Chunk chunk = this.reader.next();
			if (chunk != null) {
				Taken taken = Taken.of(chunk);
				synchronized (this) {
					this.inFlight.put(chunk.index(), taken);
				}
			}
			return chunk;
		}
	}

	/**
	 * Waits until no earlier chunk being written shares a slug with this one, then returns the
	 * lock to hold while writing it: exclusive if the chunk may create names.
	 * @return the lock, already held, or {@code null} if a writer has failed meanwhile
	 */
	@Nullable Lock awaitTurn(ChunkReader.Chunk chunk) throws InterruptedException {
		boolean createsNames;
		synchronized (this) {
			while (this.failure == null && sharesSlugWithEarlier(chunk)) {
				wait();
			}
			if (this.failure != null) {
				return null;
			}
			createsNames = !this.knownNames.containsAll(this.inFlight.get(chunk.index()).names());
		}
		Lock lock = createsNames ? this.alone.writeLock() : this.alone.readLock();
		lock.lockInterruptibly();
		return lock;
	}

	/** Records what a chunk did; reports it, and any finished chunks after it, once all before it are reported. */
	synchronized void finish(ChunkReader.Chunk chunk, Outcome outcome) {
		this.knownNames.addAll(this.inFlight.remove(chunk.index()).names());
		this.finished.put(chunk.index(), outcome);
		while (!this.finished.isEmpty() && this.finished.firstKey() == this.nextToReport) {
			Outcome next = this.finished.pollFirstEntry().getValue();
			next.written().forEach(this.progress::written);
			this.progress.failed(ImportProgress.inLineOrder(next.errors()));
			this.progress.failedUnreported(next.unreported());
			this.progress.done(next.charsRead());
			this.nextToReport++;
		}
		notifyAll();
	}

	/** Stops the other writers; the first failure is the one {@link #rethrowFailure()} throws. */
	synchronized void fail(RuntimeException ex) {
		if (this.failure == null) {
			this.failure = ex;
		}
		notifyAll();
	}

	synchronized boolean failed() {
		return this.failure != null;
	}

	synchronized void rethrowFailure() {
		if (this.failure != null) {
			throw this.failure;
		}
	}

	private boolean sharesSlugWithEarlier(ChunkReader.Chunk chunk) {
		for (Map.Entry<Long, Taken> other : this.inFlight.entrySet()) {
			if (other.getKey() < chunk.index()) {
				for (ValidPost post : chunk.posts()) {
					if (other.getValue().slugs().contains(post.slug())) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** A chunk being written: its slugs, and the categories, authors and tags it names. */
	private record Taken(Set<String> slugs, Set<String> names) {

		static Taken of(ChunkReader.Chunk chunk) {
			Set<String> slugs = new HashSet<>();
			Set<String> names = new HashSet<>();
			for (ValidPost post : chunk.posts()) {
				slugs.add(post.slug());
				names.add("category:" + post.category().slug());
				names.add("author:" + post.author().slug());
				post.tags().forEach((tag) -> names.add("tag:" + tag.slug()));
			}
			return new Taken(slugs, names);
		}

	}

	/**
	 * What writing one chunk did.
	 * @param written what each of its transactions wrote (more than one if a part was refused)
	 * @param errors its failed lines: those the reader refused and those PostgreSQL refused
	 * @param unreported how many more lines the reader refused, past the ones it reports
	 * @param charsRead the input read up to the chunk's end
	 */
	record Outcome(List<ChunkWriter.Written> written, List<LineError> errors, long unreported, long charsRead) {

		Outcome {
			written = List.copyOf(written);
			errors = List.copyOf(errors);
		}

	}

}
