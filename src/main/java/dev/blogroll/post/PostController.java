package dev.blogroll.post;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.tag.Tag;
import dev.blogroll.text.Dates;
import dev.blogroll.text.Markdown;
import dev.blogroll.web.GoneException;
import dev.blogroll.text.ReadingTime;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.PageVersion;
import dev.blogroll.web.PermanentRedirect;
import dev.blogroll.web.SiteChrome;
import dev.blogroll.web.SiteChrome.Link;

/**
 * The page of one post, at {@code /blog/<category>/<slug>}, with its reading time, the
 * previous and next post in its category and related posts. A post asked for under another
 * category or a former slug is redirected to its own URL; a trashed post is 410 Gone. Its
 * validators come from the post's version and what the page shows of its category, author
 * and tags, before the Markdown is rendered.
 */
@Controller
class PostController {

	private final PostRepository posts;

	private final NearbyPosts nearbyPosts;

	private final Clock clock;

	private final SiteChrome chrome;

	private final PageHeads heads;

	private final BlogrollProperties properties;

	PostController(PostRepository posts, NearbyPosts nearbyPosts, Clock clock, SiteChrome chrome, PageHeads heads,
			BlogrollProperties properties) {
		this.posts = posts;
		this.nearbyPosts = nearbyPosts;
		this.clock = clock;
		this.chrome = chrome;
		this.heads = heads;
		this.properties = properties;
	}

	/** The post that had this slug before an editor changed it, or a 404. */
	private Post formerlyNamed(String slug) {
		return this.posts.findIdByOldSlug(slug)
			.flatMap(this.posts::findWithEverythingById)
			.orElseThrow(() -> new NotFoundException("There is no post " + slug));
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
		if (version(post).isNotModified(request)) {
			return null;
		}
		String bodyHtml = (post.getBody() != null) ? Markdown.toSafeHtml(post.getBody()) : null;
		String date = Dates.display(post.getPublishedAt().atZone(this.properties.timeZone()).toLocalDate());
		List<Link> breadcrumbs = List.of(new Link("Home", "/"), new Link("Blog", "/blog"),
				new Link(post.getCategory().getName(), post.getCategory().getPath()),
				new Link(post.getTitle(), post.getPath()));
		Integer readingMinutes = (post.getBody() != null) ? ReadingTime.minutes(post.getBody()) : null;
		model.addAttribute("page", new PostPage(post, bodyHtml, date, readingMinutes, this.nearbyPosts.around(post)));
		model.addAttribute("breadcrumbs", breadcrumbs);
		model.addAttribute("pageHead", new PostHead(this.heads).of(post, breadcrumbs));
		return "post/post";
	}

	/** The post's version covers its own fields; names of category, author and tags may change apart. */
	private PageVersion version(Post post) {
		PageVersion version = this.chrome.newVersion()
			.with(post.getId(), post.getVersion(), post.getUpdatedAt(), post.getCategory().getSlug(),
					post.getCategory().getName(), post.getAuthor().getSlug(), post.getAuthor().getName())
			.changedAt(post.getUpdatedAt())
			.changedAt(post.getPublishedAt());
		for (Tag tag : post.getTagsByName()) {
			version.with(tag.getSlug(), tag.getName());
		}
		return version;
	}

}
