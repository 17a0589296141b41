package dev.blogroll.listing;

import org.jspecify.annotations.Nullable;

import dev.blogroll.listing.ListingKind.Subject;
import dev.blogroll.web.SitePaths;

/**
 * One listing readers can browse (every post, a category, a tag, an author), as its pages,
 * feeds and sitemap entry describe it: resolved from a kind and a slug by {@link Listings}.
 *
 * @param kind what kind of listing it is
 * @param subject what it is about
 */
public record Listing(ListingKind kind, Subject subject) {

	/** Which posts it shows. */
	public ListingFilter filter() {
		return this.kind.filter(this.subject);
	}

	/** Its first page, e.g. {@code /blog/engineering}. */
	public String path() {
		return this.kind.path(this.subject.slug());
	}

	/** What its pages and feeds are called: "Engineering", "All posts". */
	public String heading() {
		return this.subject.name();
	}

	/** The text under the heading; may be empty. */
	public String description() {
		return this.subject.description();
	}

	/** Its picture (an author's avatar), an https address, or null. */
	public @Nullable String image() {
		return this.subject.image();
	}

	/** Its feed in {@code atom} or {@code rss}. */
	public String feedPath(String format) {
		return SitePaths.feed(path(), format);
	}

	/** Its Atom feed: where the addresses feed readers guess ({@code <listing>/feed}, {@code /rss}) lead. */
	public String atomFeedPath() {
		return feedPath("atom");
	}

	/** Its RSS feed. */
	public String rssFeedPath() {
		return feedPath("rss");
	}

	/**
	 * Whether its pages name its feeds in their head: every page already names the feeds of
	 * every post, so the listing of every post adds none of its own.
	 */
	public boolean hasOwnFeeds() {
		return this.kind != ListingKind.ALL;
	}

}
