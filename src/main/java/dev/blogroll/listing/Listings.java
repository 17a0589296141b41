package dev.blogroll.listing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.author.AuthorInfo;
import dev.blogroll.author.Authors;
import dev.blogroll.category.Categories;
import dev.blogroll.category.CategoryInfo;
import dev.blogroll.ingest.Blogs;
import dev.blogroll.listing.ListingKind.Subject;
import dev.blogroll.tag.TagInfo;
import dev.blogroll.tag.Tags;
import dev.blogroll.web.Link;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.SiteLocale;

/**
 * Finds the listing a URL names, for listing pages and feeds alike: an unknown category, tag,
 * author or blog is a 404; and lists the listings of a kind that have posts, for the feeds page.
 */
@Component
public class Listings implements ListingKind.Subjects {

	private final Categories categories;

	private final Tags tags;

	private final Authors authors;

	private final Blogs blogs;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SiteLocale siteLocale;

	private final PageHeads heads;

	Listings(Categories categories, Tags tags, Authors authors, Blogs blogs, JdbcClient jdbc, Clock clock,
			SiteLocale siteLocale, PageHeads heads) {
		this.siteLocale = siteLocale;
		this.heads = heads;
		this.categories = categories;
		this.tags = tags;
		this.authors = authors;
		this.blogs = blogs;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The listing of {@code kind} that {@code slug} names; the slug is ignored for every post. */
	public Listing resolve(ListingKind kind, String slug) {
		return new Listing(kind, kind.find(this, slug));
	}

	/** The listing of every post. */
	public Listing all() {
		return resolve(ListingKind.ALL, "");
	}

	/**
	 * Every listing of {@code kind} that has posts readers can see, in the order readers see
	 * them listed ({@link ListingKind#withPosts()}): named, without their descriptions.
	 */
	public List<Listing> withPosts(ListingKind kind) {
		return this.jdbc.sql(kind.withPosts())
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, row) -> new Listing(kind, new Subject(rs.getLong("id"), rs.getString("slug"),
					(kind == ListingKind.ALL) ? text("listing.all") : rs.getString("name"), "")))
			.list();
	}

	@Override
	public Subject category(String slug) {
		CategoryInfo category = this.categories.get(slug);
		return new Subject(category.id(), category.slug(), category.name(), category.description());
	}

	@Override
	public Subject tag(String slug) {
		TagInfo tag = this.tags.get(slug);
		return new Subject(tag.id(), tag.slug(), tag.name(), "");
	}

	@Override
	public Subject author(String slug) {
		AuthorInfo author = this.authors.get(slug);
		return new Subject(author.id(), author.slug(), author.name(), author.bio(), author.avatarUrl(), null);
	}

	@Override
	public Subject source(String slug) {
		Blogs.Blog blog = this.blogs.get(slug);
		String description = blog.description().isBlank() ? text("listing.source.description", blog.name())
				: blog.description();
		return new Subject(blog.id(), blog.slug(), blog.name(), description, null, blog.siteUrl());
	}

	@Override
	public String text(String code, Object... args) {
		return this.siteLocale.text(code, args);
	}

	/** Home, Blog and, for anything but every post, the listing itself. */
	public List<Link> breadcrumbs(Listing listing) {
		List<Link> breadcrumbs = new ArrayList<>(this.heads.siteCrumbs());
		if (listing.kind() != ListingKind.ALL) {
			breadcrumbs.add(new Link(listing.heading(), listing.path()));
		}
		return breadcrumbs;
	}

}
