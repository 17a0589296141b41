package dev.blogroll.post;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.blogroll.text.Markdown;
import dev.blogroll.text.ReadingTime;
import dev.blogroll.web.Link;
import dev.blogroll.web.PageModel;
import dev.blogroll.web.SiteLocale;

/**
 * Everything the post page renders besides the chrome; its validators are made from it.
 *
 * @param id the post's id
 * @param version the post's version
 * @param title its title
 * @param path its URL
 * @param category its category, linking to the category's listing
 * @param author its author, linking to the author's listing
 * @param publishedAt when it was published
 * @param displayDate the publication date as readers see it
 * @param summary the excerpt
 * @param body the Markdown body; null for a post aggregated from elsewhere that has none
 * @param imageUrl its image, if any
 * @param imageAlt the image's text alternative
 * @param sourceUrl the original, for a post first published elsewhere
 * @param tags its tags by name, linking to their listings
 * @param nearby the previous and next post in the category, and related posts
 * @param updatedAt when the post last changed
 * @param words the words Markdown adds to the body, in the site's language
 */
record PostPage(long id, long version, String title, String path, Link category, Link author, Instant publishedAt,
		String displayDate, String summary, @Nullable String body, @Nullable String imageUrl, String imageAlt,
		@Nullable String sourceUrl, List<Link> tags, NearbyPosts.Nearby nearby, Instant updatedAt,
		Markdown.Words words) implements PageModel {

	static PostPage of(Post post, NearbyPosts.Nearby nearby, SiteLocale site) {
		return new PostPage(post.getId(), post.getVersion(), post.getTitle(), post.getPath(),
				new Link(post.getCategory().getName(), post.getCategory().getPath()),
				new Link(post.getAuthor().getName(), post.getAuthor().getPath()), post.getPublishedAt(),
				site.date(post.getPublishedAt().atZone(site.zone()).toLocalDate()), post.getSummary(), post.getBody(),
				post.getImageUrl(), post.getImageAlt(), post.getSourceUrl(),
				post.getTagsByName().stream().map((tag) -> new Link(tag.getName(), tag.getPath())).toList(), nearby,
				post.getUpdatedAt(), site.markdownWords());
	}

	/**
	 * The publication time for {@code <time datetime>}: HTML allows one to three fractional
	 * digits, and a date read from a feed may have six.
	 */
	public String publishedAtForMachines() {
		return this.publishedAt.truncatedTo(ChronoUnit.MILLIS).toString();
	}

	/** What search engines and social sites show under the title: the excerpt, or the title if there is none. */
	public String description() {
		return this.summary.isBlank() ? this.title : this.summary;
	}

	/** Whether the post has a body of its own (an aggregated post may have only an excerpt). */
	public boolean hasBody() {
		return this.body != null;
	}

	/** The body as safe HTML; rendered when the template asks, after the validators are checked. */
	public @Nullable String bodyHtml() {
		return (this.body != null) ? Markdown.toSafeHtml(this.body, this.words) : null;
	}

	/** Minutes to read the body; null when the post has no body of its own. */
	public @Nullable Integer readingMinutes() {
		return (this.body != null) ? ReadingTime.minutes(this.body) : null;
	}

	/** The host name of the original, for "Read the full post on …"; null if none. */
	public @Nullable String sourceHost() {
		return (this.sourceUrl != null) ? URI.create(this.sourceUrl).getHost() : null;
	}

	/** A post that lives elsewhere: it has a source URL and no body of its own; its canonical is the original. */
	public boolean isAggregatedElsewhere() {
		return this.sourceUrl != null && this.body == null;
	}

	/** Home, Blog ({@code siteCrumbs}, worded in the site's language), the category and the post. */
	public List<Link> breadcrumbs(List<Link> siteCrumbs) {
		List<Link> crumbs = new ArrayList<>(siteCrumbs);
		crumbs.add(this.category);
		crumbs.add(new Link(this.title, this.path));
		return crumbs;
	}

	@Override
	public Instant lastModified() {
		Instant latest = this.updatedAt.isAfter(this.publishedAt) ? this.updatedAt : this.publishedAt;
		for (PostLink link : this.nearby.links()) {
			if (link.updatedAt().isAfter(latest)) {
				latest = link.updatedAt();
			}
		}
		return latest;
	}

}
