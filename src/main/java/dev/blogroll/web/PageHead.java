package dev.blogroll.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What search engines, social sites and feed readers read in a page's {@code <head>}:
 * rendered by {@code fragments/head :: seo}. Every URL is absolute, built from
 * {@code blogroll.site-url}.
 *
 * @param description the meta description
 * @param canonical the page's one URL; for a post aggregated from elsewhere, the original
 * @param ogType the Open Graph type: {@code website} or {@code article}
 * @param image the page's image, or the site's default
 * @param prev the previous page of a listing, if any
 * @param next the next page of a listing, if any
 * @param feeds the feeds of what the page lists, besides the site's own
 * @param jsonLd schema.org structured data, JSON already safe inside a {@code <script>}
 */
public record PageHead(String description, String canonical, String ogType, String image, @Nullable String prev,
		@Nullable String next, List<FeedLink> feeds, String jsonLd) {

	/**
	 * A feed of the page's content, for autodiscovery.
	 *
	 * @param type {@code application/atom+xml} or {@code application/rss+xml}
	 * @param title what a feed reader calls it
	 * @param href its absolute URL
	 */
	public record FeedLink(String type, String title, String href) {
	}

}
