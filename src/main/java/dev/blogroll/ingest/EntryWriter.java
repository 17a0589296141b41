package dev.blogroll.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.blogroll.post.PostNames;
import dev.blogroll.post.PostRules;
import dev.blogroll.text.Slugs;

/**
 * Turns feed entries into published posts, recognising an entry it has seen before.
 * <p>
 * <b>Which post an entry is.</b> An entry with an id of its own (RSS {@code guid}, Atom
 * {@code id}) is the post of that id in its source, and no other: entries with different ids
 * are different posts even if they share a link (a linked-list entry and a sponsor entry
 * pointing at one product page) or differ only by the link's fragment (a day's page of short
 * notes, {@code #a090000}, {@code #a120000}), and re-fetching the feed changes none of them.
 * An entry without an id is the post whose link (tracking parameters removed, fragment kept)
 * it has, else the post with the same title and text, in its source. Either way, an entry
 * whose link or text another source's post has already brought adds nothing (one article
 * syndicated by two blogs is one post, kept by the first).
 * <p>
 * A known entry with a new title or text updates its post; a post an editor (or an import)
 * has changed since is left alone. Aggregated posts keep no body of their own: their page
 * shows the excerpt and sends readers to the original, which is also their canonical, so an
 * entry without a usable link (none, or not http(s)) becomes no post at all: it would be a
 * page of ours pretending to be the original.
 * <p>
 * New posts past the source's daily allowance ({@code blogroll.ingest.max-posts-per-source-per-day})
 * are written as drafts, held for an editor to publish or trash, so one feed cannot flood the
 * site.
 */
@Component
class EntryWriter {

	/** Who aggregated posts are created and updated by; anything else means an editor touched it. */
	static final String FEED_USER = "feed";

	private final JdbcClient jdbc;

	EntryWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the entries of one fetch in one transaction, every new post published. */
	@Transactional
	Written write(FeedSource source, List<FeedParser.FeedEntry> entries, Instant now) {
		return write(source, entries, now, Integer.MAX_VALUE);
	}

	/**
	 * Writes the entries of one fetch in one transaction; returns how many were added (published
	 * or held) and changed.
	 * @param publishable how many new posts may be published; the others are held as drafts
	 */
	@Transactional
	Written write(FeedSource source, List<FeedParser.FeedEntry> entries, Instant now, int publishable) {
		int created = 0;
		int held = 0;
		int updated = 0;
		int withoutLink = 0;
		Set<String> seenGuids = new HashSet<>();
		for (FeedParser.FeedEntry entry : entries) {
			Prepared post = prepare(source, entry, now);
			if (post != null && post.link() == null) {
				withoutLink++;
				continue;
			}
			if (post == null || !seenGuids.add(post.guid())) {
				// unusable, or a GUID the feed repeats: the first entry wins
				continue;
			}
			Optional<Existing> existing = findExisting(source.id(), post);
			if (existing.isEmpty()) {
				boolean publish = created - held < publishable;
				insert(source, post, publish);
				created++;
				held += publish ? 0 : 1;
			}
			else if (update(source, existing.get(), post)) {
				updated++;
			}
		}
		return new Written(created, updated, held, withoutLink);
	}

	private @Nullable Prepared prepare(FeedSource source, FeedParser.FeedEntry entry, Instant now) {
		String link = EntryText.withoutTracking(entry.link());
		String base = (entry.base() != null) ? entry.base() : (link != null) ? link : source.feedUrl();
		String html = (entry.html() != null) ? EntryText.sanitize(entry.html(), base) : "";
		String text = EntryText.plainText(html);
		String title = (entry.title() != null) ? entry.title() : EntryText.excerpt(text);
		if (title.isBlank()) {
			return null;
		}
		if (title.length() > PostRules.MAX_TITLE) {
			title = title.substring(0, PostRules.MAX_TITLE - 1).strip() + "…";
		}
		boolean ownId = entry.guid() != null;
		String guid = ownId ? entry.guid() : (link != null) ? link : "hash:" + EntryText.contentHash(title, text);
		if (guid.length() > 2000) {
			guid = "hash:" + EntryText.contentHash(guid, "");
		}
		Instant published = (entry.published() != null) ? entry.published() : entry.updated();
		if (published == null || published.isAfter(now)) {
			// no readable date, or one in the future that would hide the post: first seen
			published = now;
		}
		String author = (entry.author() != null) ? entry.author() : source.name();
		List<String> tags = new ArrayList<>(entry.categories());
		tags.addAll(source.defaultTagNames());
		String imageAlt = (entry.imageUrl() == null) ? "" : (entry.imageAlt() != null) ? entry.imageAlt() : title;
		return new Prepared(guid, ownId, title, link, EntryText.linkKey(link), EntryText.contentHash(title, text),
				EntryText.excerptOf(html), published, author, tags, entry.imageUrl(),
				(imageAlt.length() > PostRules.MAX_IMAGE_ALT) ? imageAlt.substring(0, PostRules.MAX_IMAGE_ALT) : imageAlt);
	}

	/**
	 * The post the entry already is: the one with its GUID in the source; for an entry
	 * without an id of its own, the one with its link, else its title and text, in the source;
	 * then, for any entry, another source's post with its link or its title and text.
	 */
	private Optional<Existing> findExisting(long sourceId, Prepared post) {
		String columns = "select id, source_id, guid, title, summary, updated_by from post ";
		Optional<Existing> found = this.jdbc.sql(columns + "where source_id = :source and guid = :guid")
			.param("source", sourceId).param("guid", post.guid()).query(Existing.class).optional();
		if (found.isEmpty() && !post.ownId()) {
			found = byKey(columns + "where source_id = :source and link_key = :key", sourceId, post)
				.or(() -> byHash(columns + "where source_id = :source and content_hash = :hash", sourceId, post));
		}
		if (found.isEmpty()) {
			found = byKey(columns + "where link_key = :key and source_id is distinct from :source", sourceId, post)
				.or(() -> byHash(columns + "where content_hash = :hash and source_id is distinct from :source", sourceId,
						post));
		}
		return found;
	}

	private Optional<Existing> byKey(String query, long sourceId, Prepared post) {
		if (post.linkKey() == null) {
			return Optional.empty();
		}
		return this.jdbc.sql(query + " order by id limit 1").param("source", sourceId).param("key", post.linkKey())
			.query(Existing.class).optional();
	}

	private Optional<Existing> byHash(String query, long sourceId, Prepared post) {
		return this.jdbc.sql(query + " order by id limit 1").param("source", sourceId).param("hash", post.contentHash())
			.query(Existing.class).optional();
	}

	private boolean update(FeedSource source, Existing existing, Prepared post) {
		if (!FEED_USER.equals(existing.updatedBy())) {
			// an editor changed it: theirs wins
			return false;
		}
		if (existing.sourceId() == null || existing.sourceId() != source.id()) {
			// another source's post (the same article syndicated twice): the first source keeps it
			return false;
		}
		boolean changed = !existing.title().equals(post.title()) || !existing.summary().equals(post.excerpt());
		// a GUID or link that changed is remembered either way, so the entry is found directly next time
		int rows = this.jdbc.sql("""
				update post set title = :title, excerpt = :excerpt, summary = :excerpt, guid = :guid,
				    source_url = :link, link_key = :key, content_hash = :hash, image_url = :image, image_alt = :alt,
				    updated_at = case when :changed then now() else updated_at end,
				    version = version + case when :changed then 1 else 0 end
				where id = :id and (title, summary, guid, source_url, link_key, content_hash, image_url, image_alt)
				    is distinct from (:title, :excerpt, :guid, :link, :key, :hash, :image, :alt)""")
			.param("id", existing.id()).param("title", post.title()).param("excerpt", post.excerpt())
			.param("guid", post.guid()).param("link", post.link()).param("key", post.linkKey())
			.param("hash", post.contentHash()).param("image", post.imageUrl()).param("alt", post.imageAlt())
			.param("changed", changed).update();
		return changed && rows > 0;
	}

	private void insert(FeedSource source, Prepared post, boolean publish) {
		long authorId = ensure(PostNames.Table.AUTHOR, post.author(), source.name());
		Long id = null;
		for (int attempt = 1; id == null; attempt++) {
			String slug = PostRules.slugFor(post.title(), attempt);
			id = this.jdbc.sql("""
					insert into post (slug, title, category_id, author_id, published_at, excerpt, summary, body,
					                  source_url, status, created_by, updated_by, source_id, guid, link_key, content_hash,
					                  image_url, image_alt)
					values (:slug, :title, :category, :author, :published, :excerpt, :excerpt, null,
					        :link, :status, 'feed', 'feed', :source, :guid, :key, :hash, :image, :alt)
					on conflict (slug) do nothing returning id""")
				.param("status", publish ? "PUBLISHED" : "DRAFT")
				.param("slug", slug).param("title", post.title()).param("category", source.categoryId())
				.param("author", authorId).param("published", Timestamp.from(post.published()))
				.param("excerpt", post.excerpt()).param("link", post.link()).param("source", source.id())
				.param("guid", post.guid()).param("key", post.linkKey()).param("hash", post.contentHash())
				.param("image", post.imageUrl()).param("alt", post.imageAlt())
				.query(Long.class).optional().orElse(null);
		}
		// a feed may name any number of categories: the first ones a post may have are kept
		List<PostRules.TagName> tags = PostRules.tagNames(post.tags());
		for (PostRules.TagName tag : tags.subList(0, Math.min(tags.size(), PostRules.MAX_TAGS))) {
			long tagId = ensure(PostNames.Table.TAG, tag.name(), null);
			this.jdbc.sql("insert into post_tag (post_id, tag_id) values (:post, :tag) on conflict do nothing")
				.param("post", id).param("tag", tagId).update();
		}
	}

	/** The id of the author or tag of that name, created if missing ({@link PostNames}). */
	private long ensure(PostNames.Table table, String name, @Nullable String fallback) {
		String usable = (Slugs.slugify(name).isEmpty() && fallback != null) ? fallback : name;
		String slug = Slugs.slugify(usable).isEmpty() ? "unknown" : Slugs.slugify(usable);
		int maxLength = (table == PostNames.Table.TAG) ? PostRules.MAX_TAG_NAME : PostRules.MAX_AUTHOR_NAME;
		String limited = (usable.length() > maxLength) ? usable.substring(0, maxLength).strip() : usable;
		return PostNames.id(this.jdbc, table, slug, limited);
	}

	/**
	 * What a fetch wrote.
	 *
	 * @param created new posts, published or held
	 * @param updated posts whose title or text changed
	 * @param held new posts held as drafts, past the daily allowance
	 * @param withoutLink entries that became no post: they have no link to an original
	 */
	record Written(int created, int updated, int held, int withoutLink) {
	}

	/**
	 * An entry as a post would have it.
	 *
	 * @param guid what identifies it in its source: its own id, else its link, else a hash of its text
	 * @param ownId whether the feed gave it an id of its own
	 */
	private record Prepared(String guid, boolean ownId, String title, @Nullable String link, @Nullable String linkKey,
			String contentHash, String excerpt, Instant published, String author, List<String> tags,
			@Nullable String imageUrl, String imageAlt) {
	}

	record Existing(long id, @Nullable Long sourceId, @Nullable String guid, String title, String summary,
			@Nullable String updatedBy) {
	}

}
