package dev.blogroll.listing;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.PageHead;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.PageVersion;
import dev.blogroll.web.SiteChrome;

/**
 * The home page: what Blogroll is, the newest posts, and the way into the blog.
 */
@Controller
class HomeController {

	private static final int NEWEST = 6;

	static final String DESCRIPTION = "The best engineering writing from around the web, by category, tag and author.";

	private final ListingQueries queries;

	private final SiteChrome chrome;

	private final PageHeads heads;

	private final BlogrollProperties properties;

	HomeController(ListingQueries queries, SiteChrome chrome, PageHeads heads, BlogrollProperties properties) {
		this.queries = queries;
		this.chrome = chrome;
		this.heads = heads;
		this.properties = properties;
	}

	@GetMapping("/")
	@Nullable String showHome(Model model, WebRequest request) {
		ListingFilter all = new ListingFilter.All();
		ListingStats stats = this.queries.stats(all);
		List<PostCard> cards = this.queries.page(all, 1, NEWEST);
		PageVersion version = this.chrome.newVersion().with(cards).changedAt(stats.changed());
		cards.forEach((card) -> version.changedAt(card.updatedAt()));
		if (version.isNotModified(request)) {
			return null;
		}
		String home = this.heads.absolute("/");
		model.addAttribute("cards", cards);
		model.addAttribute("pageHead", new PageHead(DESCRIPTION, home, "website", this.heads.defaultImage(), null, null,
				List.of(), this.heads.jsonLd(List.of(PageHeads.object("@type", "WebSite", "name",
						this.properties.siteName(), "url", home, "description", DESCRIPTION)))));
		return "home";
	}

}
