package dev.blogroll.ingest;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Entities;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.blogroll.text.WebAddresses;

/**
 * OPML 2.0, the format feed readers exchange subscriptions in: every {@code outline} with an
 * {@code xmlUrl} is a source, imported for an editor's review.
 */
@Component
class Opml {

	/** The most feeds read from one file: a reader's whole subscription list is a few thousand. */
	static final int MAX_OUTLINES = 100_000;

	/** Reads no DTD and no external entity: an OPML file has no use for either. */
	private static final XMLInputFactory XML = XMLInputFactory.newFactory();

	static {
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

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

	/** Imports into one category: {@link #importFrom(InputStream, long, Map)} with no category names. */
	Imported importFrom(InputStream file, long categoryId) {
		return importFrom(file, categoryId, Map.of());
	}

	/**
	 * Adds the outlines' feeds as sources waiting for an editor's review (paused, listed on the
	 * review page, where the editor picks each one's category and which to keep); feeds
	 * already followed are skipped. Each feed's category is proposed from the file: the
	 * outline's {@code category} attribute or the folder (enclosing outline) it is in, when one
	 * names a category of the site, else {@code categoryId}.
	 * <p>
	 * The file is read as a stream (StAX), one outline at a time, so a file of any size costs a
	 * few kilobytes of memory; DTDs and external entities are not read at all. A file that
	 * stops being well-formed XML part-way keeps the sources read before, and says where it
	 * broke. At most {@value #MAX_OUTLINES} feeds are read from one file.
	 * @param categoriesByName the site's categories by name in lower case
	 */
	Imported importFrom(InputStream file, long categoryId, Map<String, Long> categoriesByName) {
		int added = 0;
		int skipped = 0;
		int invalid = 0;
		String error = null;
		XMLStreamReader reader = null;
		// the text of every open outline, innermost last ("" for a feed's own outline)
		Deque<String> folders = new ArrayDeque<>();
		try {
			reader = XML.createXMLStreamReader(file);
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("outline")) {
					folders.pollLast();
					continue;
				}
				if (event != XMLStreamConstants.START_ELEMENT || !reader.getLocalName().equals("outline")) {
					continue;
				}
				Outline outline = Outline.of(reader);
				folders.addLast((outline.feedUrl() == null) ? firstNonBlank(outline.title(), outline.text()) : "");
				if (outline.feedUrl() == null) {
					continue;
				}
				if (added + skipped + invalid >= MAX_OUTLINES) {
					error = "Only the first " + MAX_OUTLINES + " feeds of a file are read.";
					break;
				}
				String feedUrl = outline.feedUrl().strip();
				if (!WebAddresses.isValid(feedUrl)) {
					invalid++;
				}
				else if (this.sources.findByFeedUrl(feedUrl).isPresent()) {
					skipped++;
				}
				else if (add(outline, feedUrl, category(outline, folders, categoryId, categoriesByName))) {
					added++;
				}
				else {
					skipped++;
				}
			}
		}
		catch (XMLStreamException ex) {
			error = (ex.getLocation() != null)
					? "The file is not well-formed XML at line " + ex.getLocation().getLineNumber() + ", column "
							+ ex.getLocation().getColumnNumber() + "; what came before it was read."
					: "The file is not well-formed XML; what came before the error was read.";
		}
		finally {
			close(reader);
		}
		return new Imported(added, skipped, invalid, error);
	}

	/** The category the outline's own {@code category}, or its innermost folder, names; else the default. */
	private static long category(Outline outline, Deque<String> folders, long fallback, Map<String, Long> byName) {
		if (outline.category() != null) {
			for (String name : outline.category().split(",")) {
				// OPML 2.0 categories are slash-delimited paths: "/Tech/Engineering"
				String[] path = name.strip().split("/");
				Long id = (path.length > 0) ? byName.get(path[path.length - 1].strip().toLowerCase(Locale.ROOT)) : null;
				if (id != null) {
					return id;
				}
			}
		}
		Iterator<String> outer = folders.descendingIterator();
		while (outer.hasNext()) {
			Long id = byName.get(outer.next().strip().toLowerCase(Locale.ROOT));
			if (id != null) {
				return id;
			}
		}
		return fallback;
	}

	private boolean add(Outline outline, String feedUrl, long categoryId) {
		URI feed = URI.create(feedUrl);
		String name = firstNonBlank(outline.title(), outline.text(), feed.getHost());
		String siteUrl = (outline.siteUrl() != null) ? outline.siteUrl().strip() : "";
		if (!WebAddresses.isValid(siteUrl)) {
			siteUrl = feed.getScheme() + "://" + feed.getRawAuthority() + "/";
		}
		try {
			this.sources.create((name.length() > 200) ? name.substring(0, 200) : name, null, siteUrl, feedUrl,
					categoryId, "", false, 60, true);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// nothing left to read
			}
		}
	}

	private static String firstNonBlank(@Nullable String... values) {
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

	/**
	 * What an import did.
	 *
	 * @param added sources added
	 * @param skipped feeds already followed
	 * @param invalid outlines whose feed URL is not an http(s) address
	 * @param error why the file was not read to its end, if it was not
	 */
	record Imported(int added, int skipped, int invalid, @Nullable String error) {
	}

	/** The attributes of one {@code outline} that matter, names compared without case as readers write them. */
	private record Outline(@Nullable String feedUrl, @Nullable String title, @Nullable String text,
			@Nullable String siteUrl, @Nullable String category) {

		static Outline of(XMLStreamReader reader) {
			String feedUrl = null;
			String title = null;
			String text = null;
			String siteUrl = null;
			String category = null;
			for (int i = 0; i < reader.getAttributeCount(); i++) {
				String value = reader.getAttributeValue(i);
				if (value.length() > WebAddresses.MAX_LENGTH) {
					value = value.substring(0, WebAddresses.MAX_LENGTH + 1);
				}
				switch (reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT)) {
					case "xmlurl" -> feedUrl = value;
					case "title" -> title = value;
					case "text" -> text = value;
					case "htmlurl" -> siteUrl = value;
					case "category" -> category = value;
					default -> {
					}
				}
			}
			return new Outline(feedUrl, title, text, siteUrl, category);
		}

	}

}
