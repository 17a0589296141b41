package dev.blogroll.listing;

import java.time.Instant;
import java.util.List;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.category.Categories;
import dev.blogroll.category.CategoryInfo;
import dev.blogroll.tag.Tags;
import dev.blogroll.web.DegradedResponse;
import dev.blogroll.web.Link;
import dev.blogroll.web.PageModel;
import dev.blogroll.web.PageVersion;
import dev.blogroll.web.SiteLocale;

/**
 * What the header and footer of every page show: the site name, the categories (those the
 * editors chose for the header; all of them in the phone menu and the footer) and the tag
 * strip. Templates reach it as {@code @siteChrome}, so status pages get it too. The categories
 * and tags come from {@link Categories} and {@link Tags}, which keep them until the content
 * changes.
 */
@Component("siteChrome")
public class SiteChrome {

	/** Part of every validator, so a new release (perhaps with new templates) never answers 304. */
	private final Instant release = Instant.now();

	private final Categories categories;

	private final Tags tags;

	private final BlogrollProperties properties;

	private final SiteLocale siteLocale;

	SiteChrome(Categories categories, Tags tags, BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.categories = categories;
		this.tags = tags;
		this.properties = properties;
	}

	public String siteName() {
		return this.properties.siteName();
	}

	/**
	 * The categories readers can browse (those with posts), in the editors' order, linking to
	 * their listings: the phone menu, the footer and the home page show them all; none while
	 * the database is away.
	 */
	public List<Link> categories() {
		return links(false);
	}

	/** The categories the header shows: those editors chose, with posts, in their order. */
	public List<Link> headerCategories() {
		return links(true);
	}

	private List<Link> links(boolean headerOnly) {
		try {
			return this.categories.withPosts()
				.stream()
				.filter((category) -> !headerOnly || category.inNavigation())
				.map((category) -> new Link(category.name(), category.path()))
				.toList();
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
			return this.tags.featured().tags().stream().map((tag) -> new Link(tag.name(), tag.path())).toList();
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			DegradedResponse.mark();
			return List.of();
		}
	}

	/**
	 * The validators of a page: what the chrome shows, and the page's own model, which is
	 * everything its template renders besides the chrome.
	 */
	public PageVersion versionOf(PageModel page) {
		return newVersion().with(page).changedAt(page.lastModified());
	}

	private PageVersion newVersion() {
		List<CategoryInfo> categories = this.categories.all();
		Tags.Featured featured = this.tags.featured();
		PageVersion version = PageVersion.start("page")
			.with(this.release, this.properties.siteName(), this.siteLocale.languageTag(), categories, featured.tags())
			.changedAt(featured.changedAt());
		categories.forEach((category) -> version.changedAt(category.updatedAt()));
		return version;
	}

}
