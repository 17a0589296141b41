package dev.blogroll.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import dev.blogroll.BlogrollProperties;

/**
 * What the header and footer of every page show: the site name, the categories and the tag
 * strip. Templates reach it as {@code @siteChrome}, so status pages get it too.
 */
@Component("siteChrome")
public class SiteChrome {

	/**
	 * Everything the chrome shows, hashed in one statement, with the categories' latest change.
	 */
	private static final String FINGERPRINT = """
			select md5(coalesce((select string_agg(slug || '|' || name, ',' order by name) from category), '')
			        || '#' || coalesce((select string_agg(slug || '|' || name, ',' order by featured_rank)
			                            from tag where featured_rank is not null), '')) as hash,
			       (select max(updated_at) from category) as changed""";

	/** Part of every validator, so a new release (perhaps with new templates) never answers 304. */
	private final Instant release = Instant.now();

	private final JdbcClient jdbc;

	private final BlogrollProperties properties;

	SiteChrome(JdbcClient jdbc, BlogrollProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	public String siteName() {
		return this.properties.siteName();
	}

	/** Every category, by name, linking to its listing; none while the database is away. */
	public List<Link> categories() {
		return links("select name, '/blog/' || slug from category order by name");
	}

	/** The featured tags, in their editorial order; none while the database is away. */
	public List<Link> featuredTags() {
		return links("select name, '/blog/tag/' || slug from tag where featured_rank is not null order by featured_rank");
	}

	private List<Link> links(String sql) {
		try {
			return this.jdbc.sql(sql).query((rs, row) -> new Link(rs.getString(1), rs.getString(2))).list();
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			// the 404 page of an unknown path renders without the database: a bare header will do
			return List.of();
		}
	}

	/**
	 * The validators of a page, started with what the chrome shows (one cheap statement), for
	 * the page to add its own content to.
	 */
	public PageVersion newVersion() {
		PageVersion version = new PageVersion().with(this.release, this.properties.siteName());
		return this.jdbc.sql(FINGERPRINT).query((rs, row) -> {
			Timestamp changed = rs.getTimestamp("changed");
			return version.with(rs.getString("hash")).changedAt((changed != null) ? changed.toInstant() : null);
		}).single();
	}

	/**
	 * A labelled link in the site chrome or the breadcrumbs.
	 *
	 * @param label what the reader sees
	 * @param href where it leads, a path on this site
	 */
	public record Link(String label, String href) {
	}

}
