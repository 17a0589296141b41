package dev.blogroll.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.PageHead.FeedLink;

/**
 * Builds the parts of {@link PageHead} that every page type shares: absolute URLs from the
 * configured site URL, feed links and schema.org JSON-LD.
 */
@Component("pageHeads")
public class PageHeads {

	private final BlogrollProperties properties;

	private final SiteLocale siteLocale;

	PageHeads(BlogrollProperties properties, SiteLocale siteLocale) {
		this.properties = properties;
		this.siteLocale = siteLocale;
	}

	/** The site's language, as JSON-LD's {@code inLanguage} and feeds name it ({@code en}, {@code de}). */
	public String language() {
		return this.siteLocale.languageTag();
	}

	/** The first two breadcrumbs of every page below the home page: Home and Blog, in the site's language. */
	public List<Link> siteCrumbs() {
		return List.of(new Link(this.siteLocale.text("breadcrumb.home"), SitePaths.home()),
				new Link(this.siteLocale.text("breadcrumb.blog"), SitePaths.BLOG));
	}

	/** The absolute URL of a path on this site. */
	public String absolute(String path) {
		return this.properties.absoluteUrl(path);
	}

	/** The site's default {@code og:image}, absolute. */
	public String defaultImage() {
		return absolute(this.properties.defaultImage());
	}

	/** The Atom and RSS feeds of the listing at {@code listingPath}, for autodiscovery. */
	public List<FeedLink> feedsOf(String listingPath, String name) {
		String title = name + " – " + this.properties.siteName();
		return List.of(
				new FeedLink("application/atom+xml", title + " (Atom)", absolute(SitePaths.feed(listingPath, "atom"))),
				new FeedLink("application/rss+xml", title + " (RSS)", absolute(SitePaths.feed(listingPath, "rss"))));
	}

	/** The site-wide feeds every page names in its head. */
	public List<FeedLink> siteFeeds() {
		return feedsOf(SitePaths.BLOG, this.siteLocale.text("listing.all"));
	}

	/** A schema.org {@code BreadcrumbList} of the breadcrumbs the page shows. */
	public Map<String, Object> breadcrumbList(List<Link> breadcrumbs) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < breadcrumbs.size(); i++) {
			Link crumb = breadcrumbs.get(i);
			items.add(object("@type", "ListItem", "position", i + 1, "name", crumb.label(), "item",
					absolute(crumb.href())));
		}
		return object("@type", "BreadcrumbList", "itemListElement", items);
	}

	/**
	 * JSON-LD of these schema.org nodes, safe to put inside a {@code <script>} element: no
	 * {@code <} survives, so no text can close the element.
	 */
	public String jsonLd(List<Map<String, Object>> nodes) {
		Map<String, Object> document = object("@context", "https://schema.org", "@graph", nodes);
		return JsonMapper.shared().writeValueAsString(document).replace("<", "\\u003c");
	}

	/** An ordered JSON object from alternating keys and values. */
	public static Map<String, Object> object(Object... keysAndValues) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			object.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return object;
	}

}
