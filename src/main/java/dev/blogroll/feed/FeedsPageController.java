package dev.blogroll.feed;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

import dev.blogroll.listing.Listing;
import dev.blogroll.listing.ListingKind;
import dev.blogroll.listing.Listings;
import dev.blogroll.listing.SiteChrome;
import dev.blogroll.web.Link;
import dev.blogroll.web.PageHead;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.PageModel;
import dev.blogroll.web.SiteLocale;
import dev.blogroll.web.SitePaths;

/**
 * {@code /feeds}: every feed of the site, from the listing descriptors: every post, then
 * each category, tag and author that has posts, each with its Atom and RSS address.
 */
@Controller
class FeedsPageController {

	private final Listings listings;

	private final SiteChrome chrome;

	private final PageHeads heads;

	private final SiteLocale siteLocale;

	FeedsPageController(Listings listings, SiteChrome chrome, PageHeads heads, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.listings = listings;
		this.chrome = chrome;
		this.heads = heads;
	}

	@GetMapping("/feeds")
	@Nullable String showFeeds(Model model, WebRequest request) {
		FeedsPage page = new FeedsPage(List.of(group("feeds.everyPost", ListingKind.ALL),
				group("feeds.categories", ListingKind.CATEGORY), group("feeds.tags", ListingKind.TAG),
				group("feeds.authors", ListingKind.AUTHOR)));
		if (this.chrome.versionOf(page).isNotModified(request)) {
			return null;
		}
		String url = this.heads.absolute(SitePaths.feeds());
		List<Link> breadcrumbs = List.of(new Link(this.siteLocale.text("breadcrumb.home"), SitePaths.home()),
				new Link(this.siteLocale.text("feeds.title"), SitePaths.feeds()));
		model.addAttribute("feeds", page);
		model.addAttribute("breadcrumbs", breadcrumbs);
		model.addAttribute("pageHead", new PageHead(this.siteLocale.text("feeds.description"), url, "website",
				this.heads.defaultImage(), null, null, List.of(), this.heads.jsonLd(List.of(this.heads.breadcrumbList(breadcrumbs)))));
		return "feed/feeds";
	}

	private Group group(String heading, ListingKind kind) {
		return new Group(this.siteLocale.text(heading), this.listings.withPosts(kind));
	}

	/**
	 * What the feeds page lists.
	 *
	 * @param groups the listings by kind
	 */
	record FeedsPage(List<Group> groups) implements PageModel {

		@Override
		public @Nullable Instant lastModified() {
			// names and slugs only: a change shows in the ETag, which clients send too
			return null;
		}

	}

	/**
	 * The feeds of one kind of listing.
	 *
	 * @param heading what the kind is called
	 * @param listings its listings with posts, in the order readers see them
	 */
	record Group(String heading, List<Listing> listings) {
	}

}
