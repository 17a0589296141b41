package dev.blogroll.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.Link;
import dev.blogroll.web.PageHead;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.PageModel;
import dev.blogroll.web.SitePaths;

/**
 * The home page, built so that a reader sees posts on the first screen of a laptop and of a
 * phone: a one-sentence introduction, the newest posts, then each category's newest few with
 * a link to the category. No post is shown twice: a category's section leaves out the posts
 * already among the newest.
 */
@Controller
class HomeController {

	private static final int NEWEST = 6;

	/** Posts shown for each category, below the newest. */
	private static final int PER_CATEGORY = 3;

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
		List<PostCard> newest = this.queries.page(all, 1, NEWEST);
		HomePage home = new HomePage(newest, sections(newest), this.queries.stats(all).changed());
		if (this.chrome.versionOf(home).isNotModified(request)) {
			return null;
		}
		String url = this.heads.absolute(SitePaths.home());
		model.addAttribute("home", home);
		String description = this.listings.text("home.description");
		model.addAttribute("pageHead", new PageHead(description, url, "website", this.heads.defaultImage(), null, null,
				List.of(), this.heads.jsonLd(List.of(PageHeads.object("@type", "WebSite", "name",
						this.properties.siteName(), "url", url, "description", description, "inLanguage", this.heads.language())))));
		return "listing/home";
	}

	/** Each category's newest posts that are not among the newest of all, categories in the navigation's order. */
	private List<Section> sections(List<PostCard> newest) {
		Set<String> shown = new HashSet<>();
		newest.forEach((card) -> shown.add(card.path()));
		List<Section> sections = new ArrayList<>();
		this.queries.newestByCategory(PER_CATEGORY + NEWEST).forEach((path, cards) -> {
			List<PostCard> rest = cards.stream().filter((card) -> !shown.contains(card.path())).limit(PER_CATEGORY).toList();
			if (!rest.isEmpty()) {
				sections.add(new Section(new Link(cards.get(0).categoryName(), path), rest));
			}
		});
		return sections;
	}

	/**
	 * What the home page shows besides the chrome.
	 *
	 * @param cards the newest posts
	 * @param sections each category's newest posts besides those
	 * @param membershipChanged when a post last joined or left the blog
	 */
	record HomePage(List<PostCard> cards, List<Section> sections, @Nullable Instant membershipChanged)
			implements PageModel {

		@Override
		public @Nullable Instant lastModified() {
			Instant latest = PostCard.lastChange(this.membershipChanged, this.cards);
			for (Section section : this.sections) {
				latest = PostCard.lastChange(latest, section.cards());
			}
			return latest;
		}

	}

	/**
	 * A category's part of the home page.
	 *
	 * @param category the category, linking to its listing
	 * @param cards its newest posts not shown above
	 */
	record Section(Link category, List<PostCard> cards) {
	}

}
