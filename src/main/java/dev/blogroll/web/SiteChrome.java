package dev.blogroll.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import dev.blogroll.BlogrollProperties;

/**
 * What the header and footer of every page show: the site name, the categories and the tag
 * strip. Templates reach it as {@code @siteChrome}, so status pages get it too.
 * <p>
 * Categories and featured tags are read once and kept until {@link ContentVersion} says
 * something changed: every page shows them, and every cold page would otherwise pay three
 * statements for them (and a category listing a fourth, to find its category).
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

	private final ContentVersion contentVersion;

	private final BlogrollProperties properties;

	private volatile @Nullable Loaded loaded;

	SiteChrome(JdbcClient jdbc, ContentVersion contentVersion, BlogrollProperties properties) {
		this.jdbc = jdbc;
		this.contentVersion = contentVersion;
		this.properties = properties;
	}

	public String siteName() {
		return this.properties.siteName();
	}

	/** Every category, by name, linking to its listing; none while the database is away. */
	public List<Link> categories() {
		try {
			return loaded().categoryLinks();
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			// the 404 page of an unknown path renders without the database: a bare header will
			// do, for now, and no cache may keep it
			DegradedResponse.mark();
			return List.of();
		}
	}

	/** The featured tags, in their editorial order; none while the database is away. */
	public List<Link> featuredTags() {
		try {
			return loaded().featuredTags();
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			DegradedResponse.mark();
			return List.of();
		}
	}

	/** The category with this slug, or a 404 for the reader. */
	public Category category(String slug) {
		Category category = loaded().categories().get(slug);
		if (category == null) {
			throw new NotFoundException("There is no category called “" + slug + "”.");
		}
		return category;
	}

	/**
	 * The validators of a page, started with what the chrome shows, for the page to add its own
	 * content to.
	 */
	public PageVersion newVersion() {
		Loaded chrome = loaded();
		return new PageVersion().with(this.release, this.properties.siteName())
			.with(chrome.fingerprint())
			.changedAt(chrome.changed());
	}

	private Loaded loaded() {
		long version = this.contentVersion.current().dataVersion();
		Loaded current = this.loaded;
		if (current == null || current.version() != version) {
			// two requests may both load after a change: harmless, and simpler than a lock
			current = load(version);
			this.loaded = current;
		}
		return current;
	}

	private Loaded load(long version) {
		Map<String, Category> categories = new LinkedHashMap<>();
		this.jdbc.sql("select id, slug, name, description from category order by name")
			.query((rs, row) -> new Category(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description")))
			.list()
			.forEach((category) -> categories.put(category.slug(), category));
		List<Link> tags = this.jdbc
			.sql("select name, '/blog/tag/' || slug from tag where featured_rank is not null order by featured_rank")
			.query((rs, row) -> new Link(rs.getString(1), rs.getString(2)))
			.list();
		return this.jdbc.sql(FINGERPRINT).query((rs, row) -> {
			Timestamp changed = rs.getTimestamp("changed");
			return new Loaded(version, Map.copyOf(categories),
					categories.values().stream().map((category) -> new Link(category.name(), category.path())).toList(),
					tags, rs.getString("hash"), (changed != null) ? changed.toInstant() : null);
		}).single();
	}

	/**
	 * A category as listings and the navigation need it.
	 *
	 * @param id its key
	 * @param slug its URL segment
	 * @param name what readers see
	 * @param description the listing's introduction, if any
	 */
	public record Category(long id, String slug, String name, @Nullable String description) {

		/** Its listing's first page. */
		public String path() {
			return "/blog/" + this.slug;
		}

	}

	/** The chrome as read at one data version. */
	private record Loaded(long version, Map<String, Category> categories, List<Link> categoryLinks,
			List<Link> featuredTags, String fingerprint, @Nullable Instant changed) {
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
