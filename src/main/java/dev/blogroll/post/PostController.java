package dev.blogroll.post;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.text.Dates;
import dev.blogroll.text.Markdown;
import dev.blogroll.text.ReadingTime;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.PermanentRedirect;
import dev.blogroll.web.SiteChrome.Link;

/**
 * The page of one post, at {@code /blog/<category>/<slug>}, with its reading time, the
 * previous and next post in its category and related posts. A post asked for under another
 * category is redirected to its own URL.
 */
@Controller
class PostController {

	private final PostRepository posts;

	private final NearbyPosts nearbyPosts;

	private final Clock clock;

	private final BlogrollProperties properties;

	PostController(PostRepository posts, NearbyPosts nearbyPosts, Clock clock, BlogrollProperties properties) {
		this.posts = posts;
		this.nearbyPosts = nearbyPosts;
		this.clock = clock;
		this.properties = properties;
	}

	@GetMapping("/blog/{category}/{slug}")
	@Transactional(readOnly = true)
	String showPost(@PathVariable String category, @PathVariable String slug, Model model) {
		Post post = this.posts.findBySlug(slug)
			.filter((found) -> found.isVisibleAt(this.clock.instant()))
			.orElseThrow(() -> new NotFoundException("There is no post " + slug));
		if (!post.getCategory().getSlug().equals(category)) {
			throw new PermanentRedirect(post.getPath());
		}
		String bodyHtml = (post.getBody() != null) ? Markdown.toSafeHtml(post.getBody()) : null;
		String date = Dates.display(post.getPublishedAt().atZone(this.properties.timeZone()).toLocalDate());
		List<Link> breadcrumbs = List.of(new Link("Home", "/"), new Link("Blog", "/blog"),
				new Link(post.getCategory().getName(), post.getCategory().getPath()),
				new Link(post.getTitle(), post.getPath()));
		Integer readingMinutes = (post.getBody() != null) ? ReadingTime.minutes(post.getBody()) : null;
		model.addAttribute("page", new PostPage(post, bodyHtml, date, readingMinutes, this.nearbyPosts.around(post)));
		model.addAttribute("breadcrumbs", breadcrumbs);
		return "post/post";
	}

}
