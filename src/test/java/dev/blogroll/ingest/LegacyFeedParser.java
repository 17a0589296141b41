package dev.blogroll.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * The feed parser Blogroll had before issue 17 (ROME with its XML healer, relative links
 * against the feed's URL), kept only so that {@link FeedCorpusTests} can measure the old
 * failure rate on the same corpus as the new one. Its answers are mapped onto today's
 * {@link FeedParser.ParsedFeed}; what it never read (the feed's own details, images, content
 * bases) is left empty.
 */
final class LegacyFeedParser {

	private LegacyFeedParser() {
	}

	static FeedParser.ParsedFeed parse(byte[] feed, URI feedUrl) throws FeedParser.InvalidFeedException {
		SyndFeed parsed;
		try {
			SyndFeedInput input = new SyndFeedInput();
			input.setXmlHealerOn(true);
			parsed = input.build(new XmlReader(new ByteArrayInputStream(feed), true));
		}
		catch (FeedException | IOException | IllegalArgumentException ex) {
			throw new FeedParser.InvalidFeedException("Not a feed ROME can read: " + String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
		}
		List<FeedParser.FeedEntry> entries = new ArrayList<>();
		for (SyndEntry entry : parsed.getEntries()) {
			String link = FeedParser.absolute(feedUrl, entry.getLink());
			if (link == null && !entry.getLinks().isEmpty()) {
				link = FeedParser.absolute(feedUrl, entry.getLinks().get(0).getHref());
			}
			String title = title(entry);
			String html = content(entry);
			if (title == null && html == null) {
				continue;
			}
			String guid = FeedParser.clean(entry.getUri());
			if (guid == null) {
				guid = link;
			}
			entries.add(new FeedParser.FeedEntry(guid, title, link, instant(entry.getPublishedDate()),
					instant(entry.getUpdatedDate()), author(entry), categories(entry), html, feedUrl.toString(), null, null));
		}
		return new FeedParser.ParsedFeed(new FeedParser.FeedInfo(null, null, null), entries, List.of());
	}

	private static @Nullable String title(SyndEntry entry) {
		SyndContent title = entry.getTitleEx();
		if (title != null && title.getValue() != null && title.getType() != null
				&& (title.getType().equals("html") || title.getType().equals("xhtml"))) {
			return FeedParser.clean(Jsoup.parseBodyFragment(title.getValue()).text());
		}
		return FeedParser.clean(entry.getTitle());
	}

	private static @Nullable String content(SyndEntry entry) {
		StringBuilder html = new StringBuilder();
		for (SyndContent content : entry.getContents()) {
			if (content.getValue() != null) {
				html.append(asHtml(content));
			}
		}
		if (html.toString().isBlank() && entry.getDescription() != null && entry.getDescription().getValue() != null) {
			html.append(asHtml(entry.getDescription()));
		}
		return html.toString().isBlank() ? null : html.toString();
	}

	private static String asHtml(SyndContent content) {
		String type = content.getType();
		if (type != null && (type.equals("text") || type.equals("text/plain"))) {
			return org.jsoup.nodes.Entities.escape(content.getValue());
		}
		return content.getValue();
	}

	private static @Nullable String author(SyndEntry entry) {
		String author = FeedParser.clean(entry.getAuthor());
		if (author == null) {
			for (SyndPerson person : entry.getAuthors()) {
				author = FeedParser.clean(person.getName());
				if (author != null) {
					break;
				}
			}
		}
		return author;
	}

	private static List<String> categories(SyndEntry entry) {
		Set<String> names = new LinkedHashSet<>();
		for (SyndCategory category : entry.getCategories()) {
			String name = FeedParser.clean(category.getName());
			if (name != null && name.length() <= 80) {
				names.add(name);
			}
		}
		return List.copyOf(names);
	}

	private static @Nullable Instant instant(@Nullable Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
