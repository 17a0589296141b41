package dev.blogroll.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.blogroll.importer.ImportResult.LineError;
import dev.blogroll.post.PostNames;

/**
 * Writes one chunk of valid posts (distinct slugs, in file order) inside the caller's
 * transaction, with the same few statements whatever the chunk's size:
 * <ol>
 * <li>the ids of the chunk's categories, authors and tags are found as every writer finds
 * them ({@link PostNames}), the missing ones created; after the first chunk of a big file none
 * are missing, and then the chunk does not write to those tables at all;
 * <li>the posts and their tags are copied ({@code COPY}) into two temporary tables: no
 * statement per row, and no WAL;
 * <li>posts that are new or differ from their line are inserted or updated with one
 * {@code insert … select … on conflict (slug) do update}, and the tags of those posts
 * added in the same statement. Posts identical to their line are filtered out first, so
 * that importing a file again neither writes nor locks them. The rows go in newest first:
 * within a chunk the entries of the listing indexes (by date) are added in order, and the
 * posts of a day end up near each other in the table;
 * <li>only if some posts existed before: tags they have and their line no longer lists are
 * removed, and the missing ones added.
 * </ol>
 * The statement-level triggers on {@code post} and {@code post_tag} (listing counts, the
 * content version) fire a handful of times per chunk and only insert rows of their own
 * ({@code V36}), so two chunks on two connections run side by side from start to commit.
 */
final class ChunkWriter {

	private static final Logger log = LoggerFactory.getLogger(ChunkWriter.class);

	private static final String CREATE_STAGING = """
			create temporary table if not exists import_post (
			    slug text not null, title text, category_id bigint, author_id bigint,
			    published_at timestamptz, excerpt text, summary text, body text, image_url text, image_alt text,
			    source_url text, status text
			) on commit delete rows;
			create temporary table if not exists import_post_tag (
			    slug text not null, tag_id bigint not null
			) on commit delete rows;
			create index if not exists import_post_tag_slug on import_post_tag (slug)""";

	private static final String COPY_POSTS = """
			copy import_post (slug, title, category_id, author_id, published_at, excerpt, summary, body, image_url,
			                  image_alt, source_url, status)
			from stdin""";

	private static final String COPY_TAGS = "copy import_post_tag (slug, tag_id) from stdin";

	// The tags of the posts written go in with them, in the same statement: the triggers of
	// both tables fire at its end, after the foreign-key checks and index entries of the tags.
	// Each tag row is given its post's date and status, as this statement wrote and locked them,
	// so that PostgreSQL does not look the post up again for each of its tags (V97).
	private static final String UPSERT_POSTS_AND_TAGS = """
			with upserted as (
			insert into post (slug, title, category_id, author_id, published_at, excerpt, summary, body,
			                  image_url, image_alt, source_url, status, created_by, updated_by)
			select s.slug, s.title, s.category_id, s.author_id, s.published_at, s.excerpt, s.summary, s.body,
			       s.image_url, s.image_alt, s.source_url, s.status, 'import', 'import'
			from import_post s
			where not exists (
			    select from post p
			    where p.slug = s.slug
			      and (p.title, p.category_id, p.author_id, p.published_at, p.excerpt, p.summary, p.body,
			           p.image_url, p.image_alt, p.source_url, p.status)
			          is not distinct from
			          (s.title, s.category_id, s.author_id, s.published_at, s.excerpt, s.summary, s.body,
			           s.image_url, s.image_alt, s.source_url, s.status))
			order by s.published_at desc
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
			returning id, slug, published_at, status, (xmax = 0) as created
			), tagged as (
			insert into post_tag (post_id, tag_id, published_at, published)
			select u.id, st.tag_id, u.published_at, u.status = 'PUBLISHED'
			from upserted u join import_post_tag st on st.slug = u.slug
			order by 1, 2
			on conflict do nothing
			)
			select id, created from upserted""";

	private static final String REMOVE_UNLISTED_TAGS = """
			delete from post_tag pt
			using import_post s join post p on p.slug = s.slug
			where pt.post_id = p.id
			  and not exists (select from import_post_tag st where st.slug = s.slug and st.tag_id = pt.tag_id)
			returning pt.post_id""";

	private static final String ADD_LISTED_TAGS = """
			insert into post_tag (post_id, tag_id)
			select p.id, st.tag_id
			from import_post_tag st join post p on p.slug = st.slug
			where not exists (select from post_tag pt where pt.post_id = p.id and pt.tag_id = st.tag_id)
			order by p.id, st.tag_id
			returning post_id""";

	private ChunkWriter() {
	}

	/**
	 * Writes the posts, which must have distinct slugs, in the connection's current transaction.
	 * Lines whose category, author or tag an editor deleted while the chunk found it are left
	 * out and returned as errors; any other refusal is thrown, and the caller rolls the
	 * transaction back.
	 */
	static Written write(Connection connection, List<ValidPost> posts) throws SQLException {
		return write(connection, posts, true);
	}

	/**
	 * Writes the posts as {@link #write(Connection, List)} does; a post whose category does not
	 * exist is refused (a line error) unless {@code createCategories}.
	 */
	static Written write(Connection connection, List<ValidPost> posts, boolean createCategories) throws SQLException {
		Steps steps = new Steps();
		try (Statement statement = connection.createStatement()) {
			// A chunk is small next to the tables it is compared with, and the staging tables
			// have no statistics: left to itself the planner hashes all of post and post_tag
			// for every chunk, which costs more the bigger they get, and compiles the plans
			// with JIT (tens of milliseconds a statement). Index probes cost the same at any size.
			statement.execute("set local enable_hashjoin = off");
			statement.execute("set local enable_mergejoin = off");
			statement.execute("set local jit = off");
			// room to sort a chunk (order by published_at) in memory: about 16 MB
			statement.execute("set local work_mem = '64MB'");
			// synchronous_commit stays on: the commit of a chunk waits 5-8 ms for the WAL, most
			// of which was written while the chunk ran; under a second a million lines.
			statement.execute(CREATE_STAGING);
		}
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
		List<String> createdCategories = new ArrayList<>();
		List<String> createdAuthors = new ArrayList<>();
		List<String> createdTags = new ArrayList<>();
		Map<String, Long> categories = ids(jdbc, PostNames.Table.CATEGORY,
				names(posts, (post) -> List.of(post.category())), createCategories, createdCategories);
		Map<String, Long> authors = ids(jdbc, PostNames.Table.AUTHOR, names(posts, (post) -> List.of(post.author())),
				true, createdAuthors);
		Map<String, Long> tags = ids(jdbc, PostNames.Table.TAG, names(posts, ValidPost::tags), true, createdTags);
		List<LineError> refused = new ArrayList<>();
		List<ValidPost> writable = new ArrayList<>(posts.size());
		for (ValidPost post : posts) {
			ImportText missing = missingName(post, categories, authors, tags);
			if (missing == null) {
				writable.add(post);
			}
			else if (!createCategories && missing.code().endsWith(".category")) {
				refused.add(new LineError(post.lineNumber(),
						new ImportText("admin.import.line.noCategory", post.category().name())));
			}
			else {
				refused.add(new LineError(post.lineNumber(), new ImportText("admin.import.line.deleted", missing)));
			}
		}
		steps.done("names");
		stage(connection, writable, categories, authors, tags);
		steps.done("staged");
		Set<Long> created = new HashSet<>();
		Set<Long> updated = new HashSet<>();
		try (PreparedStatement upsert = connection.prepareStatement(UPSERT_POSTS_AND_TAGS);
				ResultSet rs = upsert.executeQuery()) {
			while (rs.next()) {
				(rs.getBoolean("created") ? created : updated).add(rs.getLong("id"));
			}
		}
		steps.done("posts and tags");
		if (created.size() < writable.size()) {
			// some posts existed: their tags may have changed, whether the rest of them did or not
			Set<Long> tagsChanged = new HashSet<>(postIds(connection, REMOVE_UNLISTED_TAGS));
			tagsChanged.addAll(postIds(connection, ADD_LISTED_TAGS));
			// a post whose only change is its tags was updated too
			tagsChanged.removeAll(created);
			updated.addAll(tagsChanged);
			steps.done("tags of existing posts");
		}
		if (log.isDebugEnabled()) {
			log.debug("Chunk of {} posts: {}", posts.size(), steps);
		}
		long unchanged = writable.size() - created.size() - updated.size();
		return new Written(created.size(), updated.size(), unchanged, refused,
				new ImportResult.Created(createdCategories, createdAuthors, createdTags));
	}

	/**
	 * The ids of the names that exist, and, if {@code create}, of the missing ones created now,
	 * whose names go into {@code created}.
	 */
	private static Map<String, Long> ids(JdbcClient jdbc, PostNames.Table table, Map<String, String> namesBySlug,
			boolean create, List<String> created) {
		Map<String, Long> existing = PostNames.existing(jdbc, table, namesBySlug);
		if (!create || existing.size() == namesBySlug.size()) {
			return existing;
		}
		Map<String, Long> ids = PostNames.ids(jdbc, table, namesBySlug);
		namesBySlug.forEach((slug, name) -> {
			if (!existing.containsKey(slug) && ids.containsKey(slug)) {
				created.add(name);
			}
		});
		return ids;
	}

	/** The first of the post's names that has no row, as "category “Name”", or {@code null}. */
	private static @Nullable ImportText missingName(ValidPost post, Map<String, Long> categories,
			Map<String, Long> authors, Map<String, Long> tags) {
		if (!categories.containsKey(post.category().slug())) {
			return new ImportText("admin.import.name.category", post.category().name());
		}
		if (!authors.containsKey(post.author().slug())) {
			return new ImportText("admin.import.name.author", post.author().name());
		}
		for (ValidPost.Name tag : post.tags()) {
			if (!tags.containsKey(tag.slug())) {
				return new ImportText("admin.import.name.tag", tag.name());
			}
		}
		return null;
	}

	/** The slugs and names the posts use, each slug with the name of the first line that uses it. */
	private static Map<String, String> names(List<ValidPost> posts, Function<ValidPost, List<ValidPost.Name>> named) {
		Map<String, String> namesBySlug = new LinkedHashMap<>();
		for (ValidPost post : posts) {
			for (ValidPost.Name name : named.apply(post)) {
				namesBySlug.putIfAbsent(name.slug(), name.name());
			}
		}
		return namesBySlug;
	}

	private static void stage(Connection connection, List<ValidPost> posts, Map<String, Long> categories,
			Map<String, Long> authors, Map<String, Long> tags) throws SQLException {
		try (CopyRows rows = new CopyRows(connection, COPY_POSTS)) {
			for (ValidPost post : posts) {
				rows.value(post.slug())
					.value(post.title())
					.value(categories.get(post.category().slug()))
					.value(authors.get(post.author().slug()))
					.value(post.publishedAt())
					.value(post.excerpt())
					.value(post.summary())
					.value(post.body())
					.value(post.imageUrl())
					.value(post.imageAlt())
					.value(post.sourceUrl())
					.value(post.status().name())
					.endRow();
			}
			rows.finish();
		}
		try (CopyRows rows = new CopyRows(connection, COPY_TAGS)) {
			for (ValidPost post : posts) {
				for (ValidPost.Name tag : post.tags()) {
					rows.value(post.slug()).value(tags.get(tag.slug())).endRow();
				}
			}
			rows.finish();
		}
	}

	private static List<Long> postIds(Connection connection, String sql) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		return ids;
	}

	/** How long each step of a chunk took, for the debug log. */
	private static final class Steps {

		private final StringBuilder text = new StringBuilder();

		private long last = System.nanoTime();

		void done(String step) {
			long now = System.nanoTime();
			this.text.append(this.text.isEmpty() ? "" : ", ").append(step).append(' ').append((now - this.last) / 1_000_000).append(" ms");
			this.last = now;
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

	/**
	 * What a chunk did.
	 * @param refused lines left out because one of their names could not be created
	 */
	record Written(long created, long updated, long unchanged, List<LineError> refused, ImportResult.Created names) {

		Written(long created, long updated, long unchanged, List<LineError> refused) {
			this(created, updated, unchanged, refused, ImportResult.Created.NONE);
		}

	}

}
