package dev.blogroll.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every public URL of the site, built in one place. Readers' URLs are
 * <ul>
 * <li>{@code /blog} (every post) and {@code /blog/<category>}, a category;
 * <li>{@code /blog/<word>/<slug>} for the other listings ({@code /blog/tag/api-gateway},
 * {@code /blog/author/marco-palladino}, {@code /blog/source/martin-fowler});
 * <li>{@code /blog/sources}, the directory of blogs;
 * <li>{@code <listing>/page/N} for page N of a listing, page 1 being the listing itself;
 * <li>{@code <listing>/feed.atom} and {@code .rss}, except the feeds of every post, which are
 * {@code /feed.atom} and {@code /feed.rss};
 * <li>{@code /blog/<category>/<post>} for a post;
 * <li>{@code /feeds}, every feed of the site.
 * </ul>
 * Statements return slugs, never URLs; view models call these methods, and templates use the
 * paths the view models give them.
 */
public final class SitePaths {

	/** The listing of every post, page 1. */
	public static final String BLOG = "/blog";

	/** The Blogs directory, every blog Blogroll follows. */
	public static final String BLOGS = "/blog/sources";

	private SitePaths() {
	}

	public static String home() {
		return "/";
	}

	/** A category's listing, e.g. {@code /blog/engineering}. */
	public static String category(String slug) {
		return BLOG + "/" + slug;
	}

	/** A tag's listing, e.g. {@code /blog/tag/api-gateway}. */
	public static String tag(String slug) {
		return listing("tag", slug);
	}

	/** An author's listing, e.g. {@code /blog/author/marco-palladino}. */
	public static String author(String slug) {
		return listing("author", slug);
	}

	/**
	 * The listing named by a URL word and a slug: {@code /blog/<word>/<slug>}; with no word, a
	 * category's listing.
	 */
	public static String listing(@Nullable String word, String slug) {
		return (word == null) ? category(slug) : BLOG + "/" + word + "/" + slug;
	}

	/** A blog's listing, e.g. {@code /blog/source/martin-fowler}. */
	public static String blog(String slug) {
		return listing("source", slug);
	}

	/** A post's only URL, e.g. {@code /blog/engineering/kong-gateway-tutorial}. */
	public static String post(String categorySlug, String slug) {
		return category(categorySlug) + "/" + slug;
	}

	/** Page {@code page} of the listing whose first page is {@code listingPath}. */
	public static String page(String listingPath, int page) {
		return (page == 1) ? listingPath : listingPath + "/page/" + page;
	}

	/** A feed of the listing at {@code listingPath}; {@code format} is {@code atom} or {@code rss}. */
	public static String feed(String listingPath, String format) {
		return (BLOG.equals(listingPath) ? "" : listingPath) + "/feed." + format;
	}

	/**
	 * Search results: only the parameters in use, encoded; page 1 has no {@code page}
	 * parameter.
	 */
	public static String search(String query, @Nullable String categorySlug, @Nullable String tagSlug) {
		StringBuilder url = new StringBuilder("/search");
		char separator = '?';
		if (!query.isEmpty()) {
			url.append(separator).append("q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
			separator = '&';
		}
		if (categorySlug != null) {
			url.append(separator).append("category=").append(categorySlug);
			separator = '&';
		}
		if (tagSlug != null) {
			url.append(separator).append("tag=").append(tagSlug);
		}
		return url.toString();
	}

	/**
	 * The addresses feed readers and people try for a listing's feed, under the listing
	 * ({@code /feed}, {@code /blog/engineering/rss}), and the format each one leads to:
	 * WordPress's {@code /feed}, Jekyll's {@code feed.xml} and {@code atom.xml} lead to Atom;
	 * {@code /rss}, {@code rss.xml} and Hugo's {@code index.xml} to RSS.
	 */
	public static final Map<String, String> FEED_ALIASES = Map.of("feed", "atom", "atom", "atom", "atom.xml", "atom",
			"feed.xml", "atom", "rss", "rss", "rss.xml", "rss", "index.xml", "rss");

	/** {@link #FEED_ALIASES} as a path pattern's regular expression, for routes. */
	public static final String FEED_ALIAS_PATTERN = "feed|atom|rss|atom\\.xml|feed\\.xml|rss\\.xml|index\\.xml";

	/**
	 * Whether {@code path} (without its trailing slashes) ends in one of the
	 * {@link #FEED_ALIASES}: such an address answers 301 straight to the feed, trailing slash
	 * or not.
	 */
	public static boolean endsInFeedAlias(String path) {
		return FEED_ALIASES.containsKey(lastSegment(path));
	}

	/** The last segment of a path, trailing slashes ignored: {@code rss} of {@code /blog/engineering/rss/}. */
	public static String lastSegment(String path) {
		int end = path.length();
		while (end > 0 && path.charAt(end - 1) == '/') {
			end--;
		}
		int start = path.lastIndexOf('/', end - 1) + 1;
		return path.substring(start, end);
	}

	/** The page listing every feed of the site. */
	public static String feeds() {
		return "/feeds";
	}

	/** The sitemap index. */
	public static String sitemapIndex() {
		return "/sitemap.xml";
	}

	/** Sitemap file {@code number} of a kind ({@code posts}, {@code listings}). */
	public static String sitemap(String kind, int number) {
		return "/sitemaps/" + kind + "-" + number + ".xml";
	}

}
