package dev.blogroll.listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;

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
 */
@Component
class ListingQueries {

	private static final String VISIBLE = "p.status = 'PUBLISHED' and p.published_at <= :now";

	/** The listing's published posts dated after now: the scheduled ones, first in the order. */
	private static final String SCHEDULED = """
			(select count(*) from post p where p.status = 'PUBLISHED' and p.published_at > :now%s)""";

	private static final String CARD_COLUMNS = """
			p.slug, p.title, p.published_at, p.summary, p.image_url, p.image_alt,
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

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BlogrollProperties properties;

	ListingQueries(JdbcClient jdbc, Clock clock, BlogrollProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** How many posts the listing has now. */
	long count(ListingFilter filter) {
		String sql = (filter.countedAs() != null) ? """
				select coalesce((select sum(posts) from listing_count
				                 where kind = :kind and listing_id = :id and unit = 'month'), 0)
				       - %s""".formatted(SCHEDULED.formatted(filter.sql()))
				: "select count(*) from post p where " + VISIBLE + filter.sql();
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql).param("now", now()).param("id", filter.id());
		if (filter.countedAs() != null) {
			statement = statement.param("kind", filter.countedAs());
		}
		return statement.query(Long.class).single();
	}

	/** The cards of one page, numbered from 1, of {@code pageSize} posts. */
	List<PostCard> page(ListingFilter filter, int page, int pageSize) {
		long offset = (long) (page - 1) * pageSize;
		if (filter.countedAs() != null) {
			return this.jdbc
				.sql(COUNTED_PAGE.formatted(SCHEDULED.formatted(filter.sql()), filter.sql(), CARD_COLUMNS))
				.param("now", now())
				.param("id", filter.id())
				.param("kind", filter.countedAs())
				.param("limit", pageSize)
				.param("offset", offset)
				.query(this::toCard)
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
			.query(this::toCard)
			.list();
	}

	private PostCard toCard(ResultSet rs, int row) throws SQLException {
		String categoryPath = "/blog/" + rs.getString("category_slug");
		Instant publishedAt = rs.getTimestamp("published_at").toInstant();
		return new PostCard(rs.getString("title"), categoryPath + "/" + rs.getString("slug"),
				rs.getString("category_name"), categoryPath, rs.getString("author_name"),
				"/blog/author/" + rs.getString("author_slug"),
				publishedAt.atZone(this.properties.timeZone()).toLocalDate(), rs.getString("summary"),
				rs.getString("image_url"), rs.getString("image_alt"));
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
