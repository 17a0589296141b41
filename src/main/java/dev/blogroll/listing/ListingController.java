package dev.blogroll.listing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.WebRequest;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.author.Author;
import dev.blogroll.author.AuthorRepository;
import dev.blogroll.tag.Tag;
import dev.blogroll.tag.TagRepository;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.PageHead;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.PageVersion;
import dev.blogroll.web.SiteChrome;
import dev.blogroll.web.SiteChrome.Link;

/**
 * The paged listings readers browse: every post, and the posts of one category, tag or
 * author. Page 1 lives at the listing's own URL, page N at {@code <listing>/page/N}. Each
 * page's validators are computed from what it shows, before it is rendered.
 */
@Controller
@RequestMapping("/blog")
class ListingController {

	private static final Link HOME = new Link("Home", "/");

	private static final Link BLOG = new Link("Blog", "/blog");

	private final ListingQueries queries;

	private final TagRepository tags;

	private final AuthorRepository authors;

	private final SiteChrome chrome;

	private final PageHeads heads;

	private final int pageSize;

	ListingController(ListingQueries queries, TagRepository tags,
			AuthorRepository authors, SiteChrome chrome, PageHeads heads, BlogrollProperties properties) {
		this.chrome = chrome;
		this.heads = heads;
		this.queries = queries;
		this.tags = tags;
		this.authors = authors;
		this.pageSize = properties.pageSize();
	}

	@GetMapping({ "", "/page/{page}" })
	@Nullable String showAllPosts(@PathVariable(required = false) @Nullable String page, Model model,
			WebRequest request) {
		return render(new ListingFilter.All(), "/blog", "All posts", "Every post on the blog, newest first.", page,
				model, request);
	}

	@GetMapping({ "/{category}", "/{category}/page/{page}" })
	@Nullable String showCategory(@PathVariable("category") String slug, @PathVariable(required = false) @Nullable String page,
			Model model,
			WebRequest request) {
		SiteChrome.Category category = this.chrome.category(slug);
		return render(new ListingFilter.ByCategory(category.id()), category.path(), category.name(),
				category.description(), page, model, request);
	}

	@GetMapping({ "/tag/{tag}", "/tag/{tag}/page/{page}" })
	@Nullable String showTag(@PathVariable("tag") String slug, @PathVariable(required = false) @Nullable String page,
			Model model,
			WebRequest request) {
		Tag tag = this.tags.getBySlug(slug);
		return render(new ListingFilter.ByTag(tag.getId()), tag.getPath(), tag.getName(),
				"Posts tagged “" + tag.getName() + "”.", page, model, request);
	}

	@GetMapping({ "/author/{author}", "/author/{author}/page/{page}" })
	@Nullable String showAuthor(@PathVariable("author") String slug, @PathVariable(required = false) @Nullable String page,
			Model model,
			WebRequest request) {
		Author author = this.authors.getBySlug(slug);
		return render(new ListingFilter.ByAuthor(author.getId()), author.getPath(), author.getName(),
				"Posts by " + author.getName() + ".", page, model, request);
	}

	/**
	 * Renders one page of a listing, or answers 304 before rendering anything when the client
	 * already has what the page would show.
	 */
	private @Nullable String render(ListingFilter filter, String basePath, String heading,
			@Nullable String description, @Nullable String pageSegment, Model model, WebRequest request) {
		int page = (pageSegment == null) ? 1 : PageNumber.parse(pageSegment, basePath);
		ListingStats stats = this.queries.stats(filter);
		int last = (int) Math.max(1, (stats.total() + this.pageSize - 1) / this.pageSize);
		if (page > last) {
			throw new NotFoundException(heading + " has " + last + " pages, not " + page);
		}
		List<PostCard> cards = (stats.total() == 0) ? List.of() : this.queries.page(filter, page, this.pageSize);
		Listing listing = new Listing(heading, description, cards, new Pagination(basePath, page, last));
		PageVersion version = this.chrome.newVersion().with(listing).changedAt(stats.changed());
		cards.forEach((card) -> version.changedAt(card.updatedAt()));
		if (version.isNotModified(request)) {
			return null;
		}
		List<Link> breadcrumbs = new ArrayList<>(List.of(HOME, BLOG));
		if (!(filter instanceof ListingFilter.All)) {
			breadcrumbs.add(new Link(heading, basePath));
		}
		model.addAttribute("listing", listing);
		model.addAttribute("breadcrumbs", breadcrumbs);
		model.addAttribute("pageHead", head(listing, breadcrumbs));
		return "listing/listing";
	}

	private PageHead head(Listing listing, List<Link> breadcrumbs) {
		Pagination pagination = listing.pagination();
		String description = (listing.description() != null && !listing.description().isBlank())
				? listing.description() : listing.heading();
		if (pagination.current() > 1) {
			description += " Page " + pagination.current() + " of " + pagination.last() + ".";
		}
		String prev = pagination.previousHref();
		String next = pagination.nextHref();
		return new PageHead(description, this.heads.absolute(pagination.href(pagination.current())), "website",
				this.heads.defaultImage(), (prev != null) ? this.heads.absolute(prev) : null,
				(next != null) ? this.heads.absolute(next) : null,
				"/blog".equals(pagination.basePath()) ? List.of()
						: this.heads.feedsOf(pagination.basePath(), listing.heading()),
				this.heads.jsonLd(List.of(this.heads.breadcrumbList(breadcrumbs))));
	}

}
