package dev.blogroll.feed;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.content.Visibility;
import dev.blogroll.listing.ListingKind;
import dev.blogroll.web.SitePaths;

/**
 * What the sitemaps list, so that each sitemap file keeps its URLs: listings by kind and slug,
 * and posts by id range. Post sitemap N lists the posts whose ids are in
 * {@code ((N - 1) × size, N × size]}: a file can never hold more than {@code size} posts, and
 * a post stays in its file whatever is published, drafted or deleted later (numbering the
 * posts instead would move every later post to another file when one is removed, and would
 * make reading the last file skip all the others). Posts readers cannot see (drafts,
 * scheduled, trashed) and posts whose canonical URL is elsewhere (aggregated: a source URL and
 * no body) are left out, so a file may list fewer posts than its range holds, or none: a file
 * with none is neither named by the index nor served.
 */
@Component
class SitemapQueries {

	/** The posts that are this site's own pages. */
	private static final String OWN_POSTS = Visibility.VISIBLE + " and not (p.source_url is not null and p.body is null)";

	/** A post's last change, as sitemaps give it. */
	private static final String LASTMOD = "greatest(p.updated_at, p.published_at)";

	/**
	 * The post sitemaps that list a post, with each one's last change, read from the
	 * {@code post_sitemap} index ({@code V34}), which orders the posts of every 1,000 ids (a
	 * granule) newest change first. A granule inside one file gives its newest visible post in
	 * one index descent; a granule cut by a file boundary (none when the size is a multiple of
	 * 1,000, as the default 50,000 is) gives each of its posts with its file. At 1,000,000 posts
	 * that is about 1,000 descents instead of 1,000,000 rows; with sizes that cut every granule,
	 * one pass over the index. {@code (p.id - 1) / 1000} must stay written as in the index.
	 */
	private static final String POST_FILES = """
			select newest.file, max(newest.lastmod) as lastmod
			from generate_series(0, (select (max(id) - 1) / 1000 from post)) granule
			cross join lateral (
			    (select granule * 1000 / :size + 1 as file, %1$s as lastmod
			     from post p
			     where (p.id - 1) / 1000 = granule and %2$s
			       and granule * 1000 / :size = (granule * 1000 + 999) / :size
			     order by %1$s desc limit 1)
			    union all
			    select (p.id - 1) / :size + 1, %1$s
			    from post p
			    where (p.id - 1) / 1000 = granule and %2$s
			      and granule * 1000 / :size <> (granule * 1000 + 999) / :size
			) newest
			group by newest.file order by newest.file""".formatted(LASTMOD, OWN_POSTS);

	/**
	 * The home page (kind -1), then every listing's first page, kind by kind in their order,
	 * slugs in order within a kind: what each kind lists is {@link ListingKind#sitemapSlugs}.
	 */
	private static final String LISTINGS = Arrays.stream(ListingKind.values())
		.map((kind) -> "select %d as kind, slug from (%s) as listed_%s (slug)".formatted(kind.ordinal(), kind.sitemapSlugs(),
				kind.name().toLowerCase(Locale.ROOT)))
		.collect(Collectors.joining("\nunion all\n", "select kind, slug from (\nselect -1 as kind, '' as slug\nunion all\n",
				"\n) listing"));

	private final JdbcClient jdbc;

	private final Clock clock;

	SitemapQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The post sitemap files of {@code size} ids that list at least one post, with each file's last change. */
	List<Chunk> postChunks(int size) {
		return this.jdbc.sql(POST_FILES)
			.param("now", now())
			.param("size", size)
			.query((rs, row) -> new Chunk(rs.getInt("file"), rs.getTimestamp("lastmod").toInstant()))
			.list();
	}

	/** The posts of sitemap file {@code chunk}, numbered from 1: a range read of the primary key. */
	List<Url> posts(int chunk, int size) {
		return this.jdbc.sql("""
				select c.slug as category_slug, p.slug, %s as lastmod
				from post p join category c on c.id = p.category_id
				where p.id > :after and p.id <= :last and %s
				order by p.id""".formatted(LASTMOD, OWN_POSTS))
			.param("now", now())
			.param("after", (long) (chunk - 1) * size)
			.param("last", (long) chunk * size)
			.query((rs, row) -> new Url(SitePaths.post(rs.getString("category_slug"), rs.getString("slug")),
					rs.getTimestamp("lastmod").toInstant()))
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
		return this.jdbc.sql(LISTINGS + " order by kind, slug limit :size offset :offset")
			.param("now", now())
			.param("size", size)
			.param("offset", (long) (chunk - 1) * size)
			.query((rs, row) -> {
				int kind = rs.getInt("kind");
				String path = (kind < 0) ? SitePaths.home() : ListingKind.values()[kind].path(rs.getString("slug"));
				return new Url(path, null);
			})
			.list();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	/**
	 * One sitemap file of posts.
	 *
	 * @param number its number, from 1: it lists the posts with ids in
	 * {@code ((number - 1) × size, number × size]}
	 * @param lastModified the latest change among the posts it lists
	 */
	record Chunk(int number, Instant lastModified) {
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
