package dev.blogroll.listing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.content.ContentVersion;
import dev.blogroll.content.Kept;
import dev.blogroll.content.Visibility;

/**
 * Reads listing pages: the posts readers can see now (published, dated in the past), newest
 * first, ties broken by id so that every post has exactly one place. A page costs two
 * statements, a count and the page itself, whatever its size and however deep it is.
 * <p>
 * The listing of every post and the listings of categories are counted by month and by day in
 * {@code listing_count} (kept by triggers, see {@code V30}), tags by month only ({@code V95},
 * {@code V96}: {@link ListingFilter#countedBy()}). Counting them is summing their months; page N
 * starts in the day (a tag's: the month) where the running total of posts, newest first, passes
 * {@code (N - 1) × pageSize} ({@link DayCounts}, the listing's days read once), so the page's
 * first post is found in the listing's index from the end of that day, skipping only index
 * entries of that day, never the posts of the pages before; the page
 * is then read from that key. The index is the one its {@link ListingFilter#keys() keys} come
 * from: {@code post}'s for every post and a category, {@code post_tag}'s for a tag (which keeps
 * its post's date and status). The counts include posts scheduled for later, which come first
 * in the order: the posts dated after now are counted (an index range read from the top) and
 * skipped as well.
 * <p>
 * Author and blog listings use {@code count(*)} and OFFSET on their own index: they have
 * hundreds of posts each. Tags did too until a tag of 86,000 of a million posts took 1.3–3.7 s
 * for its first page and about a second for a deep one, against 0.05 s for a category's
 * (bench/RESULTS.md).
 * <p>
 * A listing's count and last change, and a counted listing's days, are kept in memory until
 * {@link ContentVersion} says something readers see has changed (a write, or a scheduled post
 * coming due): a crawler walking a listing's pages pays for them once, not on every page.
 * <p>
 * Each statement is timed ({@code blogroll.listing.queries}, by statement: {@code count},
 * {@code days}, {@code page}), so the time PostgreSQL spends on listings is visible apart from
 * rendering.
 */
@Component
public class ListingQueries {

	/**
	 * A counted listing's published posts dated after now, from its keys: the scheduled ones,
	 * first in the order.
	 */
	private static final String SCHEDULED = "(select count(*) from (%s) k where k.published_at > :now)";

	private static final String CARD_COLUMNS = """
			p.slug, p.title, p.published_at, p.updated_at, p.summary, p.image_url, p.image_alt,
			c.slug as category_slug, c.name as category_name,
			a.slug as author_slug, a.name as author_name,
			""" + PostCard.BLOG_COLUMNS;

	/**
	 * A counted listing's page, from its start ({@link DayCounts}): the page's first post is
	 * found in the index of its keys alone, from the end of its day (no table rows read for the
	 * skipped posts of that day), the page's keys are read from that key, and their posts by id.
	 * <p>
	 * Planning this statement took 60 % of its time (0.5 of 0.8 ms, {@code EXPLAIN ANALYZE}), so
	 * it is written for a plan PostgreSQL keeps: after five runs on a connection it compares the
	 * cost of a generic plan (made without the parameters' values) with that of the plans it
	 * made for them, and keeps the generic one if it is no dearer. Two things make it so. The page
	 * size is written into the statement, as a generic plan would otherwise assume a tenth of
	 * the listing per page. And the first post is looked for between its day's start and end: a
	 * range bounded on both sides is assumed narrow, where {@code < :day_end} alone is assumed
	 * to hold a third of the listing, a tenth of which the skip would be assumed to pass over
	 * (on the benchmark's 1,030,300 posts: cost 717 against 408; with the bound 411). The result
	 * is the same: the page's first post is in its day.
	 */
	private static final String COUNTED_PAGE = """
			with first_key as (
			    select k.published_at, k.id from (%1$s) k
			    where k.published_at < :day_end and k.published_at >= :day_start
			    order by k.published_at desc, k.id desc
			    offset :skip limit 1
			), page as (
			    select k.published_at, k.id from (%1$s) k
			    where (k.published_at, k.id) <= ((select published_at from first_key), (select id from first_key))
			    order by k.published_at desc, k.id desc
			    limit %3$d
			)
			select %2$s
			from page k
			-- the page's posts, category and author looked up for each: 45 index reads, where a
			-- join would read and hash every author (offset 0 keeps the planner from making it one)
			cross join lateral (select p.* from post p where p.id = k.id offset 0) p
			cross join lateral (select c.slug, c.name from category c where c.id = p.category_id offset 0) c
			cross join lateral (select a.slug, a.name from author a where a.id = p.author_id offset 0) a
			order by k.published_at desc, k.id desc""";

	/**
	 * Memory for kept counts: a listing's stats weigh little, a counted listing's days about
	 * 24 bytes a day (about 100 KB for 12 years of daily posts).
	 */
	private static final long KEPT_BYTES = 32L << 20;

	/**
	 * {@link #COUNTED_PAGE} for each counted kind's keys and page size, formatted once: formatting
	 * it took 1.3 % of the request threads' CPU on cold pages (async-profiler). Three kinds and the
	 * two page sizes in the code (a listing's, the home page's) make its few entries.
	 */
	private final Map<String, String> countedPages = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BlogrollProperties properties;

	private final Kept<ListingFilter, ListingStats> stats;

	private final Kept<ListingFilter, DayCounts> days;

	private final Timer countTime;

	private final Timer daysTime;

	private final Timer pageTime;

	ListingQueries(JdbcClient jdbc, Clock clock, BlogrollProperties properties, ContentVersion contentVersion,
			MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.stats = contentVersion.keeper(KEPT_BYTES / 4, (filter, stats) -> 256);
		this.days = contentVersion.keeper(KEPT_BYTES, (filter, days) -> 256 + days.bytes());
		this.countTime = timer(registry, "count");
		this.daysTime = timer(registry, "days");
		this.pageTime = timer(registry, "page");
	}

	private static Timer timer(MeterRegistry registry, String statement) {
		return Timer.builder("blogroll.listing.queries")
			.description("Listing statements run (kept results are not counted), by statement")
			.tag("statement", statement)
			.register(registry);
	}

	/**
	 * How many posts the listing has now, and when its membership last changed, in one
	 * statement. A post joins a listing when it is created or when its date comes; it leaves
	 * when it is unpublished or trashed. Edits of a visible post do not count here: they
	 * change only the page that shows it. Counted listings read both from small tables kept
	 * by triggers ({@code listing_count}, {@code listing_change}) and the newest visible post
	 * from the index of their keys; author and blog listings, small, look at their posts.
	 */
	public ListingStats stats(ListingFilter filter) {
		return this.stats.get(filter, (key) -> this.countTime.record(() -> count(key)));
	}

	private ListingStats count(ListingFilter filter) {
		String sql = (filter.countedAs() != null) ? """
				select coalesce((select sum(posts) from listing_count
				                 where kind = :kind and listing_id = :listing_id and unit = 'month'), 0) - %1$s as total,
				       greatest((select changed_at from listing_change where kind = :kind and listing_id = :listing_id),
				                (select max(k.published_at) from (%2$s) k where k.published_at <= :now)) as changed"""
			.formatted(SCHEDULED.formatted(filter.keys()), filter.keys()) : """
				select count(*) filter (where %1$s) as total,
				       greatest(max(greatest(p.created_at, p.published_at)) filter (where %1$s),
				                max(p.updated_at) filter (where not (%1$s))) as changed
				from post p where true%2$s""".formatted(Visibility.VISIBLE, filter.sql());
		JdbcClient.StatementSpec statement = filter.bind(this.jdbc.sql(sql).param("now", now()));
		if (filter.countedAs() != null) {
			statement = statement.param("kind", filter.countedAs()).param("listing_id", filter.countedId());
		}
		return statement.query((rs, row) -> {
			Timestamp changed = rs.getTimestamp("changed");
			return new ListingStats(rs.getLong("total"), (changed != null) ? changed.toInstant() : null);
		}).single();
	}

	/** The cards of one page, numbered from 1, of {@code pageSize} posts. */
	public List<PostCard> page(ListingFilter filter, int page, int pageSize) {
		return this.pageTime.record(() -> readPage(filter, page, pageSize));
	}

	private List<PostCard> readPage(ListingFilter filter, int page, int pageSize) {
		long offset = (long) (page - 1) * pageSize;
		if (filter.countedAs() != null) {
			DayCounts days = this.days.get(filter, (key) -> this.daysTime.record(() -> days(key)));
			DayCounts.Start start = days.find(offset + days.scheduled());
			if (start == null) {
				return List.of();
			}
			String sql = this.countedPages.computeIfAbsent(pageSize + " " + filter.keys(),
					(key) -> COUNTED_PAGE.formatted(filter.keys(), CARD_COLUMNS, pageSize));
			return filter.bind(this.jdbc.sql(sql))
				.param("day_start", start.dayStart())
				.param("day_end", start.dayEnd())
				.param("skip", start.skip())
				.query((rs, row) -> PostCard.fromRow(rs, this.properties.timeZone()))
				.list();
		}
		return filter.bind(this.jdbc.sql("""
				select %s
				from post p
				join category c on c.id = p.category_id
				join author a on a.id = p.author_id
				where %s%s
				order by p.published_at desc, p.id desc
				limit :limit offset :offset""".formatted(CARD_COLUMNS, Visibility.VISIBLE, filter.sql())))
			.param("now", now())
			.param("limit", pageSize)
			.param("offset", offset)
			.query((rs, row) -> PostCard.fromRow(rs, this.properties.timeZone()))
			.list();
	}

	/**
	 * The newest {@code count} visible posts of every category, categories in the
	 * navigation's order (empty ones have none), in one statement: a lateral read of each
	 * category's index.
	 */
	public Map<String, List<PostCard>> newestByCategory(int count) {
		Map<String, List<PostCard>> byCategory = new LinkedHashMap<>();
		this.jdbc.sql("""
				select p.slug, p.title, p.published_at, p.updated_at, p.summary, p.image_url, p.image_alt,
				       c.slug as category_slug, c.name as category_name,
				       a.slug as author_slug, a.name as author_name,
				       %s
				from category c
				cross join lateral (
				    select p.id, p.slug, p.title, p.published_at, p.updated_at, p.summary, p.image_url, p.image_alt,
				           p.author_id, p.source_id
				    from post p where p.category_id = c.id and %s
				    order by p.published_at desc, p.id desc limit :count) p
				join author a on a.id = p.author_id
				order by c.nav_position, c.name, c.id, p.published_at desc, p.id desc""".formatted(PostCard.BLOG_COLUMNS,
				Visibility.VISIBLE))
			.param("now", now())
			.param("count", count)
			.query((rs, row) -> PostCard.fromRow(rs, this.properties.timeZone()))
			.list()
			.forEach((card) -> byCategory.computeIfAbsent(card.categoryPath(), (path) -> new ArrayList<>()).add(card));
		return byCategory;
	}

	/**
	 * A counted listing's posts per day, and how many are scheduled, as {@link DayCounts}. The
	 * bounds are read as milliseconds since the epoch: a million posts' category has thousands
	 * of days (7,657 in the benchmark's), and parsing each bound's text as a timestamp, in code
	 * not yet compiled, was the largest part of the first page after a start (bench/README.md,
	 * round 12).
	 */
	private DayCounts days(ListingFilter filter) {
		List<DayCounts.Day> days = this.jdbc.sql("""
				select (extract(epoch from starts_at) * 1000)::bigint, (extract(epoch from ends_at) * 1000)::bigint, posts
				from listing_count
				where kind = :kind and listing_id = :listing_id and unit = :unit and posts > 0
				order by starts_at desc""")
			.param("kind", filter.countedAs())
			.param("listing_id", filter.countedId())
			.param("unit", filter.countedBy())
			.query((rs, row) -> new DayCounts.Day(new Timestamp(rs.getLong(1)), new Timestamp(rs.getLong(2)), rs.getInt(3)))
			.list();
		long scheduled = filter.bind(this.jdbc.sql("select " + SCHEDULED.formatted(filter.keys())))
			.param("now", now())
			.query(Long.class)
			.single();
		return DayCounts.of(days, scheduled);
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
