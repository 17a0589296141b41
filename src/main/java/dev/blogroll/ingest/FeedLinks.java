package dev.blogroll.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The feeds a web page names in its head ({@code <link rel="alternate"
 * type="application/rss+xml">}, Atom, RDF and JSON Feed), resolved against the page's
 * {@code <base href>} or address, in the page's order, each once; at most
 * {@value #MAX_LINKS}.
 */
final class FeedLinks {

	static final int MAX_LINKS = 20;

	private static final Map<String, String> TYPES = Map.of("application/rss+xml", "RSS", "application/atom+xml",
			"Atom", "application/rdf+xml", "RDF", "application/feed+json", "JSON Feed", "application/json", "JSON Feed",
			"text/xml", "RSS", "application/xml", "RSS");

	private static final Pattern HTML_START = Pattern.compile(
			"(?is)^(<!--.*?-->\\s*)*(<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>]|<meta[\\s>]|<title[\\s>]).*");

	private FeedLinks() {
	}

	/** Whether the text is an HTML page rather than XML (which might still be broken). */
	static boolean looksLikeHtml(String text) {
		String head = text.stripLeading();
		head = head.substring(0, Math.min(head.length(), 2048));
		return HTML_START.matcher(head).matches();
	}

	/** The feeds the page names. */
	static List<Link> in(String html, URI pageUrl) {
		Document page = Jsoup.parse(html, pageUrl.toString());
		Map<String, Link> links = new LinkedHashMap<>();
		URI base = URI.create(baseOf(page, pageUrl));
		for (Element link : page.select("link[rel][href]")) {
			boolean alternate = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
			String format = TYPES.get(link.attr("type").toLowerCase(Locale.ROOT).split(";")[0].strip());
			String url = FeedParser.absolute(base, link.attr("href"));
			if (alternate && format != null && url != null && links.size() < MAX_LINKS) {
				links.putIfAbsent(url, new Link(url, FeedParser.clean(link.attr("title")), format));
			}
		}
		return new ArrayList<>(links.values());
	}

	private static String baseOf(Document page, URI pageUrl) {
		Element base = page.selectFirst("base[href]");
		String resolved = (base != null) ? FeedParser.absolute(pageUrl, base.attr("href")) : null;
		return (resolved != null) ? resolved : pageUrl.toString();
	}

	/**
	 * A feed a page names.
	 *
	 * @param url its address
	 * @param title what the page calls it, if anything
	 * @param format RSS, Atom, RDF or JSON Feed
	 */
	record Link(String url, @Nullable String title, String format) {
	}

}
