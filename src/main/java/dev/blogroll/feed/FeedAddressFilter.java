package dev.blogroll.feed;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.blogroll.listing.Listing;
import dev.blogroll.listing.ListingKind;
import dev.blogroll.listing.Listings;
import dev.blogroll.web.ErrorPages;
import dev.blogroll.web.FilterOrder;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteFilter;
import dev.blogroll.web.SitePaths;

/**
 * The addresses feed readers and people try for a feed, under any listing: {@code /feed},
 * {@code /rss}, {@code /atom.xml}, {@code /index.xml} and the others of
 * {@link SitePaths#FEED_ALIASES}, with or without a trailing slash, answer 301 straight to the
 * listing's Atom or RSS feed ({@link Listing#feedPath}), or 404 for a listing that does not
 * exist. One rule per URL shape, whatever the kind of listing:
 * <ul>
 * <li>{@code /<alias>} and {@code /blog/<alias>}: every post;
 * <li>{@code /blog/<category>/<alias>}: a category;
 * <li>{@code /blog/<word>/<slug>/<alias>}: a tag, an author, any kind with a URL word.
 * </ul>
 * A filter rather than routes: a route ending in a variable ({@code /blog/{slug}/{alias}})
 * ties with the post's ({@code /blog/{category}/{slug}}) and a literal one
 * ({@code /blog/{slug}/rss}) with a tag's ({@code /blog/tag/{slug}}, a tag called "RSS"), and
 * Spring MVC answers a tie with a 500. Here {@code /blog/tag/rss} is plainly the tag's listing.
 * Posts may not take these slugs ({@code PostRules.RESERVED_SLUGS}), nor categories.
 */
@Component
@Order(FilterOrder.FEED_ADDRESSES)
class FeedAddressFilter extends SiteFilter {

	private final Listings listings;

	FeedAddressFilter(Listings listings) {
		this.listings = listings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		boolean readOnly = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		return !readOnly || !SitePaths.endsInFeedAlias(request.getServletPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getServletPath();
		String format = SitePaths.FEED_ALIASES.get(SitePaths.lastSegment(path));
		try {
			Listing listing = listingOf(parentOf(path));
			if (listing == null) {
				chain.doFilter(request, response);
				return;
			}
			response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
			response.setHeader(HttpHeaders.LOCATION, listing.feedPath(format));
		}
		catch (NotFoundException ex) {
			ErrorPages.send(request, response, HttpServletResponse.SC_NOT_FOUND, ex.getMessage());
		}
	}

	/** The listing whose address is {@code parent}, or null if {@code parent} is no listing's shape. */
	private @Nullable Listing listingOf(String parent) {
		String[] segments = parent.isEmpty() ? new String[0] : parent.substring(1).split("/", -1);
		if (segments.length == 0 || (segments.length == 1 && segments[0].equals("blog"))) {
			return this.listings.all();
		}
		if (!segments[0].equals("blog")) {
			return null;
		}
		if (segments.length == 2 && !ListingKind.isWord(segments[1])) {
			return this.listings.resolve(ListingKind.CATEGORY, segments[1]);
		}
		if (segments.length == 3 && ListingKind.isWord(segments[1])) {
			return this.listings.resolve(ListingKind.byWord(segments[1]), segments[2]);
		}
		// /blog/tag/rss is the tag "rss"; /blog/engineering/a-post/feed has no feed
		return null;
	}

	/** The path without its last segment and trailing slashes: {@code /blog/engineering} of {@code /blog/engineering/rss/}. */
	private static String parentOf(String path) {
		String segment = SitePaths.lastSegment(path);
		String trimmed = path.substring(0, path.lastIndexOf(segment));
		int end = trimmed.length();
		while (end > 0 && trimmed.charAt(end - 1) == '/') {
			end--;
		}
		return trimmed.substring(0, end);
	}

}
