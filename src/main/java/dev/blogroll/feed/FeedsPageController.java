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
import dev.blogroll.web.SitePaths;

/**
 * {@code /feeds}: every feed of the site, from the listing descriptors: every post, then
 * each category, tag and author that has posts, each with its Atom and RSS address.
 */
@Controller
class FeedsPageController {

	static final String DESCRIPTION = "Follow every post, a category, a tag or an author in your feed reader: the Atom "
			+ "and RSS feeds of this site.";

	private final Listings listings;

	private final SiteChrome chrome;

	private final PageHeads heads;

	FeedsPageController(Listings listings, SiteChrome chrome, PageHeads heads) {
		this.listings = listings;
		this.chrome = chrome;
		this.heads = heads;
	}

	@GetMapping("/feeds")
	@Nullable String showFeeds(Model model, WebRequest request) {
		FeedsPage page = new FeedsPage(List.of(group("Every post", ListingKind.ALL), group("Categories", ListingKind.CATEGORY),
				group("Tags", ListingKind.TAG), group("Authors", ListingKind.AUTHOR)));
		if (this.chrome.versionOf(page).isNotModified(request)) {
			return null;
		}
		String url = this.heads.absolute(SitePaths.feeds());
		List<Link> breadcrumbs = List.of(new Link("Home", SitePaths.home()), new Link("Feeds", SitePaths.feeds()));
		model.addAttribute("feeds", page);
		model.addAttribute("breadcrumbs", breadcrumbs);
		model.addAttribute("pageHead", new PageHead(DESCRIPTION, url, "website", this.heads.defaultImage(), null, null,
				List.of(), this.heads.jsonLd(List.of(this.heads.breadcrumbList(breadcrumbs)))));
		return "feed/feeds";
	}

	private Group group(String heading, ListingKind kind) {
		return new Group(heading, this.listings.withPosts(kind));
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
