package dev.blogroll.listing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;

/**
 * Reads listing pages: the posts readers can see now (published, dated in the past), newest
 * first, ties broken by id so that every post has exactly one place. A page costs two
 * statements, a count and the page itself, whatever its size.
 */
@Component
public class ListingQueries {

	/**
	 * Which posts readers see. The one place to extend when posts can be deleted (moved to a
	 * trash): sitemaps and feeds read posts through the listings, so they follow.
	 */
	public static final String VISIBLE = "p.status = 'PUBLISHED' and p.published_at <= :now";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BlogrollProperties properties;

	ListingQueries(JdbcClient jdbc, Clock clock, BlogrollProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * How many posts the listing has now, and when its membership last changed, in one
	 * statement. A post joins a listing when it is created or when its date comes; it leaves
	 * when it is unpublished (which changes its {@code updated_at}). Edits of a visible post
	 * do not count here: they change only the page that shows it.
	 */
	public ListingStats stats(ListingFilter filter) {
		return this.jdbc.sql("""
				select count(*) filter (where %1$s) as total,
				       greatest(max(greatest(p.created_at, p.published_at)) filter (where %1$s),
				                max(p.updated_at) filter (where not (%1$s))) as changed
				from post p where true%2$s""".formatted(VISIBLE, filter.sql()))
			.param("now", now())
			.param("id", filter.id())
			.query((rs, row) -> {
				Timestamp changed = rs.getTimestamp("changed");
				return new ListingStats(rs.getLong("total"), (changed != null) ? changed.toInstant() : null);
			})
			.single();
	}

	/** The cards of one page, numbered from 1, of {@code pageSize} posts. */
	public List<PostCard> page(ListingFilter filter, int page, int pageSize) {
		return this.jdbc.sql("""
				select p.slug, p.title, p.published_at, p.updated_at, p.summary, p.image_url, p.image_alt,
				       c.slug as category_slug, c.name as category_name,
				       a.slug as author_slug, a.name as author_name
				from post p
				join category c on c.id = p.category_id
				join author a on a.id = p.author_id
				where %s%s
				order by p.published_at desc, p.id desc
				limit :limit offset :offset""".formatted(VISIBLE, filter.sql()))
			.param("now", now())
			.param("id", filter.id())
			.param("limit", pageSize)
			.param("offset", (long) (page - 1) * pageSize)
			.query((rs, row) -> PostCard.fromRow(rs, this.properties.timeZone()))
			.list();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
