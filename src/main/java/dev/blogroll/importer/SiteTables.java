package dev.blogroll.importer;

import java.util.List;

/**
 * The tables a site export carries, in the order they are written and read back (each after
 * those it refers to), and what is left out.
 * <p>
 * Carried: everything editors and the aggregator made. Categories (with descriptions),
 * authors, tags (with their place in the tag strip), feed sources (with their settings and
 * where their fetching stands, so conditional requests go on), posts with every column (who
 * created and last changed them and when, their version, the trash, their feed identity),
 * their revisions (who saved what, when), their tags, the media library's images with every
 * variant (the bytes as hex: posts refer to them, so a site cannot be restored without them), the old slugs that redirect to them, and accounts (without password hashes
 * unless asked for). Rows keep their ids: post sitemaps are by id range and feed entries'
 * permanent ids hold the post's id, so a restored site answers the same URLs with the same
 * entries.
 * <p>
 * Left out, because they are rebuilt or belong to a running instance: the listing counts and
 * their change times (the triggers rebuild them as the posts go in), the copies of a post's
 * date and status in its tag rows (the triggers take them from the post), the content version,
 * sessions, failed sign-ins, the feed fetch log and its health by day, WebSub subscriptions,
 * Flyway's history, and an editor's unsaved input (forms kept while signed out, autosaves): it
 * belongs to a browser.
 */
final class SiteTables {

	/** The first line of a site export, and the format's version. */
	static final String FORMAT = "blogroll-site";

	static final int VERSION = 1;

	/** Tables whose rows keep their ids, in an order that satisfies their foreign keys. */
	static final List<String> WITH_IDS = List.of("category", "author", "tag", "feed_source", "media", "post",
			"post_revision");

	/** Tables keyed by what they join, after those. */
	static final List<String> JOINS = List.of("post_tag", "post_old_slug", "media_variant");

	/** Accounts are matched by username: the database being restored into has its first admin already. */
	static final String ACCOUNT = "account";

	/** How each table's rows are read, in a stable order. */
	static String orderOf(String table) {
		return switch (table) {
			case "post_tag" -> "post_id, tag_id";
			case "post_old_slug" -> "slug";
			case "media_variant" -> "media_id, width";
			case ACCOUNT -> "username";
			default -> "id";
		};
	}

	private SiteTables() {
	}

}
