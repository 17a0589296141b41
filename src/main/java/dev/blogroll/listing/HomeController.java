package dev.blogroll.listing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.PageHead;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.PageModel;
import dev.blogroll.web.SitePaths;

/**
 * The home page: what Blogroll is, the newest posts, and the way into the blog.
 */
@Controller
class HomeController {

	private static final int NEWEST = 6;

	static final String DESCRIPTION = "The best engineering writing from around the web, by category, tag and author.";

	private final Listings listings;

	private final ListingQueries queries;

	private final SiteChrome chrome;

	private final PageHeads heads;

	private final BlogrollProperties properties;

	HomeController(Listings listings, ListingQueries queries, SiteChrome chrome, PageHeads heads,
			BlogrollProperties properties) {
		this.listings = listings;
		this.queries = queries;
		this.chrome = chrome;
		this.heads = heads;
		this.properties = properties;
	}

	@GetMapping("/")
	@Nullable String showHome(Model model, WebRequest request) {
		ListingFilter all = this.listings.all().filter();
		HomePage home = new HomePage(this.queries.page(all, 1, NEWEST), this.queries.stats(all).changed());
		if (this.chrome.versionOf(home).isNotModified(request)) {
			return null;
		}
		String url = this.heads.absolute(SitePaths.home());
		model.addAttribute("home", home);
		model.addAttribute("pageHead", new PageHead(DESCRIPTION, url, "website", this.heads.defaultImage(), null, null,
				List.of(), this.heads.jsonLd(List.of(PageHeads.object("@type", "WebSite", "name",
						this.properties.siteName(), "url", url, "description", DESCRIPTION)))));
		return "home";
	}

	/**
	 * What the home page shows besides the chrome.
	 *
	 * @param cards the newest posts
	 * @param membershipChanged when a post last joined or left the blog
	 */
	record HomePage(List<PostCard> cards, @Nullable Instant membershipChanged) implements PageModel {

		@Override
		public @Nullable Instant lastModified() {
			return PostCard.lastChange(this.membershipChanged, this.cards);
		}

	}

}
