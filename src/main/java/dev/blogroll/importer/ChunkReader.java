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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.blogroll.importer.ImportResult.LineError;

/**
 * Reads, parses and validates the lines of an import on a thread of its own and hands them
 * over in chunks, so that the Java work on the next chunk overlaps with PostgreSQL writing
 * this one (on two cores, each side keeps one busy). At most {@value #CHUNKS_AHEAD} chunks
 * wait to be written, which bounds the memory an import holds.
 * <p>
 * A chunk ends after a number of posts or characters, or early when a slug comes back: the
 * later line must win, as it would in two imports, so the two lines go into chunks written
 * one after the other.
 */
final class ChunkReader implements AutoCloseable {

	static final int CHUNKS_AHEAD = 1;

	/** Put in the queue after the last chunk. */
	private static final Object END = new Object();

	private static final ObjectReader JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build()
		.readerFor(ImportLine.class);

	private final BufferedReader input;

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
		this.input = input;
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
			ImportValidator validator = new ImportValidator();
			Map<String, ValidPost> posts = new LinkedHashMap<>();
			List<LineError> errors = new ArrayList<>();
			long index = 0;
			long lineNumber = 0;
			long charsRead = 0;
			long chunkChars = 0;
			String text;
			while ((text = this.input.readLine()) != null) {
				lineNumber++;
				charsRead += text.length() + 1;
				if (text.isBlank()) {
					continue;
				}
				ValidPost post = parse(validator, lineNumber, text, errors);
				if (post == null) {
					continue;
				}
				if (posts.containsKey(post.slug())) {
					this.chunks.put(new Chunk(index++, List.copyOf(posts.values()), errors, charsRead - text.length() - 1));
					posts.clear();
					errors = new ArrayList<>();
					chunkChars = 0;
				}
				posts.put(post.slug(), post);
				chunkChars += text.length();
				if (posts.size() >= this.maxPosts || chunkChars >= this.maxChars) {
					this.chunks.put(new Chunk(index++, List.copyOf(posts.values()), errors, charsRead));
					posts.clear();
					errors = new ArrayList<>();
					chunkChars = 0;
				}
			}
			if (!posts.isEmpty() || !errors.isEmpty()) {
				this.chunks.put(new Chunk(index, List.copyOf(posts.values()), errors, charsRead));
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

	private void offerFailure(RuntimeException failure) {
		try {
			this.chunks.put(failure);
		}
		catch (InterruptedException ex) {
			// nobody is waiting for it any more
		}
	}

	private static @Nullable ValidPost parse(ImportValidator validator, long lineNumber, String text,
			List<LineError> errors) {
		try {
			return validator.validate(lineNumber, JSON.readValue(text));
		}
		catch (JacksonException ex) {
			errors.add(new LineError(lineNumber, "not a valid JSON post: " + PostImporter.firstLine(ex.getOriginalMessage())));
		}
		catch (InvalidLineException ex) {
			errors.add(new LineError(lineNumber, ex.getMessage()));
		}
		return null;
	}

	/**
	 * Lines of the input, in order.
	 * @param index the chunk's place in the input, from 0
	 * @param posts the valid ones, with distinct slugs
	 * @param errors the invalid ones, by line number
	 * @param charsRead characters of the input read up to the end of this chunk
	 */
	record Chunk(long index, List<ValidPost> posts, List<LineError> errors, long charsRead) {
	}

}
