package dev.blogroll.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.admin.KeptForms;

/**
 * Every write that changes a post keeps a revision (who, when, what kind of write, and the post
 * as its form shows it), in the write's own transaction: a save of the form, the trash and
 * restoring from it ({@link PostEditor}), the post table's bulk actions and their undo
 * ({@link PostBulk}). Revisions are compared field by field, the
 * body line by line (java-diff-utils), and one is restored by loading it into the form and saving
 * it: a new save, with a revision of its own; nothing is ever overwritten.
 */
@Component
class Revisions {

	/** The fields compared, in the order the form shows them, with their labels. */
	static final Map<String, String> FIELDS = new LinkedHashMap<>();

	static {
		FIELDS.put("title", "Title");
		FIELDS.put("slug", "Slug");
		FIELDS.put("categoryId", "Category");
		FIELDS.put("tags", "Tags");
		FIELDS.put("authorId", "Author");
		FIELDS.put("publishedAt", "Publish date");
		FIELDS.put("status", "Status");
		FIELDS.put("excerpt", "Excerpt");
		FIELDS.put("body", "Body");
		FIELDS.put("imageUrl", "Image address");
		FIELDS.put("imageAlt", "Image alt text");
		FIELDS.put("sourceUrl", "Source address");
	}

	private final JdbcClient jdbc;

	private final ZoneId zone;

	Revisions(JdbcClient jdbc, BlogrollProperties properties) {
		this.jdbc = jdbc;
		this.zone = properties.timeZone();
	}

	/**
	 * What kind of write made a revision (the column {@code post_revision.kind}); the list words
	 * it from the bundles ({@code admin.revision.kind.*}).
	 */
	enum Kind {

		SAVE, PUBLISH, UNPUBLISH, MOVE, TAG, TRASH, RESTORE, UNDO, IMPORT;

		String column() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** The bulk actions an undo's note may name ({@code admin.revision.kind.undo.<action>}). */
	static final java.util.Set<String> UNDONE_ACTIONS = java.util.Set.of("publish", "unpublish", "move", "tag", "trash");

	/** Keeps the post as a save of its form made it; call inside the transaction that saved it. */
	void keep(Post post, String username, Instant now) {
		keep(post, username, now, Kind.SAVE, "");
	}

	/**
	 * Keeps the post as it now is, made by a write of {@code kind} ({@code note} names what it did
	 * it with, as {@link Revision#note()} says, or is empty); call inside the transaction that wrote it.
	 */
	void keep(Post post, String username, Instant now, Kind kind, String note) {
		PostForm form = PostForm.of(post, this.zone);
		Map<String, String[]> fields = new LinkedHashMap<>();
		fields.put("title", new String[] { form.title() });
		fields.put("slug", new String[] { form.slug() });
		fields.put("categoryId", new String[] { form.categoryId() });
		fields.put("tags", new String[] { form.tags() });
		fields.put("authorId", new String[] { form.authorId() });
		fields.put("publishedAt", new String[] { form.publishedAt() });
		fields.put("status", new String[] { post.isTrashed() ? "TRASHED" : form.status() });
		fields.put("excerpt", new String[] { form.excerpt() });
		fields.put("body", new String[] { form.body() });
		fields.put("imageUrl", new String[] { form.imageUrl() });
		fields.put("imageAlt", new String[] { form.imageAlt() });
		fields.put("sourceUrl", new String[] { form.sourceUrl() });
		this.jdbc.sql("""
				insert into post_revision (post_id, version, saved_by, saved_at, fields, kind, note)
				values (:post, :version, :by, :at, :fields, :kind, :note)""")
			.param("kind", kind.column())
			.param("note", note)
			.param("post", post.getId())
			.param("version", post.getVersion())
			.param("by", username)
			.param("at", Timestamp.from(now))
			.param("fields", KeptForms.encode(fields, Integer.MAX_VALUE).orElseThrow().fields())
			.update();
	}

	/** The post's revisions, newest first, each with what it changed from the one before. */
	List<Revision> list(long postId) {
		List<Revision> revisions = this.jdbc
			.sql("""
					select id, version, saved_by, saved_at, fields, kind, note from post_revision
					where post_id = :post order by id desc""")
			.param("post", postId)
			.query((rs, row) -> new Revision(rs.getLong("id"), rs.getLong("version"), rs.getString("saved_by"),
					rs.getTimestamp("saved_at").toInstant(), values(rs.getString("fields")), List.of(),
					Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)), rs.getString("note")))
			.list();
		List<Revision> described = new ArrayList<>();
		for (int i = 0; i < revisions.size(); i++) {
			Revision revision = revisions.get(i);
			List<String> changed = (i + 1 < revisions.size()) ? changed(revisions.get(i + 1), revision)
					: List.of("Created");
			described.add(new Revision(revision.id(), revision.version(), revision.savedBy(), revision.savedAt(),
					revision.values(), changed, revision.kind(), revision.note()));
		}
		return described;
	}

	/** The fields of the revision a save produced {@code version} with: what an editor started from. */
	Optional<Map<String, String>> atVersion(long postId, long version) {
		return this.jdbc.sql("select fields from post_revision where post_id = :post and version = :version order by id desc limit 1")
			.param("post", postId)
			.param("version", version)
			.query(String.class)
			.optional()
			.map(Revisions::values);
	}

	/** The names of the categories and authors two forms name by id, as "categoryId:7" → "Engineering". */
	Map<String, String> names(PostForm one, PostForm other) {
		List<Long> categories = new ArrayList<>();
		List<Long> authors = new ArrayList<>();
		for (PostForm form : List.of(one, other)) {
			ids(form.categoryId(), categories);
			ids(form.authorId(), authors);
		}
		Map<String, String> names = new LinkedHashMap<>();
		if (!categories.isEmpty()) {
			this.jdbc.sql("select id, name from category where id in (:ids)").param("ids", categories)
				.query((rs, row) -> names.put("categoryId:" + rs.getLong("id"), rs.getString("name"))).list();
		}
		if (!authors.isEmpty()) {
			this.jdbc.sql("select id, name from author where id in (:ids)").param("ids", authors)
				.query((rs, row) -> names.put("authorId:" + rs.getLong("id"), rs.getString("name"))).list();
		}
		return names;
	}

	private static void ids(@Nullable String id, List<Long> into) {
		if (id != null && id.matches("[0-9]{1,18}")) {
			into.add(Long.parseLong(id));
		}
	}

	Optional<Revision> find(long postId, long revisionId) {
		return list(postId).stream().filter((revision) -> revision.id() == revisionId).findFirst();
	}

	/** The labels of the fields that differ between two revisions. */
	static List<String> changed(Revision older, Revision newer) {
		return FIELDS.entrySet()
			.stream()
			.filter((field) -> !Objects.equals(older.value(field.getKey()), newer.value(field.getKey())))
			.map(Map.Entry::getValue)
			.toList();
	}

	/** The body of {@code newer} against {@code older}, line by line: each line with its mark. */
	static List<Line> bodyDiff(Revision older, Revision newer) {
		List<String> before = older.value("body").lines().toList();
		List<String> after = newer.value("body").lines().toList();
		Patch<String> patch = DiffUtils.diff(before, after);
		List<Line> lines = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			for (; position < delta.getSource().getPosition(); position++) {
				lines.add(new Line(' ', before.get(position)));
			}
			delta.getSource().getLines().forEach((line) -> lines.add(new Line('-', line)));
			delta.getTarget().getLines().forEach((line) -> lines.add(new Line('+', line)));
			position += delta.getSource().size();
		}
		for (; position < before.size(); position++) {
			lines.add(new Line(' ', before.get(position)));
		}
		return lines;
	}

	private static Map<String, String> values(String fields) {
		Map<String, String> values = new LinkedHashMap<>();
		KeptForms.decode(fields).forEach((field) -> values.put(field.name(), field.value()));
		return values;
	}

	/**
	 * One kept save.
	 *
	 * @param id its id
	 * @param version the post's version it produced
	 * @param savedBy who saved
	 * @param savedAt when
	 * @param values the form's fields then
	 * @param changed the labels of the fields it changed from the revision before
	 * @param kind what kind of write made it
	 * @param note what the write did it with, or empty: the category's name (a move), the tag's
	 * name (tagging), the bulk action undone (an undo)
	 */
	record Revision(long id, long version, String savedBy, Instant savedAt, Map<String, String> values,
			List<String> changed, Kind kind, String note) {

		/**
		 * The bundle's key for what made it, to be filled with {@link #note()}: "Saved", or
		 * "Moved in bulk: to Operations" ({@code admin.revision.kind.move.note}), or "Undone: of
		 * “move” in bulk" ({@code admin.revision.kind.undo.move}).
		 */
		public String messageKey() {
			String key = "admin.revision.kind." + this.kind.column();
			if (this.note.isEmpty()) {
				return key;
			}
			if (this.kind == Kind.UNDO) {
				return UNDONE_ACTIONS.contains(this.note) ? key + "." + this.note : key;
			}
			return (this.kind == Kind.MOVE || this.kind == Kind.TAG) ? key + ".note" : key;
		}

		String value(String field) {
			return Objects.requireNonNullElse(this.values.get(field), "");
		}

		/** The revision as a form to load, for restoring it. */
		KeptForms.Kept asForm(long postId) {
			List<KeptForms.Field> fields = new ArrayList<>();
			this.values.forEach((name, value) -> fields
				.add(new KeptForms.Field(name, "status".equals(name) && "TRASHED".equals(value) ? "DRAFT" : value)));
			return new KeptForms.Kept("/admin/posts/" + postId + "/edit", fields, this.savedAt);
		}

	}

	/**
	 * A line of a body diff.
	 *
	 * @param mark {@code ' '} unchanged, {@code '-'} only in the older, {@code '+'} only in the newer
	 * @param text the line
	 */
	record Line(char mark, @Nullable String text) {

		public String css() {
			return switch (this.mark) {
				case '-' -> "diff-removed";
				case '+' -> "diff-added";
				default -> "diff-same";
			};
		}

	}

}
