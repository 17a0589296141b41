package dev.blogroll.listing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.ContentVersion;
import dev.blogroll.web.ContentVersion.Snapshot;

/**
 * Reads listing pages: the posts readers can see now (published, dated in the past), newest
 * first, ties broken by id so that every post has exactly one place. A page costs two
 * statements, a count and the page itself, whatever its size and however deep it is.
 * <p>
 * The listing of every post and the listings of categories are counted by month and by day in
 * {@code listing_count} (kept by triggers, see {@code V30}). Counting them is summing their
 * months; page N starts in the day where the running total of posts, newest first, passes
 * {@code (N - 1) × pageSize}, so the page's first post is found in the listing's index from
 * the end of that day, skipping only index entries of that day, never the posts of the pages
 * before; the page is then read from that key. The counts include
 * posts scheduled for later, which come first in the order: the posts dated after now are
 * counted (an index range read from the top) and skipped as well.
 * <p>
 * Author and tag listings, small next to those, use {@code count(*)} and OFFSET on their own
 * index.
 * <p>
 * A listing's count and last change are kept in memory until {@link ContentVersion} says
 * something readers see has changed (a write, or a scheduled post coming due): a crawler
 * walking a listing's pages pays for them once, not on every page.
 */
@Component
public class ListingQueries {

	/**
	 * Which posts readers see. The one place to extend when posts can be deleted (moved to a
	 * trash): sitemaps and feeds read posts through the listings, so they follow.
	 */
	public static final String VISIBLE = "p.status = 'PUBLISHED' and p.published_at <= :now";

	/** The listing's published posts dated after now: the scheduled ones, first in the order. */
	private static final String SCHEDULED = """
			(select count(*) from post p where p.status = 'PUBLISHED' and p.published_at > :now%s)""";

	private static final String CARD_COLUMNS = """
			p.slug, p.title, p.published_at, p.updated_at, p.summary, p.image_url, p.image_alt,
			c.slug as category_slug, c.name as category_name,
			a.slug as author_slug, a.name as author_name""";

	private static final String COUNTED_PAGE = """
			with target as (
			    -- the page's first post, counted from the top of the listing, scheduled posts included
			    select :offset + %1$s as position
			), months as (
			    select starts_at, ends_at, posts, sum(posts) over (order by starts_at desc) - posts as before
			    from listing_count where kind = :kind and listing_id = :id and unit = 'month'
			), month as (
			    select m.starts_at, m.ends_at, m.before from months m, target t
			    where t.position >= m.before and t.position < m.before + m.posts
			), days as (
			    select d.ends_at, d.posts, month.before + sum(d.posts) over (order by d.starts_at desc) - d.posts as before
			    from listing_count d, month
			    where d.kind = :kind and d.listing_id = :id and d.unit = 'day'
			      and d.starts_at >= month.starts_at and d.starts_at < month.ends_at
			), day as (
			    select d.ends_at, t.position - d.before as skip from days d, target t
			    where t.position >= d.before and t.position < d.before + d.posts
			), first_key as (
			    -- the page's first post, found in the index alone (no table rows read for the skipped posts)
			    select p.published_at, p.id from post p
			    where p.status = 'PUBLISHED'%2$s and p.published_at < (select ends_at from day)
			    order by p.published_at desc, p.id desc
			    offset (select skip from day) limit 1
			), page as (
			    select p.* from post p
			    where p.status = 'PUBLISHED'%2$s
			      and (p.published_at, p.id) <= ((select published_at from first_key), (select id from first_key))
			    order by p.published_at desc, p.id desc
			    limit :limit
			)
			select %3$s
			from page p
			join category c on c.id = p.category_id
			join author a on a.id = p.author_id
			order by p.published_at desc, p.id desc""";

	/** More listings than a site has; past this the kept counts start again from empty. */
	private static final int MAX_KEPT_STATS = 10_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BlogrollProperties properties;

	private final ContentVersion contentVersion;

	private volatile KeptStats kept = new KeptStats(null, new ConcurrentHashMap<>());

	ListingQueries(JdbcClient jdbc, Clock clock, BlogrollProperties properties, ContentVersion contentVersion) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.contentVersion = contentVersion;
	}

	/**
	 * How many posts the listing has now, and when its membership last changed, in one
	 * statement. A post joins a listing when it is created or when its date comes; it leaves
	 * when it is unpublished or trashed. Edits of a visible post do not count here: they
	 * change only the page that shows it. Counted listings read both from small tables kept
	 * by triggers ({@code listing_count}, {@code listing_change}) and the newest visible post
	 * from their index; author and tag listings, small, look at their posts.
	 */
	public ListingStats stats(ListingFilter filter) {
		Snapshot now = this.contentVersion.current();
		KeptStats current = this.kept;
		if (!now.equals(current.at())) {
			current = new KeptStats(now, new ConcurrentHashMap<>());
			this.kept = current;
		}
		if (current.stats().size() > MAX_KEPT_STATS) {
			current.stats().clear();
		}
		ListingStats stats = current.stats().get(filter);
		if (stats == null) {
			// not computeIfAbsent: that would hold other listings' requests during the statement
			stats = count(filter);
			current.stats().put(filter, stats);
		}
		return stats;
	}

	private ListingStats count(ListingFilter filter) {
		String sql = (filter.countedAs() != null) ? """
				select coalesce((select sum(posts) from listing_count
				                 where kind = :kind and listing_id = :id and unit = 'month'), 0) - %1$s as total,
				       greatest((select changed_at from listing_change where kind = :kind and listing_id = :id),
				                (select max(p.published_at) from post p where %2$s%3$s)) as changed"""
			.formatted(SCHEDULED.formatted(filter.sql()), VISIBLE, filter.sql()) : """
				select count(*) filter (where %1$s) as total,
				       greatest(max(greatest(p.created_at, p.published_at)) filter (where %1$s),
				                max(p.updated_at) filter (where not (%1$s))) as changed
				from post p where true%2$s""".formatted(VISIBLE, filter.sql());
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql).param("now", now()).param("id", filter.id());
		if (filter.countedAs() != null) {
			statement = statement.param("kind", filter.countedAs());
		}
		return statement.query((rs, row) -> {
			Timestamp changed = rs.getTimestamp("changed");
			return new ListingStats(rs.getLong("total"), (changed != null) ? changed.toInstant() : null);
		}).single();
	}

	/** The cards of one page, numbered from 1, of {@code pageSize} posts. */
	public List<PostCard> page(ListingFilter filter, int page, int pageSize) {
		long offset = (long) (page - 1) * pageSize;
		if (filter.countedAs() != null) {
			return this.jdbc
				.sql(COUNTED_PAGE.formatted(SCHEDULED.formatted(filter.sql()), filter.sql(), CARD_COLUMNS))
				.param("now", now())
				.param("id", filter.id())
				.param("kind", filter.countedAs())
				.param("limit", pageSize)
				.param("offset", offset)
				.query((rs, row) -> PostCard.fromRow(rs, this.properties.timeZone()))
				.list();
		}
		return this.jdbc.sql("""
				select %s
				from post p
				join category c on c.id = p.category_id
				join author a on a.id = p.author_id
				where %s%s
				order by p.published_at desc, p.id desc
				limit :limit offset :offset""".formatted(CARD_COLUMNS, VISIBLE, filter.sql()))
			.param("now", now())
			.param("id", filter.id())
			.param("limit", pageSize)
			.param("offset", offset)
			.query((rs, row) -> PostCard.fromRow(rs, this.properties.timeZone()))
			.list();
	}

	/** Listing counts as read at one state of the content. */
	private record KeptStats(@Nullable Snapshot at, Map<ListingFilter, ListingStats> stats) {
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
