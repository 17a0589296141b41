package dev.blogroll.post;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How every writer of posts (the editor, the importer, feed ingest) finds a post's category,
 * author and tags by name, creating the missing ones, so that all three agree on which row a
 * name is:
 * <ul>
 * <li>the row with the name's slug;
 * <li>else the row that already has the name under another slug (an editor changed its slug),
 * compared without case;
 * <li>else a new row, inserted with {@code on conflict do nothing} and read back: two writers
 * creating the same name at the same moment both get the one row, the second waiting for the
 * first to commit or roll back. Rows are inserted in slug order, so two writers creating the
 * same names wait for each other instead of each holding one the other needs.
 * </ul>
 * Only a writer that names a new row writes to the table (and fires its triggers).
 */
public final class PostNames {

	/** The tables of named rows a post refers to. */
	public enum Table {

		CATEGORY, AUTHOR, TAG;

		private String sql() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private PostNames() {
	}

	/** The id of the row for one name, created if missing. */
	public static long id(JdbcClient jdbc, Table table, String slug, String name) {
		Long id = ids(jdbc, table, Map.of(slug, name)).get(slug);
		if (id == null) {
			// deleted by an editor between its insert and its read: the writer's transaction fails
			throw new IllegalStateException("No " + table.sql() + " " + slug + " after creating it");
		}
		return id;
	}

	/**
	 * The ids of the named rows, keyed by the slugs asked for, the missing rows created.
	 * @param namesBySlug each slug with the name to give a row created for it
	 */
	public static Map<String, Long> ids(JdbcClient jdbc, Table table, Map<String, String> namesBySlug) {
		if (namesBySlug.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> ids = new HashMap<>(bySlug(jdbc, table, namesBySlug));
		if (ids.size() < namesBySlug.size()) {
			Map<String, String> missing = new TreeMap<>(namesBySlug);
			missing.keySet().removeAll(ids.keySet());
			jdbc.sql("insert into " + table.sql() + " (slug, name)"
					+ " select * from unnest(cast(:slugs as varchar[]), cast(:names as varchar[])) order by 1"
					+ " on conflict do nothing")
				.param("slugs", missing.keySet().toArray(String[]::new))
				.param("names", missing.values().toArray(String[]::new))
				.update();
			ids.putAll(bySlug(jdbc, table, namesBySlug));
		}
		addByName(jdbc, table, namesBySlug, ids);
		return ids;
	}

	/**
	 * The ids of the named rows that exist, found as {@link #ids} finds them, keyed by the slugs
	 * asked for; nothing is created. For a writer that must not create a name (an import that
	 * was not asked to create categories).
	 */
	public static Map<String, Long> existing(JdbcClient jdbc, Table table, Map<String, String> namesBySlug) {
		if (namesBySlug.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> ids = new HashMap<>(bySlug(jdbc, table, namesBySlug));
		addByName(jdbc, table, namesBySlug, ids);
		return ids;
	}

	/** What is still missing may have its name on another row under another slug. */
	private static void addByName(JdbcClient jdbc, Table table, Map<String, String> namesBySlug, Map<String, Long> ids) {
		if (ids.size() < namesBySlug.size()) {
			for (Map.Entry<String, String> named : namesBySlug.entrySet()) {
				if (!ids.containsKey(named.getKey())) {
					jdbc.sql("select id from " + table.sql() + " where lower(name) = lower(:name) order by id limit 1")
						.param("name", named.getValue())
						.query(Long.class)
						.optional()
						.ifPresent((id) -> ids.put(named.getKey(), id));
				}
			}
		}
	}

	private static Map<String, Long> bySlug(JdbcClient jdbc, Table table, Map<String, String> namesBySlug) {
		Map<String, Long> ids = new HashMap<>();
		// one index probe per slug, where "slug = any(…)" would compare every row with every slug
		jdbc.sql("select t.slug, t.id from unnest(cast(:slugs as varchar[])) as wanted (slug)"
				+ " join " + table.sql() + " t on t.slug = wanted.slug")
			.param("slugs", namesBySlug.keySet().toArray(String[]::new))
			.query((rs, row) -> ids.put(rs.getString(1), rs.getLong(2)))
			.list();
		return ids;
	}

}
