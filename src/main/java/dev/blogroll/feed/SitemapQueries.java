package dev.blogroll.feed;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.listing.ListingQueries;

/**
 * What the sitemaps list, in a stable order so that each sitemap file keeps its URLs: posts
 * by id, listings by kind and slug. Posts readers cannot see (drafts, scheduled) and posts
 * whose canonical URL is elsewhere (aggregated: a source URL and no body) are left out.
 */
@Component
class SitemapQueries {

	/** The posts that are this site's own pages. */
	private static final String OWN_POSTS = ListingQueries.VISIBLE + " and not (p.source_url is not null and p.body is null)";

	/**
	 * Every listing's first page: the home page, all posts, every category (the navigation
	 * links them all), and tags and authors that have a post to show. A tag's first visible
	 * post is looked for tag by tag ({@code lateral ... limit 1}): written as {@code exists},
	 * PostgreSQL hash-joined all of {@code post_tag} with all posts, about 2 s at 1,000,000
	 * posts with 30 tags, on every request for the index.
	 */
	private static final String LISTINGS = """
			select path from (
			    select 1 as kind, '/' as path
			    union all select 2, '/blog'
			    union all select 3, '/blog/' || c.slug from category c
			    union all select 4, '/blog/tag/' || t.slug from tag t
			        cross join lateral (select 1 from post_tag pt join post p on p.id = pt.post_id
			                            where pt.tag_id = t.id and %1$s limit 1) shown
			    union all select 5, '/blog/author/' || a.slug from author a
			        where exists (select 1 from post p where p.author_id = a.id and %1$s)
			) listing""".formatted(ListingQueries.VISIBLE);

	private final JdbcClient jdbc;

	private final Clock clock;

	SitemapQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How many sitemap files of {@code size} URLs the posts fill, with each file's last change. */
	List<Chunk> postChunks(int size) {
		return this.jdbc.sql("""
				select chunk, count(*) as urls, max(lastmod) as lastmod from (
				    select (row_number() over (order by p.id) - 1) / :size + 1 as chunk,
				           greatest(p.updated_at, p.published_at) as lastmod
				    from post p where %s
				) numbered group by chunk order by chunk""".formatted(OWN_POSTS))
			.param("now", now())
			.param("size", size)
			.query((rs, row) -> new Chunk(rs.getInt("chunk"), rs.getInt("urls"),
					rs.getTimestamp("lastmod").toInstant()))
			.list();
	}

	/** The posts of sitemap file {@code chunk}, numbered from 1. */
	List<Url> posts(int chunk, int size) {
		return this.jdbc.sql("""
				select '/blog/' || c.slug || '/' || p.slug as path, greatest(p.updated_at, p.published_at) as lastmod
				from post p join category c on c.id = p.category_id
				where %s
				order by p.id limit :size offset :offset""".formatted(OWN_POSTS))
			.param("now", now())
			.param("size", size)
			.param("offset", (long) (chunk - 1) * size)
			.query((rs, row) -> new Url(rs.getString("path"), rs.getTimestamp("lastmod").toInstant()))
			.list();
	}

	long listingCount() {
		return this.jdbc.sql("select count(*) from (" + LISTINGS + ") counted")
			.param("now", now())
			.query(Long.class)
			.single();
	}

	/** Listing URLs of sitemap file {@code chunk}: no {@code lastmod}, a listing has no date of its own. */
	List<Url> listings(int chunk, int size) {
		return this.jdbc.sql(LISTINGS.replace("select path from", "select path, kind from")
				+ " order by kind, path limit :size offset :offset")
			.param("now", now())
			.param("size", size)
			.param("offset", (long) (chunk - 1) * size)
			.query((rs, row) -> new Url(rs.getString("path"), null))
			.list();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	/**
	 * One sitemap file of posts.
	 *
	 * @param number its number, from 1
	 * @param urls how many URLs it lists
	 * @param lastModified the latest change among them
	 */
	record Chunk(int number, int urls, Instant lastModified) {
	}

	/**
	 * One URL of a sitemap.
	 *
	 * @param path the path on this site
	 * @param lastModified when its content last changed; null for listings
	 */
	record Url(String path, @Nullable Instant lastModified) {
	}

}
