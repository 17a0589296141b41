package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.blogroll.importer.ImportResult.LineError;
import dev.blogroll.text.Slugs;

/**
 * Imports posts from NDJSON, one JSON object a line (the format is {@link ImportLine}).
 * <p>
 * Lines are validated one by one and written in batches of {@value #BATCH_SIZE}, each batch
 * in one transaction with a handful of set-based statements. A post is identified by its
 * slug, so importing the same file twice changes nothing. Categories, authors and tags are
 * created by name on first use. A bad line is reported with its number and skipped; if a
 * batch fails in the database, its lines are retried one by one so that only the bad ones
 * are left out and nothing is half-written.
 */
@Service
public class PostImporter {

	static final int BATCH_SIZE = 1000;

	static final int MAX_REPORTED_ERRORS = 1000;

	private static final Logger log = LoggerFactory.getLogger(PostImporter.class);

	private static final String UPSERT_POSTS = """
			insert into post (slug, title, category_id, author_id, published_at, excerpt, summary, body,
			                  image_url, image_alt, source_url, status, created_by, updated_by)
			select *, 'import', 'import' from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::timestamptz[], ?::text[],
			                     ?::varchar[], ?::text[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
			on conflict (slug) do update set
			    title = excluded.title, category_id = excluded.category_id, author_id = excluded.author_id,
			    published_at = excluded.published_at, excerpt = excluded.excerpt, summary = excluded.summary,
			    body = excluded.body, image_url = excluded.image_url, image_alt = excluded.image_alt,
			    source_url = excluded.source_url, status = excluded.status,
			    trashed_at = null, trashed_by = null, trashed_status = null,
			    updated_at = now(), updated_by = 'import', version = post.version + 1
			where (post.title, post.category_id, post.author_id, post.published_at, post.excerpt, post.summary,
			       post.body, post.image_url, post.image_alt, post.source_url, post.status)
			    is distinct from
			      (excluded.title, excluded.category_id, excluded.author_id, excluded.published_at, excluded.excerpt,
			       excluded.summary, excluded.body, excluded.image_url, excluded.image_alt, excluded.source_url,
			       excluded.status)
			returning (xmax = 0) as created""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final ObjectReader reader;

	PostImporter(JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.reader = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build()
			.readerFor(ImportLine.class);
	}

	/**
	 * Imports every line the reader gives.
	 * @param input NDJSON text
	 * @param totalBytes the input's size if known, or -1, to estimate the time left in the log
	 */
	public ImportResult importFrom(BufferedReader input, long totalBytes) {
		Progress progress = new Progress(totalBytes);
		Map<String, ValidPost> batch = new LinkedHashMap<>();
		try {
			String text;
			long lineNumber = 0;
			while ((text = input.readLine()) != null) {
				lineNumber++;
				progress.read(text.length() + 1);
				if (text.isBlank()) {
					continue;
				}
				ValidPost post = parse(lineNumber, text, progress);
				if (post == null) {
					continue;
				}
				if (batch.containsKey(post.slug())) {
					// the same slug twice: the later line wins, as it would in two imports
					write(batch.values(), progress);
					batch.clear();
				}
				batch.put(post.slug(), post);
				if (batch.size() == BATCH_SIZE) {
					write(batch.values(), progress);
					batch.clear();
				}
			}
			write(batch.values(), progress);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ImportResult result = progress.result();
		log.info("Import finished: {} in {} ms", result, progress.elapsedMillis());
		return result;
	}

	private ValidPost parse(long lineNumber, String text, Progress progress) {
		try {
			return ImportValidator.validate(lineNumber, this.reader.readValue(text));
		}
		catch (JacksonException ex) {
			progress.failed(new LineError(lineNumber, "not a valid JSON post: " + firstLine(ex.getOriginalMessage())));
		}
		catch (InvalidLineException ex) {
			progress.failed(new LineError(lineNumber, ex.getMessage()));
		}
		return null;
	}

	private void write(Collection<ValidPost> posts, Progress progress) {
		if (posts.isEmpty()) {
			return;
		}
		try {
			progress.written(this.transaction.execute((status) -> writeBatch(posts)), posts.size());
		}
		catch (DataAccessException batchFailed) {
			// find the culprits: each line alone, in its own transaction
			for (ValidPost post : posts) {
				try {
					progress.written(this.transaction.execute((status) -> writeBatch(List.of(post))), 1);
				}
				catch (DataAccessException ex) {
					progress.failed(new LineError(post.lineNumber(),
							"the database refused it: " + firstLine(ex.getMostSpecificCause().getMessage())));
				}
			}
		}
	}

	/** Writes posts with distinct slugs; returns how many were created and how many changed. */
	private Written writeBatch(Collection<ValidPost> posts) {
		Map<String, Long> categories = ensureNamed("category", posts, ValidPost::categorySlug,
				ValidPost::categoryName);
		Map<String, Long> authors = ensureNamed("author", posts, ValidPost::authorSlug, ValidPost::authorName);
		Map<String, String> tagNames = new LinkedHashMap<>();
		posts.forEach((post) -> post.tagNames().forEach((name) -> tagNames.putIfAbsent(slugOfTag(name), name)));
		Map<String, Long> tags = ensure("tag", tagNames);

		List<Boolean> created = this.jdbc.query(UPSERT_POSTS, (ps) -> {
			Connection connection = ps.getConnection();
			setArray(ps, connection, 1, posts, ValidPost::slug);
			setArray(ps, connection, 2, posts, ValidPost::title);
			setArray(ps, connection, 3, posts, (post) -> categories.get(post.categorySlug()));
			setArray(ps, connection, 4, posts, (post) -> authors.get(post.authorSlug()));
			setArray(ps, connection, 5, posts, (post) -> post.publishedAt().toString());
			setArray(ps, connection, 6, posts, ValidPost::excerpt);
			setArray(ps, connection, 7, posts, ValidPost::summary);
			setArray(ps, connection, 8, posts, ValidPost::body);
			setArray(ps, connection, 9, posts, ValidPost::imageUrl);
			setArray(ps, connection, 10, posts, ValidPost::imageAlt);
			setArray(ps, connection, 11, posts, ValidPost::sourceUrl);
			setArray(ps, connection, 12, posts, (post) -> post.status().name());
		}, (rs, row) -> rs.getBoolean(1));

		Map<String, Long> postIds = ids("post", posts.stream().map(ValidPost::slug).toList());
		List<Long> postColumn = new ArrayList<>();
		List<Long> tagColumn = new ArrayList<>();
		for (ValidPost post : posts) {
			for (String tag : post.tagNames()) {
				postColumn.add(postIds.get(post.slug()));
				tagColumn.add(tags.get(slugOfTag(tag)));
			}
		}
		this.jdbc.update("delete from post_tag where post_id = any(?)",
				(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", postIds.values().toArray())));
		this.jdbc.update("insert into post_tag (post_id, tag_id) select * from unnest(?::bigint[], ?::bigint[])",
				(ps) -> {
					ps.setArray(1, ps.getConnection().createArrayOf("bigint", postColumn.toArray()));
					ps.setArray(2, ps.getConnection().createArrayOf("bigint", tagColumn.toArray()));
				});
		long createdCount = created.stream().filter(Boolean::booleanValue).count();
		return new Written(createdCount, created.size() - createdCount);
	}

	private Map<String, Long> ensureNamed(String table, Collection<ValidPost> posts, Function<ValidPost, String> slug,
			Function<ValidPost, String> name) {
		Map<String, String> names = new LinkedHashMap<>();
		posts.forEach((post) -> names.putIfAbsent(slug.apply(post), name.apply(post)));
		return ensure(table, names);
	}

	/** Ids by slug of the named rows of a table (category, author or tag), created if missing. */
	private Map<String, Long> ensure(String table, Map<String, String> namesBySlug) {
		if (namesBySlug.isEmpty()) {
			return Map.of();
		}
		this.jdbc.update("insert into " + table + " (slug, name) select * from unnest(?::varchar[], ?::varchar[]) "
				+ "on conflict do nothing", (ps) -> {
					ps.setArray(1, ps.getConnection().createArrayOf("varchar", namesBySlug.keySet().toArray()));
					ps.setArray(2, ps.getConnection().createArrayOf("varchar", namesBySlug.values().toArray()));
				});
		Map<String, Long> ids = ids(table, namesBySlug.keySet());
		if (ids.size() != namesBySlug.size()) {
			Set<String> missing = new HashSet<>(namesBySlug.keySet());
			missing.removeAll(ids.keySet());
			throw new IllegalStateException("Could not create " + table + " " + missing);
		}
		return ids;
	}

	private Map<String, Long> ids(String table, Collection<String> slugs) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.query("select slug, id from " + table + " where slug = any(?)",
				(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", slugs.toArray())),
				(rs) -> {
					ids.put(rs.getString(1), rs.getLong(2));
				});
		return ids;
	}

	private static <T> void setArray(PreparedStatement ps, Connection connection, int index, Collection<ValidPost> posts,
			Function<ValidPost, T> column) throws SQLException {
		Object[] values = posts.stream().map(column).map((value) -> (value == null) ? null : value.toString()).toArray();
		Array array = connection.createArrayOf("varchar", values);
		ps.setArray(index, array);
	}

	private static String slugOfTag(String name) {
		return Slugs.slugify(name);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unknown error";
		}
		String line = message.lines().findFirst().orElse(message);
		return (line.length() <= 200) ? line : line.substring(0, 200) + "…";
	}

	private record Written(long created, long updated) {
	}

	/** Counts, and logs progress with rate and time left every few seconds. */
	private static final class Progress {

		private static final long LOG_EVERY_NANOS = 5_000_000_000L;

		private final long totalBytes;

		private final long started = System.nanoTime();

		private long lastLogged = this.started;

		private long bytesRead;

		private long created;

		private long updated;

		private long unchanged;

		private long failed;

		private final List<LineError> errors = new ArrayList<>();

		Progress(long totalBytes) {
			this.totalBytes = totalBytes;
		}

		void read(long bytes) {
			this.bytesRead += bytes;
		}

		void written(Written written, int lines) {
			this.created += written.created();
			this.updated += written.updated();
			this.unchanged += lines - written.created() - written.updated();
			long now = System.nanoTime();
			if (now - this.lastLogged >= LOG_EVERY_NANOS) {
				this.lastLogged = now;
				logProgress(now);
			}
		}

		void failed(LineError error) {
			this.failed++;
			if (this.errors.size() < MAX_REPORTED_ERRORS) {
				this.errors.add(error);
			}
		}

		private void logProgress(long now) {
			long done = this.created + this.updated + this.unchanged + this.failed;
			double seconds = (now - this.started) / 1e9;
			long perSecond = Math.round(done / seconds);
			if (this.totalBytes > 0 && this.bytesRead > 0) {
				double fraction = Math.min(1.0, (double) this.bytesRead / this.totalBytes);
				long left = Math.round(seconds / fraction - seconds);
				log.info("Imported {} lines ({}%), {} lines/s, about {} s left", done, Math.round(fraction * 100),
						perSecond, left);
			}
			else {
				log.info("Imported {} lines, {} lines/s", done, perSecond);
			}
		}

		long elapsedMillis() {
			return (System.nanoTime() - this.started) / 1_000_000;
		}

		ImportResult result() {
			return new ImportResult(this.created, this.updated, this.unchanged, this.failed, List.copyOf(this.errors));
		}

	}

}
