package dev.blogroll.feed;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.content.Visibility;
import dev.blogroll.listing.ListingFilter;
import dev.blogroll.web.SitePaths;

/**
 * Reads the newest posts of a listing for its feeds: the same posts, in the same order, as
 * the listing's first pages, with tags, in one statement.
 */
@Component
class FeedQueries {

	private final JdbcClient jdbc;

	private final Clock clock;

	FeedQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<FeedEntry> newest(ListingFilter filter, int limit) {
		return filter.bind(this.jdbc.sql("""
				select p.id, p.slug, p.title, p.published_at, p.updated_at, p.created_at, p.summary, p.body,
				       c.slug as category_slug, c.name as category_name, a.slug as author_slug, a.name as author_name,
				       array(select t.name from post_tag pt join tag t on t.id = pt.tag_id
				             where pt.post_id = p.id order by lower(t.name)) as tags
				from post p
				join category c on c.id = p.category_id
				join author a on a.id = p.author_id
				where %s%s
				order by p.published_at desc, p.id desc
				limit :limit""".formatted(Visibility.VISIBLE, filter.sql())))
			.param("now", Timestamp.from(this.clock.instant()))
			.param("limit", limit)
			.query(this::toEntry)
			.list();
	}

	private FeedEntry toEntry(ResultSet rs, int row) throws SQLException {
		Array tags = rs.getArray("tags");
		return new FeedEntry(rs.getLong("id"), SitePaths.post(rs.getString("category_slug"), rs.getString("slug")),
				rs.getString("title"), rs.getTimestamp("published_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
				rs.getString("summary"), rs.getString("body"), rs.getString("category_name"),
				rs.getString("author_name"), SitePaths.author(rs.getString("author_slug")),
				Arrays.asList((String[]) tags.getArray()));
	}

}
