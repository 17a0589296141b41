package dev.blogroll.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;

/**
 * Finds a blog's feeds from its address, for an editor adding a source: if the address is a
 * feed, that feed; if it is a web page, the feeds its head names ({@code <link
 * rel="alternate">}, {@link FeedLinks}); if it names none, the paths blog software puts feeds
 * at ({@value #COMMON_PATHS_TEXT}, on the page's own path and on the site's root), each
 * fetched and kept only if it reads as a feed. Every fetch goes through {@link FeedClient},
 * with its address guard, timeouts and size limit.
 */
@Component
class FeedDiscovery {

	static final List<String> COMMON_PATHS = List.of("feed", "rss", "atom.xml", "index.xml", "feed.xml", "rss.xml");

	static final String COMMON_PATHS_TEXT = "/feed, /rss, /atom.xml, /index.xml, /feed.xml, /rss.xml";

	/** At most this many feeds a page names are fetched to read their titles. */
	private static final int MAX_CHECKED = 5;

	/** How long discovery may take in all. */
	static final Duration BUDGET = Duration.ofSeconds(30);

	private final FeedClient client;

	FeedDiscovery(FeedClient client) {
		this.client = client;
	}

	/**
	 * What was found at the address: the feeds, or why there are none. Candidates are checked
	 * one after the other for at most {@link #BUDGET} in all, so an editor waits no longer.
	 */
	Discovery discover(URI address) {
		long deadline = System.nanoTime() + BUDGET.toNanos();
		FeedClient.Result page = this.client.fetch(address, null, null);
		if (page.outcome() != FeedClient.Outcome.OK || page.body() == null) {
			return new Discovery(List.of(), (page.message() != null) ? page.message() : "Could not read the address.");
		}
		URI base = (page.movedTo() != null) ? page.movedTo() : address;
		try {
			FeedParser.ParsedFeed feed = FeedParser.parse(page.body(), page.contentType(), base);
			return new Discovery(List.of(found(base.toString(), feed)), null);
		}
		catch (FeedParser.WebPageException ex) {
			Map<String, Found> feeds = new LinkedHashMap<>();
			for (FeedLinks.Link link : ex.feeds()) {
				if (feeds.size() < MAX_CHECKED && System.nanoTime() < deadline) {
					Found found = check(URI.create(link.url()));
					if (found != null) {
						feeds.putIfAbsent(found.feedUrl(), found);
					}
				}
			}
			if (feeds.isEmpty()) {
				for (URI candidate : commonPaths(base)) {
					if (System.nanoTime() > deadline) {
						break;
					}
					Found found = check(candidate);
					if (found != null) {
						feeds.putIfAbsent(found.feedUrl(), found);
					}
				}
			}
			return new Discovery(new ArrayList<>(feeds.values()), feeds.isEmpty()
					? "This is a web page that names no feed, and none of " + COMMON_PATHS_TEXT + " is one." : null);
		}
		catch (FeedParser.InvalidFeedException ex) {
			return new Discovery(List.of(), ex.getMessage());
		}
	}

	/** The common feed paths under the page's own path, then under the site's root, each once. */
	static List<URI> commonPaths(URI page) {
		List<URI> candidates = new ArrayList<>();
		String path = (page.getRawPath() == null || page.getRawPath().isEmpty()) ? "/" : page.getRawPath();
		String directory = path.endsWith("/") ? path : path + "/";
		for (String base : (directory.equals("/")) ? List.of("/") : List.of(directory, "/")) {
			for (String common : COMMON_PATHS) {
				URI candidate = page.resolve(base + common);
				if (!candidates.contains(candidate)) {
					candidates.add(candidate);
				}
			}
		}
		return candidates;
	}

	private @Nullable Found check(URI candidate) {
		FeedClient.Result result = this.client.fetch(candidate, null, null);
		if (result.outcome() != FeedClient.Outcome.OK || result.body() == null) {
			return null;
		}
		URI url = (result.movedTo() != null) ? result.movedTo() : candidate;
		try {
			return found(url.toString(), FeedParser.parse(result.body(), result.contentType(), url));
		}
		catch (FeedParser.InvalidFeedException ex) {
			return null;
		}
	}

	private static Found found(String feedUrl, FeedParser.ParsedFeed feed) {
		String title = (feed.feed().title() != null) ? feed.feed().title() : URI.create(feedUrl).getHost();
		String siteUrl = feed.feed().siteUrl();
		if (siteUrl == null) {
			URI uri = URI.create(feedUrl);
			siteUrl = uri.getScheme() + "://" + uri.getRawAuthority() + "/";
		}
		return new Found(feedUrl, (title.length() > 200) ? title.substring(0, 200) : title, siteUrl,
				feed.entries().size());
	}

	/**
	 * What discovery found.
	 *
	 * @param feeds the feeds, in the page's order
	 * @param problem why there are none, when there are none
	 */
	record Discovery(List<Found> feeds, @Nullable String problem) {
	}

	/**
	 * A feed found.
	 *
	 * @param feedUrl its address
	 * @param title the blog's name as the feed gives it
	 * @param siteUrl the blog's home page as the feed gives it, else the feed's site
	 * @param entries how many entries it has now
	 */
	record Found(String feedUrl, String title, String siteUrl, int entries) {
	}

}
