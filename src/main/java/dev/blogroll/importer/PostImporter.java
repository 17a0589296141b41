package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.blogroll.database.DatabaseFailures;
import dev.blogroll.database.Writes;
import dev.blogroll.importer.ImportResult.LineError;

/**
 * Imports posts from NDJSON, one JSON object a line (the format is {@link ImportLine}).
 * <p>
 * A thread of its own reads and validates the lines ({@link ChunkReader}) while two writers
 * (this thread and one more) write them in chunks of up to
 * {@value #CHUNK_POSTS} posts, each in one transaction with a fixed number of set-based
 * statements ({@link ChunkWriter}); {@link ChunkSchedule} keeps two chunks written at once
 * from depending on each other and reports their results in input order. On two cores most
 * of a chunk's cost is PostgreSQL's (computing the search vector, index entries, WAL), so a
 * second connection is what makes a large import faster.
 * <p>
 * A post is identified by its slug, so importing the same file twice changes nothing.
 * Categories, authors and tags are created by name on first use. A bad line is reported with
 * its number and skipped. If PostgreSQL refuses a chunk, it is rolled back and written again
 * in two halves, and so on down to the refused lines, so that only they are left out and
 * nothing is half-written; if the database cannot be reached at all, the import stops with
 * the exception (what it committed stays, and running it again carries on).
 */
@Service
public class PostImporter {

	static final int CHUNK_POSTS = 20_000;

	/** About 14 MB of lines of a typical aggregated post: the chunk's rows fit in memory. */
	static final long CHUNK_CHARS = 16_000_000;

	/** Connections writing at once: one a core of the usual two-core host. */
	static final int WRITERS = 2;

	static final int MAX_REPORTED_ERRORS = 1000;

	/** Attempts at a chunk PostgreSQL aborted as a deadlock or serialization failure. */
	static final int ATTEMPTS = Writes.ATTEMPTS;

	private static final Logger log = LoggerFactory.getLogger(PostImporter.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final int chunkPosts;

	private final int writers;

	private final ImportMetrics metrics;

	private final Clock clock;

	@Autowired
	PostImporter(JdbcTemplate jdbc, TransactionTemplate transaction, MeterRegistry registry, Clock clock) {
		this(jdbc, transaction, CHUNK_POSTS, WRITERS, new ImportMetrics(registry), clock);
	}

	/** An importer with other chunks or writers, for tests of what happens at their edges. */
	PostImporter(JdbcTemplate jdbc, TransactionTemplate transaction, int chunkPosts, int writers) {
		this(jdbc, transaction, chunkPosts, writers, new ImportMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
	}

	private PostImporter(JdbcTemplate jdbc, TransactionTemplate transaction, int chunkPosts, int writers,
			ImportMetrics metrics, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.chunkPosts = chunkPosts;
		this.writers = writers;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Imports every line the reader gives, creating the categories the lines name: for files
	 * Blogroll trusts (the demo data, tests). Editors' files go through
	 * {@link #importFrom(ImportFile, boolean)}.
	 * @param input NDJSON text
	 * @param totalBytes the input's size if known, or -1, to estimate the time left in the log
	 */
	public ImportResult importFrom(BufferedReader input, long totalBytes) {
		return run(new NdjsonSource(input), totalBytes, true).result();
	}

	/**
	 * Imports a file of any format Blogroll reads ({@link ImportFormat}), told from its content.
	 * @param createCategories whether a category no post has yet is created (else its lines are
	 * refused, so that a misspelt name never becomes a public section of the site)
	 * @throws UnreadableImportException if the file is none Blogroll reads, or is empty
	 */
	public ImportResult importFrom(ImportFile file, boolean createCategories) throws IOException {
		ImportFormat format = file.detect();
		Run run;
		switch (format) {
			case WORDPRESS -> {
				try (ImportFile.Counted in = file.open()) {
					run = run(new WxrSource(in, this.clock.instant()), file.size(), createCategories);
				}
			}
			case GHOST -> run = run(new GhostSource(file, this.clock.instant()), file.size(), createCategories);
			default -> {
				try (InputStream in = file.open(); BufferedReader reader = new BufferedReader(ImportFile.text(in, false))) {
					run = run(new NdjsonSource(reader), file.size(), createCategories);
				}
			}
		}
		return run.result().with(run.reader().skippedCount(), run.reader().skipped(), format);
	}

	/** What a run did, and its reader, which knows the items left out. */
	private record Run(ImportResult result, ChunkReader reader) {
	}

	private Run run(ImportSource source, long totalBytes, boolean createCategories) {
		ImportProgress progress = new ImportProgress(totalBytes, this.metrics);
		this.metrics.started();
		ChunkReader used;
		try (ChunkReader reader = new ChunkReader(source, new ImportValidator(), this.chunkPosts, CHUNK_CHARS)) {
			used = reader;
			ChunkSchedule schedule = new ChunkSchedule(reader, progress);
			List<Thread> helpers = new ArrayList<>();
			for (int i = 2; i <= this.writers; i++) {
				Thread helper = new Thread(() -> writeChunks(schedule, createCategories), "import-writer-" + i);
				helper.setDaemon(true);
				helper.start();
				helpers.add(helper);
			}
			writeChunks(schedule, createCategories);
			for (Thread helper : helpers) {
				join(helper, schedule);
			}
			schedule.rethrowFailure();
		}
		finally {
			this.metrics.finished();
		}
		ImportResult result = progress.result();
		log.info("Import finished: {} in {} ms", result, progress.elapsedMillis());
		return new Run(result, used);
	}

	/** Writes chunks until there are no more, or until a writer has failed. */
	private void writeChunks(ChunkSchedule schedule, boolean createCategories) {
		try {
			ChunkReader.Chunk chunk;
			while ((chunk = schedule.take()) != null) {
				Lock turn = schedule.awaitTurn(chunk);
				if (turn == null) {
					return;
				}
				List<ChunkWriter.Written> written = new ArrayList<>();
				List<LineError> errors = new ArrayList<>(chunk.errors());
				try {
					write(chunk.posts(), written, errors, createCategories);
				}
				finally {
					turn.unlock();
				}
				foldListingCounts();
				schedule.finish(chunk, new ChunkSchedule.Outcome(written, errors, chunk.unreported(), chunk.charsRead()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			schedule.fail(new IllegalStateException("The import was interrupted", ex));
		}
		catch (RuntimeException ex) {
			schedule.fail(ex);
		}
		catch (Error ex) {
			// the other writer must not go on as if this one's chunks had been written
			schedule.fail(new IllegalStateException("An import writer failed", ex));
			throw ex;
		}
	}

	/**
	 * Writes the posts in one transaction, or, if PostgreSQL refuses them, each half in turn;
	 * a single refused post becomes a line error. A transaction PostgreSQL aborted to break a
	 * deadlock or a serialization conflict (with an editor's save of the same post, say) is
	 * not a refusal: it is written again as it was, up to {@value #ATTEMPTS} times.
	 */
	private void write(List<ValidPost> posts, List<ChunkWriter.Written> written, List<LineError> errors,
			boolean createCategories) {
		if (posts.isEmpty()) {
			return;
		}
		ChunkWriter.Written done;
		try {
			done = writeInTransaction(posts, createCategories);
		}
		catch (DataAccessResourceFailureException | TransientDataAccessResourceException unreachable) {
			throw unreachable;
		}
		catch (DataAccessException refused) {
			if (posts.size() == 1) {
				errors.add(new LineError(posts.get(0).lineNumber(), refusal(posts.get(0), refused)));
				return;
			}
			int half = posts.size() / 2;
			write(posts.subList(0, half), written, errors, createCategories);
			write(posts.subList(half, posts.size()), written, errors, createCategories);
			return;
		}
		if (done != null) {
			written.add(done);
			errors.addAll(done.refused());
		}
	}

	/**
	 * Why PostgreSQL refused one post, in an editor's words; its own message goes to the log
	 * only (it names tables, constraints and SQL states).
	 */
	private static ImportText refusal(ValidPost post, DataAccessException refused) {
		log.warn("Import line {} (slug {}) refused: {}", post.lineNumber(), post.slug(),
				firstLine(refused.getMostSpecificCause().getMessage()));
		if (DatabaseFailures.isTransient(refused) || DatabaseFailures.isLostRace(refused)) {
			return new ImportText("admin.import.line.contended", post.slug(), ATTEMPTS);
		}
		return new ImportText("admin.import.line.refused", post.slug());
	}

	private ChunkWriter.@Nullable Written writeInTransaction(List<ValidPost> posts, boolean createCategories) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transaction.execute((status) -> this.jdbc.execute(
						(ConnectionCallback<ChunkWriter.Written>) (connection) -> ChunkWriter.write(connection, posts,
								createCategories)));
			}
			catch (DataAccessException ex) {
				if (attempt >= ATTEMPTS || !DatabaseFailures.isTransient(ex)) {
					throw ex;
				}
				log.info("A chunk of {} posts was aborted ({}); writing it again", posts.size(),
						firstLine(ex.getMostSpecificCause().getMessage()));
			}
		}
	}

	/**
	 * A chunk notes thousands of changes to the listing counts (its posts' days and months,
	 * {@code V36}); folding them now, in a statement of their own, keeps what readers add up
	 * small during a big import. Another writer folding at the same moment makes this a no-op.
	 */
	private void foldListingCounts() {
		try {
			this.jdbc.queryForObject("select fold_listing_counts()", Integer.class);
		}
		catch (DataAccessResourceFailureException | TransientDataAccessResourceException unreachable) {
			throw unreachable;
		}
		catch (DataAccessException ex) {
			// Blogroll folds every few seconds anyway; the counts read the same either way
			log.debug("Could not fold the listing counts after a chunk", ex);
		}
	}

	private static void join(Thread helper, ChunkSchedule schedule) {
		try {
			helper.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			schedule.fail(new IllegalStateException("The import was interrupted", ex));
		}
	}

	static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unknown error";
		}
		String line = message.lines().findFirst().orElse(message);
		return (line.length() <= 200) ? line : line.substring(0, 200) + "…";
	}

}
