package dev.blogroll.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.content.Visibility;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SitePaths;

/**
 * The blogs Blogroll follows, as readers see them: one by slug for its page
 * ({@code /blog/source/<slug>}), and all of them, a page at a time, for the Blogs directory.
 * A source an editor has not yet reviewed (imported from OPML) is no blog of the site yet.
 */
@Component
public class Blogs {

	private final JdbcClient jdbc;

	private final Clock clock;

	Blogs(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Blog> find(String slug) {
		return this.jdbc.sql("""
				select id, slug, name, site_url, description from feed_source
				where slug = :slug and not awaiting_review""")
			.param("slug", slug)
			.query(Blog.class)
			.optional();
	}

	/** The blog with this slug, or a 404 for the reader. */
	public Blog get(String slug) {
		return find(slug).orElseThrow(() -> new NotFoundException("There is no blog with the slug " + slug));
	}

	/** How many blogs the directory lists. */
	public long count() {
		return this.jdbc.sql("select count(*) from feed_source where not awaiting_review").query(Long.class).single();
	}

	/**
	 * One page of the directory, by name: each blog with how many posts readers can see and
	 * the date of its newest (two index reads per blog, on the blog listing's own index).
	 */
	public List<DirectoryEntry> directory(int page, int pageSize) {
		return this.jdbc.sql("""
				select s.slug, s.name, s.site_url,
				       (select count(*) from post p where p.source_id = s.id and %1$s) as posts,
				       (select max(p.published_at) from post p where p.source_id = s.id and %1$s) as newest
				from feed_source s
				where not s.awaiting_review
				order by lower(s.name), s.id
				limit :limit offset :offset""".formatted(Visibility.VISIBLE))
			.param("now", Timestamp.from(this.clock.instant()))
			.param("limit", pageSize)
			.param("offset", (long) (page - 1) * pageSize)
			.query((rs, row) -> {
				Timestamp newest = rs.getTimestamp("newest");
				return new DirectoryEntry(rs.getString("name"), SitePaths.blog(rs.getString("slug")),
						rs.getString("site_url"), rs.getLong("posts"), (newest != null) ? newest.toInstant() : null);
			})
			.list();
	}

	/**
	 * A blog.
	 *
	 * @param id the source's id
	 * @param slug the segment of its page's URL
	 * @param name its name
	 * @param siteUrl its home page
	 * @param description what its feed says it is about; may be empty
	 */
	public record Blog(long id, String slug, String name, String siteUrl, String description) {
	}

	/**
	 * A blog in the directory.
	 *
	 * @param name its name
	 * @param path its page on this site
	 * @param siteUrl its home page
	 * @param posts how many of its posts readers can see
	 * @param newest when the newest of them was published, if there is one
	 */
	public record DirectoryEntry(String name, String path, String siteUrl, long posts, @Nullable Instant newest) {
	}

}
