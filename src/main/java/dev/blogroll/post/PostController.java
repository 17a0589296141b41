package dev.blogroll.post;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.listing.SiteChrome;
import dev.blogroll.web.GoneException;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.PermanentRedirect;
import dev.blogroll.web.SiteLocale;

/**
 * The page of one post, at {@code /blog/<category>/<slug>}, with its reading time, the
 * previous and next post in its category and related posts. A post asked for under another
 * category or a former slug is redirected to its own URL; a trashed post is 410 Gone. Its
 * validators are made from everything the page shows ({@link PostPage}), neighbours included,
 * before the Markdown is rendered.
 */
@Controller
class PostController {

	private final PostRepository posts;

	private final NearbyPosts nearbyPosts;

	private final Clock clock;

	private final SiteChrome chrome;

	private final PostHead head;

	private final BlogrollProperties properties;

	private final PageHeads heads;

	private final SiteLocale siteLocale;

	PostController(PostRepository posts, NearbyPosts nearbyPosts, Clock clock, SiteChrome chrome, PageHeads heads,
			BlogrollProperties properties, SiteLocale siteLocale) {
		this.heads = heads;
		this.siteLocale = siteLocale;
		this.posts = posts;
		this.nearbyPosts = nearbyPosts;
		this.clock = clock;
		this.chrome = chrome;
		this.head = new PostHead(heads);
		this.properties = properties;
	}

	@GetMapping("/blog/{category}/{slug}")
	@Transactional(readOnly = true)
	@Nullable String showPost(@PathVariable String category, @PathVariable String slug, Model model,
			WebRequest request) {
		Post post = this.posts.findBySlug(slug).orElseGet(() -> formerlyNamed(slug));
		if (post.isTrashed()) {
			throw new GoneException("The post " + slug + " was removed");
		}
		if (!post.isVisibleAt(this.clock.instant())) {
			throw new NotFoundException("There is no post " + slug);
		}
		if (!post.getSlug().equals(slug) || !post.getCategory().getSlug().equals(category)) {
			throw new PermanentRedirect(post.getPath());
		}
		PostPage page = PostPage.of(post, this.nearbyPosts.around(post), this.siteLocale);
		if (this.chrome.versionOf(page).isNotModified(request)) {
			return null;
		}
		model.addAttribute("page", page);
		model.addAttribute("breadcrumbs", page.breadcrumbs(this.heads.siteCrumbs()));
		// the header marks the post's category as where the reader is
		model.addAttribute("currentSection", page.category().href());
		model.addAttribute("currentAria", "true");
		model.addAttribute("pageHead", this.head.of(page));
		return "post/post";
	}

	/** The post that had this slug before an editor changed it, or a 404. */
	private Post formerlyNamed(String slug) {
		return this.posts.findIdByOldSlug(slug)
			.flatMap(this.posts::findWithEverythingById)
			.orElseThrow(() -> new NotFoundException("There is no post " + slug));
	}

}
