package dev.blogroll.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.blogroll.text.WebAddresses;

/**
 * OPML 2.0, the format feed readers exchange subscriptions in: every {@code outline} with an
 * {@code xmlUrl} is a source.
 */
@Component
class Opml {

	private final FeedSources sources;

	Opml(FeedSources sources) {
		this.sources = sources;
	}

	String export(List<FeedSource> all) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<opml version="2.0">
				  <head><title>Blogroll sources</title></head>
				  <body>
				""");
		for (FeedSource source : all) {
			xml.append("    <outline type=\"rss\" text=\"").append(escape(source.name()))
				.append("\" title=\"").append(escape(source.name()))
				.append("\" xmlUrl=\"").append(escape(source.feedUrl()))
				.append("\" htmlUrl=\"").append(escape(source.siteUrl()))
				.append("\" category=\"").append(escape(source.categoryName())).append("\"/>\n");
		}
		return xml.append("  </body>\n</opml>\n").toString();
	}

	/** Adds the outlines' feeds as sources in the category; feeds already followed are skipped. */
	Imported importFrom(byte[] file, long categoryId) {
		Document document = Jsoup.parse(new String(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
		int added = 0;
		int skipped = 0;
		int invalid = 0;
		for (Element outline : document.select("outline[xmlUrl]")) {
			String feedUrl = outline.attr("xmlUrl").strip();
			if (!WebAddresses.isValid(feedUrl)) {
				invalid++;
				continue;
			}
			if (this.sources.findByFeedUrl(feedUrl).isPresent()) {
				skipped++;
				continue;
			}
			String name = firstNonBlank(outline.attr("title"), outline.attr("text"), java.net.URI.create(feedUrl).getHost());
			String siteUrl = outline.attr("htmlUrl").strip();
			if (!WebAddresses.isValid(siteUrl)) {
				java.net.URI feed = java.net.URI.create(feedUrl);
				siteUrl = feed.getScheme() + "://" + feed.getRawAuthority() + "/";
			}
			try {
				this.sources.create((name.length() > 200) ? name.substring(0, 200) : name, siteUrl, feedUrl,
						categoryId, "", true, 60);
				added++;
			}
			catch (DuplicateKeyException ex) {
				skipped++;
			}
		}
		return new Imported(added, skipped, invalid);
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return "Unnamed feed";
	}

	private static String escape(String text) {
		return Entities.escape(text).replace("\"", "&quot;");
	}

	/** What an import did. */
	record Imported(int added, int skipped, int invalid) {
	}

}
