package dev.blogroll.listing;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.WebRequest;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.PageHead;
import dev.blogroll.web.PageHeads;

/**
 * The paged listings readers browse, one route per {@link ListingKind}: page 1 lives at the
 * listing's own URL, page N at {@code <listing>/page/N}. Each page's validators are made from
 * what it shows, before it is rendered.
 */
@Controller
@RequestMapping("/blog")
class ListingController {

	private final Listings listings;

	private final ListingQueries queries;

	private final SiteChrome chrome;

	private final PageHeads heads;

	private final int pageSize;

	ListingController(Listings listings, ListingQueries queries, SiteChrome chrome, PageHeads heads,
			BlogrollProperties properties) {
		this.listings = listings;
		this.queries = queries;
		this.chrome = chrome;
		this.heads = heads;
		this.pageSize = properties.pageSize();
	}

	@GetMapping({ "", "/page/{page}" })
	@Nullable String showAllPosts(@PathVariable(required = false) @Nullable String page, Model model,
			WebRequest request) {
		return render(this.listings.all(), page, model, request);
	}

	@GetMapping({ "/{slug}", "/{slug}/page/{page}" })
	@Nullable String showCategory(@PathVariable String slug, @PathVariable(required = false) @Nullable String page,
			Model model, WebRequest request) {
		return render(this.listings.resolve(ListingKind.CATEGORY, slug), page, model, request);
	}

	@GetMapping({ "/tag/{slug}", "/tag/{slug}/page/{page}" })
	@Nullable String showTag(@PathVariable String slug, @PathVariable(required = false) @Nullable String page,
			Model model, WebRequest request) {
		return render(this.listings.resolve(ListingKind.TAG, slug), page, model, request);
	}

	@GetMapping({ "/author/{slug}", "/author/{slug}/page/{page}" })
	@Nullable String showAuthor(@PathVariable String slug, @PathVariable(required = false) @Nullable String page,
			Model model, WebRequest request) {
		return render(this.listings.resolve(ListingKind.AUTHOR, slug), page, model, request);
	}

	@GetMapping({ "/source/{slug}", "/source/{slug}/page/{page}" })
	@Nullable String showBlog(@PathVariable String slug, @PathVariable(required = false) @Nullable String page,
			Model model, WebRequest request) {
		return render(this.listings.resolve(ListingKind.SOURCE, slug), page, model, request);
	}

	/**
	 * Renders one page of a listing, or answers 304 before rendering anything when the client
	 * already has what the page would show.
	 */
	private @Nullable String render(Listing listing, @Nullable String pageSegment, Model model, WebRequest request) {
		int page = (pageSegment == null) ? 1 : PageNumber.parse(pageSegment, listing.path());
		ListingStats stats = this.queries.stats(listing.filter());
		int last = (int) Math.max(1, (stats.total() + this.pageSize - 1) / this.pageSize);
		if (page > last) {
			throw new NotFoundException(listing.heading() + " has " + last + " pages, not " + page);
		}
		List<PostCard> cards = (stats.total() == 0) ? List.of()
				: this.queries.page(listing.filter(), page, this.pageSize);
		ListingPage shown = new ListingPage(listing, cards, new Pagination(listing.path(), page, last), stats.total(),
				stats.changed());
		if (this.chrome.versionOf(shown).isNotModified(request)) {
			return null;
		}
		model.addAttribute("listing", shown);
		model.addAttribute("breadcrumbs", this.listings.breadcrumbs(listing));
		model.addAttribute("currentSection", listing.path());
		model.addAttribute("pageHead", head(shown));
		return "listing/listing";
	}

	private PageHead head(ListingPage shown) {
		Pagination pagination = shown.pagination();
		Listing listing = shown.listing();
		String description = (shown.description() != null) ? shown.description() : shown.heading();
		if (pagination.current() > 1) {
			description += " " + this.listings.text("listing.pageOf", pagination.current(), pagination.last());
		}
		String prev = pagination.previousHref();
		String next = pagination.nextHref();
		return new PageHead(description, this.heads.absolute(pagination.href(pagination.current())), "website",
				this.heads.defaultImage(), (prev != null) ? this.heads.absolute(prev) : null,
				(next != null) ? this.heads.absolute(next) : null,
				listing.hasOwnFeeds() ? this.heads.feedsOf(listing.path(), listing.heading()) : List.of(),
				this.heads.jsonLd(List.of(this.heads.breadcrumbList(this.listings.breadcrumbs(listing)))));
	}

}
