package dev.blogroll.feed;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import dev.blogroll.author.Author;
import dev.blogroll.author.AuthorRepository;
import dev.blogroll.category.Category;
import dev.blogroll.category.CategoryRepository;
import dev.blogroll.listing.ListingFilter;
import dev.blogroll.listing.ListingQueries;
import dev.blogroll.listing.ListingStats;
import dev.blogroll.tag.Tag;
import dev.blogroll.tag.TagRepository;
import dev.blogroll.web.PageVersion;

/**
 * Atom 1.0 and RSS 2.0 feeds of the 20 newest posts of every listing: {@code /feed.atom},
 * {@code /blog/engineering/feed.rss}, {@code /blog/tag/api-gateway/feed.atom},
 * {@code /blog/author/marco-palladino/feed.rss}. Validators come from the entries, before
 * the XML is written.
 */
@Controller
class FeedController {

	static final int ENTRIES = 20;

	private final FeedQueries feeds;

	private final ListingQueries listings;

	private final FeedWriter writer;

	private final CategoryRepository categories;

	private final TagRepository tags;

	private final AuthorRepository authors;

	FeedController(FeedQueries feeds, ListingQueries listings, FeedWriter writer, CategoryRepository categories,
			TagRepository tags, AuthorRepository authors) {
		this.feeds = feeds;
		this.listings = listings;
		this.writer = writer;
		this.categories = categories;
		this.tags = tags;
		this.authors = authors;
	}

	@GetMapping("/feed.{format:atom|rss}")
	@Nullable ResponseEntity<String> showAllPostsFeed(@PathVariable String format, WebRequest request) {
		return feed(new Listing(new ListingFilter.All(), "/blog", "All posts", "Every post on the blog, newest first."),
				format, request);
	}

	@GetMapping("/blog/{category}/feed.{format:atom|rss}")
	@Nullable ResponseEntity<String> showCategoryFeed(@PathVariable("category") String slug,
			@PathVariable String format, WebRequest request) {
		Category category = this.categories.getBySlug(slug);
		return feed(new Listing(new ListingFilter.ByCategory(category.getId()), category.getPath(),
				category.getName(), category.getDescription()), format, request);
	}

	@GetMapping("/blog/tag/{tag}/feed.{format:atom|rss}")
	@Nullable ResponseEntity<String> showTagFeed(@PathVariable("tag") String slug, @PathVariable String format,
			WebRequest request) {
		Tag tag = this.tags.getBySlug(slug);
		return feed(new Listing(new ListingFilter.ByTag(tag.getId()), tag.getPath(), tag.getName(),
				"Posts tagged “" + tag.getName() + "”."), format, request);
	}

	@GetMapping("/blog/author/{author}/feed.{format:atom|rss}")
	@Nullable ResponseEntity<String> showAuthorFeed(@PathVariable("author") String slug, @PathVariable String format,
			WebRequest request) {
		Author author = this.authors.getBySlug(slug);
		return feed(new Listing(new ListingFilter.ByAuthor(author.getId()), author.getPath(), author.getName(),
				"Posts by " + author.getName() + "."), format, request);
	}

	private @Nullable ResponseEntity<String> feed(Listing listing, String format, WebRequest request) {
		ListingStats stats = this.listings.stats(listing.filter());
		List<FeedEntry> entries = this.feeds.newest(listing.filter(), ENTRIES);
		PageVersion version = PageVersion.start(format).with(listing, entries).changedAt(stats.changed());
		entries.forEach((entry) -> version.changedAt(entry.updatedAt()));
		if (version.isNotModified(request)) {
			return null;
		}
		boolean atom = "atom".equals(format);
		String xml = this.writer.write(listing, entries, atom, version.lastModified());
		MediaType type = MediaType.parseMediaType((atom ? "application/atom+xml" : "application/rss+xml") + ";charset=UTF-8");
		return ResponseEntity.ok().contentType(type).body(xml);
	}

	/**
	 * The listing a feed follows.
	 *
	 * @param filter which posts
	 * @param path the listing's page 1
	 * @param name its name
	 * @param description what it is about
	 */
	record Listing(ListingFilter filter, String path, String name, String description) {
	}

}
