package dev.blogroll.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.MergeInfo;
import org.apache.lucene.store.NIOFSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blogroll.content.ContentVersion;

/**
 * The Lucene engine's index of the posts readers may see, on this instance's disk, kept current
 * from PostgreSQL.
 * <p>
 * One document per published post (drafts and trashed posts are left out; a post dated in the
 * future is in it, and searches leave it out until its time): its words in {@value #TEXT}
 * (title, summary and body, English stemming as PostgreSQL's {@code english} configuration does,
 * positions for phrases; the title three times, so that a word of the title counts more, as
 * PostgreSQL's weight A does, at no cost to a search), and
 * its category, tags and date to narrow by.
 * <p>
 * Kept current: every statement writing posts or their tags notes the posts' ids with its
 * transaction ({@code post_search_change}, V94). The index remembers the snapshot it last read
 * under, in its own commit, and reads the posts of every transaction that snapshot did not see,
 * whenever the content version ({@link ContentVersion}) has moved since: a search made after an
 * editor's save finds the post as saved, on every instance. A database taken back to an earlier
 * state, a truncate, or an index that has been away longer than the notes are kept
 * ({@value #NOTES_KEPT_DAYS} days), reads every post again.
 * <p>
 * Built in the background from PostgreSQL when empty, with progress in the log (posts, rate,
 * time left); until it is ready, searches are answered by PostgreSQL. The files are read through
 * {@link NIOFSDirectory}, not memory-mapped: the operating system's page cache keeps them, not
 * the JVM's resident memory.
 */
final class LuceneIndex implements Closeable {

	static final String ID = "id";

	static final String ID_VALUE = "id_value";

	static final String TEXT = "text";

	/**
	 * Every two words in a row of the title, summary and body, as one term ("servic mesh"), with
	 * positions: a phrase is found from the few posts that have its pairs, rather than checked
	 * against the positions of every post that has all its words.
	 */
	static final String PAIRS = "pairs";

	static final String CATEGORY = "category";

	static final String TAG = "tag";

	static final String PUBLISHED = "published";

	/** How long the notes of changed posts are kept in PostgreSQL. */
	static final int NOTES_KEPT_DAYS = 3;

	/** How long a search waits for the index to catch up before searching what it has. */
	private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(2);

	/** Threads analyzing posts while the index is built: the machine's cores. */
	private static final int ANALYZERS = Math.max(1, Runtime.getRuntime().availableProcessors());

	/**
	 * Megabytes of new documents the writer holds before it writes a segment: small, because the
	 * JVM's heap is small (128 MB in production) and what the writer holds lives long enough to reach the
	 * old generation (24 MB with word pairs made the serial collector collect the whole 160 MB heap twice a
	 * second); more, smaller segments cost a little more merging instead.
	 */
	private static final double RAM_BUFFER_MB = 8;

	/**
	 * The segments a built index is merged into, in the background: every search looks each of
	 * its words up in every segment, and the small RAM buffer above leaves many (76 for a million
	 * posts). Merged into 5, the query set's median fell by about a quarter on the same machine
	 * (docs/search.md, "Merged").
	 */
	static final int MERGED_SEGMENTS = 5;

	/** Posts handed to an analyzing thread at once while building. */
	private static final int BUILD_BATCH = 100;

	/** Posts read again from PostgreSQL per statement when catching up. */
	private static final int BATCH = 1_000;

	private static final String SNAPSHOT = "snapshot";

	private static final String SYNCED_AT = "synced_at";

	private static final String FORMAT = "format";

	/**
	 * What the documents hold; an index written with another is built again. 2: with
	 * {@value #PAIRS}; 3: the title three times in the text, no title field (asking the title field
	 * besides cost a search about 15 % more CPU).
	 */
	private static final String FORMAT_VERSION = "3";

	private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

	private static final String POSTS = """
			select p.id, p.title, p.summary, p.body, p.category_id, p.published_at,
			       array(select pt.tag_id from post_tag pt where pt.post_id = p.id) as tags
			from post p
			where p.status = 'PUBLISHED'""";

	/*
	 * The ids of the posts written by the transactions the snapshot :seen did not see, and the
	 * snapshot of this statement, under which the next catch-up starts. A null id: every post.
	 */
	private static final String CHANGED = """
			select pg_current_snapshot()::text as snapshot,
			       array(select distinct coalesce(c.post_id, -1) from post_search_change c
			             where c.xid >= pg_snapshot_xmin(cast(:seen as pg_snapshot))
			               and not pg_visible_in_snapshot(c.xid, cast(:seen as pg_snapshot))) as ids,
			       pg_snapshot_xmin(cast(:seen as pg_snapshot)) > pg_snapshot_xmin(pg_current_snapshot()) as went_back""";

	private final DataSource dataSource;

	private final ContentVersion contentVersion;

	private final Path path;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/** One thread writes: the build and every catch-up, in order. */
	private final ExecutorService writes = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "search-index");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean ready;

	/** The content version the index was last brought up to, or -1. */
	private volatile long syncedVersion = -1;

	private @Nullable Future<?> catchingUp;

	/** The content version {@link #catchingUp} was asked for, when it is a catch-up. */
	private long catchingUpTo = -1;

	LuceneIndex(DataSource dataSource, ContentVersion contentVersion, Path path) {
		this(dataSource, contentVersion, path, new TieredMergePolicy());
	}

	/**
	 * @param mergePolicy how the writer merges segments as it goes (Lucene's default in use;
	 * tests hold merges back so that an index has many segments)
	 */
	LuceneIndex(DataSource dataSource, ContentVersion contentVersion, Path path, MergePolicy mergePolicy) {
		this.dataSource = dataSource;
		this.contentVersion = contentVersion;
		this.path = path;
		try {
			Files.createDirectories(path);
			this.directory = new ReadInFourKilobytes(path);
			IndexWriterConfig config = new IndexWriterConfig(analyzer()).setRAMBufferSizeMB(RAM_BUFFER_MB)
				.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
				.setMergePolicy(mergePolicy)
				.setCommitOnClose(false);
			this.writer = new IndexWriter(this.directory, config);
			this.searchers = new SearcherManager(this.writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open the search index in " + path + ": " + ex.getMessage(), ex);
		}
		this.ready = snapshot() != null && !tooOld() && FORMAT_VERSION.equals(commitData(FORMAT));
		if (!this.ready && snapshot() != null) {
			log.info("The search index in {} is too old or of another format; it will be built again", path);
		}
	}

	/**
	 * The analyzer of every text field: English (stemming, stop words), with a gap between the
	 * title, summary and body; {@value #PAIRS} holds each two words in a row as one term.
	 */
	static Analyzer analyzer() {
		Analyzer english = new EnglishAnalyzer();
		Analyzer pairs = new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				// EnglishAnalyzer's chain, then pairs of its words (a stop word left out is "_")
				Tokenizer source = new StandardTokenizer();
				TokenStream words = new PorterStemFilter(new StopFilter(
						new LowerCaseFilter(new EnglishPossessiveFilter(source)), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
				ShingleFilter twoInARow = new ShingleFilter(words, 2, 2);
				twoInARow.setOutputUnigrams(false);
				return new TokenStreamComponents(source, twoInARow);
			}

		};
		return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {

			@Override
			protected Analyzer getWrappedAnalyzer(String fieldName) {
				return PAIRS.equals(fieldName) ? pairs : english;
			}

			@Override
			public int getPositionIncrementGap(String fieldName) {
				// a phrase never spans the end of the title and the start of the summary
				return 100;
			}

		};
	}

	/** Waits at most {@code wait} for the build or catch-up under way, if any (for tests and the benchmark). */
	void awaitWrites(Duration wait) {
		Future<?> running;
		synchronized (this) {
			running = this.catchingUp;
		}
		if (running == null) {
			return;
		}
		try {
			running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The search index was not written in " + wait, ex);
		}
	}

	/** Whether the index holds every post and can answer searches. */
	boolean isReady() {
		return this.ready;
	}

	/**
	 * Builds the index in the background if it is empty (or too old to catch up); returns at
	 * once.
	 */
	synchronized void start() {
		if (!this.ready && this.catchingUp == null) {
			this.catchingUp = this.writes.submit(this::rebuild);
		}
		else if (this.ready && segments() > 4 * MERGED_SEGMENTS) {
			mergeInBackground();
		}
	}

	/** How many segments the index searched now has. */
	int segments() {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return searcher.getIndexReader().leaves().size();
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Merges the index into {@link #MERGED_SEGMENTS} segments on a thread of its own, while
	 * searches and catch-ups go on (the writer takes both at once), then commits the merge on
	 * the writing thread, in order with the catch-ups' commits. It takes minutes for a million
	 * posts; a restart meanwhile keeps the segments as they were.
	 */
	private void mergeInBackground() {
		Thread merging = new Thread(() -> {
			long started = System.nanoTime();
			try {
				int before = segments();
				log.info("Merging the search index's {} segments into {} in the background", before, MERGED_SEGMENTS);
				this.writer.forceMerge(MERGED_SEGMENTS);
				this.writes.submit(() -> {
					this.writer.commit();
					this.searchers.maybeRefreshBlocking();
					return null;
				}).get();
				log.info("Search index merged: {} segments into {} in {} s", before, segments(),
						String.format("%.1f", (System.nanoTime() - started) / 1e9));
			}
			catch (IOException | RuntimeException | java.util.concurrent.ExecutionException ex) {
				// closed meanwhile, or the disk is full: the index stays as it was, searchable
				log.warn("Could not merge the search index: {}", ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "search-index-merge");
		merging.setDaemon(true);
		merging.start();
	}

	/**
	 * A searcher of the index, first brought up to the content version of now if it moved, waiting
	 * at most {@link #CATCH_UP_WAIT} for that (a large import goes on in the background and
	 * searches meanwhile see what was indexed so far). Release it with {@link #release}.
	 */
	IndexSearcher acquire() throws IOException {
		long version = this.contentVersion.current().dataVersion();
		if (version != this.syncedVersion) {
			Future<?> catchUp = catchUp(version);
			try {
				catchUp.get(CATCH_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				log.debug("Searching while the index catches up");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				log.warn("The search index could not catch up: {}", ex.getCause().getMessage(), ex.getCause());
			}
		}
		return this.searchers.acquire();
	}

	void release(IndexSearcher searcher) throws IOException {
		this.searchers.release(searcher);
	}

	/**
	 * One catch-up at a time, in order on the writing thread. Requests that come while one is under
	 * way for their content version (or a later one) wait for it; a request that saw a later version
	 * queues a new one, since the one under way may have read the changes before that version's
	 * commit.
	 */
	private synchronized Future<?> catchUp(long version) {
		if (this.catchingUp != null && !this.catchingUp.isDone() && this.catchingUpTo >= version) {
			return this.catchingUp;
		}
		this.catchingUpTo = version;
		this.catchingUp = this.writes.submit(() -> {
			if (version != this.syncedVersion) {
				readChanges(version);
			}
		});
		return this.catchingUp;
	}

	/** Brings the index up to date with the transactions its snapshot did not see. */
	private void readChanges(long version) {
		String seen = snapshot();
		if (seen == null || !this.ready) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			String now;
			List<Long> ids = new ArrayList<>();
			boolean wentBack;
			try (PreparedStatement changed = connection.prepareStatement(CHANGED.replace(":seen", "?"))) {
				changed.setString(1, seen);
				changed.setString(2, seen);
				changed.setString(3, seen);
				try (ResultSet rs = changed.executeQuery()) {
					rs.next();
					now = rs.getString("snapshot");
					for (Long id : (Long[]) rs.getArray("ids").getArray()) {
						ids.add(id);
					}
					wentBack = rs.getBoolean("went_back");
				}
			}
			if (ids.contains(-1L) || wentBack) {
				log.info("Reading every post into the search index again: {}",
						wentBack ? "the database is at an earlier state than the index" : "the posts were truncated");
				rebuild();
				return;
			}
			for (int from = 0; from < ids.size(); from += BATCH) {
				reindex(connection, ids.subList(from, Math.min(ids.size(), from + BATCH)));
			}
			commit(now);
			this.syncedVersion = version;
			if (!ids.isEmpty()) {
				log.debug("Search index: {} posts read again", ids.size());
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not bring the search index up to date: " + ex.getMessage(), ex);
		}
	}

	private void reindex(Connection connection, List<Long> ids) throws SQLException, IOException {
		Set<Long> gone = new LinkedHashSet<>(ids);
		try (PreparedStatement posts = connection.prepareStatement(POSTS + " and p.id = any(?)")) {
			posts.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
			try (ResultSet rs = posts.executeQuery()) {
				while (rs.next()) {
					Document document = document(rs);
					long id = rs.getLong("id");
					this.writer.updateDocument(new Term(ID, Long.toString(id)), document);
					gone.remove(id);
				}
			}
		}
		for (Long id : gone) {
			// deleted, or no longer published
			this.writer.deleteDocuments(new Term(ID, Long.toString(id)));
		}
	}

	/** Reads every published post into an empty index, under one snapshot, logging its progress. */
	private void rebuild() {
		long started = System.nanoTime();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			long version = this.contentVersion.current().dataVersion();
			String snapshot;
			long total;
			try (PreparedStatement count = connection.prepareStatement(
					"select pg_current_snapshot()::text, (select count(*) from post p where p.status = 'PUBLISHED')");
					ResultSet rs = count.executeQuery()) {
				rs.next();
				snapshot = rs.getString(1);
				total = rs.getLong(2);
			}
			log.info("Building the search index in {} from {} published posts", this.path, String.format("%,d", total));
			this.writer.deleteAll();
			Progress progress = new Progress(total, started);
			// this thread reads; the analysis (most of the work) runs on every core, a batch at a time
			ThreadPoolExecutor analyzers = new ThreadPoolExecutor(ANALYZERS, ANALYZERS, 0, TimeUnit.SECONDS,
					new ArrayBlockingQueue<>(ANALYZERS), new ThreadPoolExecutor.CallerRunsPolicy());
			AtomicReference<IOException> failure = new AtomicReference<>();
			try (PreparedStatement posts = connection.prepareStatement(POSTS)) {
				posts.setFetchSize(500);
				try (ResultSet rs = posts.executeQuery()) {
					List<Document> batch = new ArrayList<>(BUILD_BATCH);
					while (rs.next() && failure.get() == null) {
						batch.add(document(rs));
						if (batch.size() == BUILD_BATCH) {
							analyzers.execute(add(batch, progress, failure));
							batch = new ArrayList<>(BUILD_BATCH);
						}
					}
					analyzers.execute(add(batch, progress, failure));
				}
			}
			finally {
				analyzers.shutdown();
				awaitQuietly(analyzers);
			}
			if (failure.get() != null) {
				throw failure.get();
			}
			connection.commit();
			commit(snapshot);
			this.syncedVersion = version;
			this.ready = true;
			log.info("Search index ready: {} posts in {} s", String.format("%,d", progress.done),
					String.format("%.1f", (System.nanoTime() - started) / 1e9));
			if (segments() > MERGED_SEGMENTS) {
				mergeInBackground();
			}
		}
		catch (SQLException | IOException ex) {
			// what was added is never committed: a restart opens the last commit again
			this.ready = false;
			log.error("Could not build the search index; PostgreSQL keeps answering searches: {}", ex.getMessage(), ex);
		}
	}

	private Runnable add(List<Document> batch, Progress progress, AtomicReference<IOException> failure) {
		return () -> {
			try {
				this.writer.addDocuments(batch);
				progress.added(batch.size());
			}
			catch (IOException ex) {
				failure.compareAndSet(null, ex);
			}
		};
	}

	private static void awaitQuietly(ExecutorService executor) {
		try {
			executor.awaitTermination(1, TimeUnit.HOURS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void commit(String snapshot) throws IOException {
		Map<String, String> data = new HashMap<>();
		data.put(SNAPSHOT, snapshot);
		data.put(SYNCED_AT, Instant.now().toString());
		data.put(FORMAT, FORMAT_VERSION);
		this.writer.setLiveCommitData(data.entrySet());
		this.writer.commit();
		this.searchers.maybeRefreshBlocking();
	}

	private static Document document(ResultSet rs) throws SQLException {
		Document document = new Document();
		long id = rs.getLong("id");
		document.add(new StringField(ID, Long.toString(id), Field.Store.NO));
		document.add(new NumericDocValuesField(ID_VALUE, id));
		String title = rs.getString("title");
		for (String words : new String[] { title, title, title, rs.getString("summary"), rs.getString("body") }) {
			if (words != null) {
				document.add(new TextField(TEXT, words, Field.Store.NO));
				document.add(new TextField(PAIRS, words, Field.Store.NO));
			}
		}
		document.add(new StringField(CATEGORY, Long.toString(rs.getLong("category_id")), Field.Store.NO));
		for (Long tag : (Long[]) rs.getArray("tags").getArray()) {
			document.add(new StringField(TAG, Long.toString(tag), Field.Store.NO));
		}
		document.add(new LongPoint(PUBLISHED, rs.getTimestamp("published_at").getTime()));
		return document;
	}

	/** The snapshot of the index's last commit, or null if it has none (empty, or never finished). */
	private @Nullable String snapshot() {
		return commitData(SNAPSHOT);
	}

	/** Whether the index was last brought up to date before the oldest notes still kept. */
	private boolean tooOld() {
		String at = commitData(SYNCED_AT);
		return at == null || Instant.parse(at).isBefore(Instant.now().minus(Duration.ofDays(NOTES_KEPT_DAYS - 1)));
	}

	private @Nullable String commitData(String key) {
		try {
			if (!DirectoryReader.indexExists(this.directory)) {
				return null;
			}
			Map<String, String> data = new HashMap<>();
			for (Map.Entry<String, String> entry : this.writer.getLiveCommitData()) {
				data.put(entry.getKey(), entry.getValue());
			}
			return data.get(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.writes.shutdownNow();
		try {
			this.writes.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.searchers.close();
		this.writer.rollback();
		this.directory.close();
	}

	/** Counts posts indexed and logs every ten seconds how many, how fast, and how long is left. */
	private static final class Progress {

		private final long total;

		private final long started;

		private long done;

		private long logged;

		Progress(long total, long started) {
			this.total = total;
			this.started = started;
			this.logged = started;
		}

		synchronized void added(int posts) {
			this.done += posts;
			long now = System.nanoTime();
			if (now - this.logged >= TimeUnit.SECONDS.toNanos(10)) {
				this.logged = now;
				double rate = this.done / ((now - this.started) / 1e9);
				long left = (long) ((this.total - this.done) / Math.max(rate, 1));
				log.info("Search index: {} of {} posts, {} a second, about {} s left", String.format("%,d", this.done),
						String.format("%,d", this.total), String.format("%,.0f", rate), left);
			}
		}

	}

	/**
	 * The index's files read through {@link NIOFSDirectory} with 4 KB buffers instead of 1 KB.
	 * Lucene gives the reads of a merge 4 KB buffers and every other read 1 KB, so a search's
	 * postings of common words took one {@code pread} system call per kilobyte: a fifth of the
	 * time of a three-word search (JFR), on a virtual machine where system calls are dear. Every
	 * read is opened as a merge's read, which changes only the buffer's size. Measured on
	 * 2026-12-02 with the million-post index: {@code control plane latency} made 3,348
	 * {@code pread} calls a search with 1 KB buffers and 997 with 4 KB (strace, 20 searches
	 * each); JVM CPU per search, two 15 s runs of 2 connections each, 38.6 and 32.1 ms against
	 * 25.7 and 31.6 ms ({@code database connection timeout} 34.1 and 33.8 against 25.5 and 30.1,
	 * {@code gateway} 15.0 and 14.8 against 13.7 and 13.9); the query set's median did not move
	 * beyond the noise (48.0–60.8 ms against 44.9–60.5 ms, three runs each).
	 */
	private static final class ReadInFourKilobytes extends NIOFSDirectory {

		private static final IOContext MERGE_SIZED = new IOContext(new MergeInfo(0, 0, false, 0));

		ReadInFourKilobytes(Path path) throws IOException {
			super(path);
		}

		@Override
		public IndexInput openInput(String name, IOContext context) throws IOException {
			return super.openInput(name, (context.context == IOContext.Context.MERGE) ? context : MERGE_SIZED);
		}

	}

}
