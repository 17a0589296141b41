package dev.blogroll.web;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;

/**
 * What the header and footer of every page show: the site name, the categories and the tag
 * strip. Templates reach it as {@code @siteChrome}, so status pages get it too.
 */
@Component("siteChrome")
public class SiteChrome {

	private final JdbcClient jdbc;

	private final BlogrollProperties properties;

	SiteChrome(JdbcClient jdbc, BlogrollProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	public String siteName() {
		return this.properties.siteName();
	}

	/** Every category, by name, linking to its listing. */
	public List<Link> categories() {
		return this.jdbc.sql("select name, '/blog/' || slug from category order by name")
			.query((rs, row) -> new Link(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** The featured tags, in their editorial order. */
	public List<Link> featuredTags() {
		return this.jdbc
			.sql("select name, '/blog/tag/' || slug from tag where featured_rank is not null order by featured_rank")
			.query((rs, row) -> new Link(rs.getString(1), rs.getString(2)))
			.list();
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
