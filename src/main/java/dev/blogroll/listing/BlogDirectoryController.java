package dev.blogroll.listing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.ingest.Blogs;
import dev.blogroll.web.Link;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.PageHead;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.SiteLocale;
import dev.blogroll.web.SitePaths;

/**
 * The Blogs directory, {@code /blog/sources}: every blog Blogroll follows, by name, with its
 * page here, its own site, how many of its posts readers can see and when the newest was
 * published; {@value #PAGE_SIZE} a page.
 */
@Controller
class BlogDirectoryController {

	static final int PAGE_SIZE = 100;

	private final Blogs blogs;

	private final PageHeads heads;

	private final BlogrollProperties properties;

	private final SiteLocale siteLocale;

	BlogDirectoryController(Blogs blogs, PageHeads heads, BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.blogs = blogs;
		this.heads = heads;
		this.properties = properties;
	}

	@GetMapping({ SitePaths.BLOGS, SitePaths.BLOGS + "/page/{page}" })
	String showBlogs(@PathVariable(required = false) @Nullable String page, Model model) {
		int current = (page == null) ? 1 : PageNumber.parse(page, SitePaths.BLOGS);
		long count = this.blogs.count();
		int last = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
		if (current > last) {
			throw new NotFoundException("The directory of blogs has " + last + " pages, not " + current);
		}
		List<Row> rows = this.blogs.directory(current, PAGE_SIZE)
			.stream()
			.map((blog) -> new Row(blog.name(), blog.path(), blog.siteUrl(), blog.posts(),
					(blog.newest() != null) ? blog.newest().atZone(this.properties.timeZone()).toLocalDate().toString() : null,
					(blog.newest() != null)
							? this.siteLocale.date(blog.newest().atZone(this.properties.timeZone()).toLocalDate()) : null))
			.toList();
		Pagination pagination = new Pagination(SitePaths.BLOGS, current, last);
		List<Link> breadcrumbs = new ArrayList<>(this.heads.siteCrumbs());
		String blogsName = this.siteLocale.text("blogs.title");
		breadcrumbs.add(new Link(blogsName, SitePaths.BLOGS));
		String title = (current == 1) ? blogsName : this.siteLocale.text("listing.pageTitle", blogsName, current, last);
		String description = this.siteLocale.text("blogs.description", count, this.properties.siteName())
				+ ((current > 1) ? " " + this.siteLocale.text("listing.pageOf", current, last) : "");
		String prev = pagination.previousHref();
		String next = pagination.nextHref();
		model.addAttribute("title", title);
		model.addAttribute("blogs", rows);
		model.addAttribute("count", count);
		model.addAttribute("pagination", pagination);
		model.addAttribute("breadcrumbs", breadcrumbs);
		model.addAttribute("pageHead", new PageHead(description, this.heads.absolute(pagination.href(current)),
				"website", this.heads.defaultImage(), (prev != null) ? this.heads.absolute(prev) : null,
				(next != null) ? this.heads.absolute(next) : null, List.of(),
				this.heads.jsonLd(List.of(this.heads.breadcrumbList(breadcrumbs)))));
		return "listing/blogs";
	}

	/**
	 * A line of the directory.
	 *
	 * @param name the blog's name
	 * @param path its page here
	 * @param siteUrl its own site
	 * @param posts how many of its posts readers can see
	 * @param newestDate the date of its newest post, ISO, for {@code <time datetime>}; null if none
	 * @param newestDisplay the same date as readers read it
	 */
	record Row(String name, String path, String siteUrl, long posts, @Nullable String newestDate,
			@Nullable String newestDisplay) {
	}

}
