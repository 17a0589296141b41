package dev.blogroll.feed;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import dev.blogroll.listing.Listing;
import dev.blogroll.listing.ListingKind;
import dev.blogroll.listing.ListingQueries;
import dev.blogroll.listing.ListingStats;
import dev.blogroll.listing.Listings;
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

	private final Listings listings;

	private final FeedQueries feeds;

	private final ListingQueries listingQueries;

	private final FeedWriter writer;

	FeedController(Listings listings, FeedQueries feeds, ListingQueries listingQueries, FeedWriter writer) {
		this.listings = listings;
		this.feeds = feeds;
		this.listingQueries = listingQueries;
		this.writer = writer;
	}

	@GetMapping("/feed.{format:atom|rss}")
	@Nullable ResponseEntity<String> showAllPostsFeed(@PathVariable String format, WebRequest request) {
		return feed(this.listings.all(), format, request);
	}

	@GetMapping("/blog/{slug}/feed.{format:atom|rss}")
	@Nullable ResponseEntity<String> showCategoryFeed(@PathVariable String slug, @PathVariable String format,
			WebRequest request) {
		return feed(this.listings.resolve(ListingKind.CATEGORY, slug), format, request);
	}

	/** The feeds of tags, authors and every other kind whose URLs are {@code /blog/<word>/<slug>}. */
	@GetMapping("/blog/{word}/{slug}/feed.{format:atom|rss}")
	@Nullable ResponseEntity<String> showListingFeed(@PathVariable String word, @PathVariable String slug,
			@PathVariable String format, WebRequest request) {
		return feed(this.listings.resolve(ListingKind.byWord(word), slug), format, request);
	}

	private @Nullable ResponseEntity<String> feed(Listing listing, String format, WebRequest request) {
		ListingStats stats = this.listingQueries.stats(listing.filter());
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

}
