package dev.blogroll.post;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.content.Visibility;
import dev.blogroll.web.SiteLocale;
import dev.blogroll.web.SitePaths;

/**
 * What the post page links to besides the post itself: the previous (older) and next (newer)
 * post in its category, and up to three related posts, those sharing the most tags with it,
 * newest first among equals. All in one statement, whatever the post. Related posts are
 * chosen among the newest {@value #CANDIDATES_PER_TAG} visible posts of each tag, so a tag
 * shared by a hundred thousand posts costs no more than a small one.
 */
@Component
class NearbyPosts {

	static final int RELATED = 3;

	static final int CANDIDATES_PER_TAG = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BlogrollProperties properties;

	private final SiteLocale siteLocale;

	NearbyPosts(JdbcClient jdbc, Clock clock, BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	Nearby around(Post post) {
		List<Map.Entry<String, PostLink>> rows = this.jdbc.sql("""
				(select 'previous' as kind, p.slug, p.title, p.published_at, p.updated_at, c.slug as category_slug
				 from post p join category c on c.id = p.category_id
				 where p.category_id = :category and %1$s and (p.published_at, p.id) < (:publishedAt, :id)
				 order by p.published_at desc, p.id desc
				 limit 1)
				union all
				(select 'next', p.slug, p.title, p.published_at, p.updated_at, c.slug
				 from post p join category c on c.id = p.category_id
				 where p.category_id = :category and %1$s and (p.published_at, p.id) > (:publishedAt, :id)
				 order by p.published_at, p.id
				 limit 1)
				union all
				(select 'related', p.slug, p.title, p.published_at, p.updated_at, c.slug
				 from (select candidate.post_id, count(*) as shared
				       from post_tag mine
				       cross join lateral (
				           select pt.post_id from post_tag pt join post p on p.id = pt.post_id
				           where pt.tag_id = mine.tag_id and pt.post_id <> :id and %1$s
				           order by pt.post_id desc
				           limit :candidates) as candidate
				       where mine.post_id = :id
				       group by candidate.post_id) as related
				 join post p on p.id = related.post_id
				 join category c on c.id = p.category_id
				 order by related.shared desc, p.published_at desc, p.id desc
				 limit :related)""".formatted(Visibility.VISIBLE))
			.param("now", Timestamp.from(this.clock.instant()))
			.param("category", post.getCategory().getId())
			.param("publishedAt", Timestamp.from(post.getPublishedAt()))
			.param("id", post.getId())
			.param("candidates", CANDIDATES_PER_TAG)
			.param("related", RELATED)
			.query((rs, row) -> {
				LocalDate date = rs.getTimestamp("published_at").toInstant().atZone(this.properties.timeZone()).toLocalDate();
				PostLink link = new PostLink(rs.getString("title"),
						SitePaths.post(rs.getString("category_slug"), rs.getString("slug")), this.siteLocale.date(date),
						date.toString(), rs.getTimestamp("updated_at").toInstant());
				return Map.entry(rs.getString("kind"), link);
			})
			.list();
		PostLink previous = null;
		PostLink next = null;
		List<PostLink> related = new ArrayList<>();
		for (Map.Entry<String, PostLink> row : rows) {
			switch (row.getKey()) {
				case "previous" -> previous = row.getValue();
				case "next" -> next = row.getValue();
				default -> related.add(row.getValue());
			}
		}
		return new Nearby(previous, next, related);
	}

	/**
	 * The posts around one post.
	 *
	 * @param previous the older post in the same category, if any
	 * @param next the newer post in the same category, if any
	 * @param related up to three posts sharing tags with this one, most shared tags first
	 */
	record Nearby(@Nullable PostLink previous, @Nullable PostLink next, List<PostLink> related) {

		public boolean isEmpty() {
			return this.previous == null && this.next == null && this.related.isEmpty();
		}

		/** Every post linked. */
		List<PostLink> links() {
			List<PostLink> links = new ArrayList<>(this.related);
			if (this.previous != null) {
				links.add(this.previous);
			}
			if (this.next != null) {
				links.add(this.next);
			}
			return links;
		}

	}

}
