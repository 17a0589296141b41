package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.jspecify.annotations.Nullable;

import dev.blogroll.importer.ImportResult.LineError;

/**
 * Reads, parses and validates the lines of an import on a thread of its own and hands them
 * over in chunks, so that the Java work on the next chunk overlaps with PostgreSQL writing
 * this one (on two cores, each side keeps one busy). At most {@value #CHUNKS_AHEAD} chunks
 * wait to be written, which bounds the memory an import holds.
 * <p>
 * A chunk ends after a number of posts, lines or characters, or early when a slug comes back:
 * the later line must win, as it would in two imports, so the two lines go into chunks written
 * one after the other.
 * <p>
 * Memory stays bounded whatever the input: a line longer than {@value #MAX_LINE_CHARS}
 * characters is dropped as it is read (and reported), and only the first
 * {@value PostImporter#MAX_REPORTED_ERRORS} bad lines of the whole import are kept with their
 * reasons; the others are only counted ({@link Chunk#unreported()}). Five million bad lines
 * cost a counter, not five million messages.
 */
final class ChunkReader implements AutoCloseable {

	static final int CHUNKS_AHEAD = 1;

	/** A chunk ends after this many lines, good or bad, so that a file of bad lines shows progress. */
	static final int CHUNK_LINES = 50_000;

	/** The longest line read, in characters: about 8 MB; a post's body is never near it. */
	static final int MAX_LINE_CHARS = 4_000_000;

	/** Put in the queue after the last chunk. */
	private static final Object END = new Object();

	private final ImportSource source;

	private final ImportValidator validator;

	private final List<LineError> skipped = new ArrayList<>();

	private long skippedCount;

	private final int maxPosts;

	private final long maxChars;

	/** Chunks, then {@link #END} or the exception that stopped the reading. */
	private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);

	private final Thread thread;

	private boolean finished;

	/**
	 * Starts reading.
	 * @param maxPosts posts in a chunk at most
	 * @param maxChars characters of lines in a chunk at most (a post with a long body counts
	 * for more)
	 */
	ChunkReader(BufferedReader input, int maxPosts, long maxChars) {
		this(new NdjsonSource(input), new ImportValidator(), maxPosts, maxChars);
	}

	/**
	 * Starts reading the items of any format.
	 * @param maxPosts posts in a chunk at most
	 * @param maxChars characters of posts in a chunk at most
	 */
	ChunkReader(ImportSource source, ImportValidator validator, int maxPosts, long maxChars) {
		this.source = source;
		this.validator = validator;
		this.maxPosts = maxPosts;
		this.maxChars = maxChars;
		this.thread = new Thread(this::readAll, "import-reader");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * The next chunk, waiting for it if needed, or {@code null} at the end of the input. Writers
	 * on several threads may ask; each chunk goes to one of them.
	 * @throws UncheckedIOException if the input could not be read
	 */
	synchronized @Nullable Chunk next() {
		if (this.finished) {
			return null;
		}
		Object next;
		try {
			next = this.chunks.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for import lines", ex);
		}
		if (next instanceof Chunk chunk) {
			return chunk;
		}
		this.finished = true;
		if (next instanceof RuntimeException failure) {
			throw failure;
		}
		return null;
	}

	/** Stops the reading thread if the import ends before the input does (a failure). */
	@Override
	public void close() {
		this.thread.interrupt();
	}

	private void readAll() {
		try {
			Map<String, ValidPost> posts = new LinkedHashMap<>();
			Errors errors = new Errors();
			long index = 0;
			long position = 0;
			long chunkChars = 0;
			long chunkLines = 0;
			ImportSource.Item item;
			while ((item = this.source.next()) != null) {
				long before = position;
				position = item.position();
				chunkLines++;
				ValidPost post = null;
				if (item.error() != null) {
					errors.add(item.number(), item.error());
				}
				else if (item.skipped() != null) {
					skip(item.number(), item.skipped());
				}
				else if (item.line() != null) {
					post = validate(item, errors);
				}
				if (post != null && posts.containsKey(post.slug())) {
					this.chunks.put(errors.chunk(index++, posts, before));
					chunkChars = 0;
					chunkLines = 1;
				}
				if (post != null) {
					posts.put(post.slug(), post);
					chunkChars += item.size();
				}
				if (posts.size() >= this.maxPosts || chunkChars >= this.maxChars || chunkLines >= CHUNK_LINES) {
					this.chunks.put(errors.chunk(index++, posts, position));
					chunkChars = 0;
					chunkLines = 0;
				}
			}
			if (!posts.isEmpty() || errors.any()) {
				this.chunks.put(errors.chunk(index, posts, position));
			}
			this.chunks.put(END);
		}
		catch (IOException ex) {
			offerFailure(new UncheckedIOException(ex));
		}
		catch (InterruptedException ex) {
			// the import stopped taking chunks: nothing left to do
		}
		catch (RuntimeException ex) {
			offerFailure(ex);
		}
	}

	private @Nullable ValidPost validate(ImportSource.Item item, Errors errors) {
		try {
			return this.validator.validate(item.number(), item.line());
		}
		catch (InvalidLineException ex) {
			errors.add(item.number(), ex.reason());
			return null;
		}
	}

	private void skip(long number, ImportText reason) {
		if (this.skipped.size() < PostImporter.MAX_REPORTED_ERRORS) {
			this.skipped.add(new LineError(number, reason));
		}
		this.skippedCount++;
	}

	/** Items left out on purpose (pages, attachments), the first ones with their reasons; read after the end. */
	List<LineError> skipped() {
		return List.copyOf(this.skipped);
	}

	/** How many items were left out on purpose; read after the end. */
	long skippedCount() {
		return this.skippedCount;
	}

	private void offerFailure(RuntimeException failure) {
		try {
			this.chunks.put(failure);
		}
		catch (InterruptedException ex) {
			// nobody is waiting for it any more
		}
	}

	/**
	 * The bad lines of the chunk being read: the first {@value PostImporter#MAX_REPORTED_ERRORS}
	 * of the import with their reasons, the others counted.
	 */
	private static final class Errors {

		private List<LineError> kept = new ArrayList<>();

		private long keptInAll;

		private long unreported;

		void add(long lineNumber, ImportText message) {
			if (this.keptInAll < PostImporter.MAX_REPORTED_ERRORS) {
				this.kept.add(new LineError(lineNumber, message));
				this.keptInAll++;
			}
			else {
				this.unreported++;
			}
		}

		boolean any() {
			return !this.kept.isEmpty() || this.unreported > 0;
		}

		/** The chunk of these posts and errors; both start again empty. */
		Chunk chunk(long index, Map<String, ValidPost> posts, long charsRead) {
			Chunk chunk = new Chunk(index, List.copyOf(posts.values()), this.kept, this.unreported, charsRead);
			posts.clear();
			this.kept = new ArrayList<>();
			this.unreported = 0;
			return chunk;
		}

	}

	/**
	 * Lines of the input, in order.
	 * @param index the chunk's place in the input, from 0
	 * @param posts the valid ones, with distinct slugs
	 * @param errors the invalid ones, by line number, as long as fewer than
	 * {@value PostImporter#MAX_REPORTED_ERRORS} were reported before
	 * @param unreported how many more invalid lines there were
	 * @param charsRead characters of the input read up to the end of this chunk
	 */
	record Chunk(long index, List<ValidPost> posts, List<LineError> errors, long unreported, long charsRead) {
	}

}
