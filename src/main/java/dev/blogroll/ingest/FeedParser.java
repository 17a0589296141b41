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
import org.jspecify.annotations.Nullable;

/**
 * Reads RSS 0.9x, 1.0 and 2.0 and Atom 0.3 and 1.0 with ROME into {@link FeedEntry} values,
 * tolerating the usual breakage: HTML entities in XML, missing GUIDs, unparsable dates and
 * relative links (resolved against the feed's URL).
 */
final class FeedParser {

	private FeedParser() {
	}

	static List<FeedEntry> parse(byte[] feed, URI feedUrl) throws InvalidFeedException {
		SyndFeed parsed;
		try {
			SyndFeedInput input = new SyndFeedInput();
			input.setXmlHealerOn(true);
			parsed = input.build(new XmlReader(new ByteArrayInputStream(feed), true));
		}
		catch (FeedException | IOException | IllegalArgumentException ex) {
			throw new InvalidFeedException("Not a feed ROME can read: " + firstLine(ex.getMessage()));
		}
		List<FeedEntry> entries = new ArrayList<>();
		for (SyndEntry entry : parsed.getEntries()) {
			String link = absolute(feedUrl, entry.getLink());
			if (link == null && !entry.getLinks().isEmpty()) {
				link = absolute(feedUrl, entry.getLinks().get(0).getHref());
			}
			String title = title(entry);
			String html = content(entry);
			if (title == null && html == null) {
				continue;
			}
			String guid = clean(entry.getUri());
			if (guid == null) {
				guid = link;
			}
			entries.add(new FeedEntry(guid, title, link, instant(entry.getPublishedDate()),
					instant(entry.getUpdatedDate()), author(entry), categories(entry), html));
		}
		return entries;
	}

	/** The title as plain text: Atom titles of type html or xhtml are markup. */
	private static @Nullable String title(SyndEntry entry) {
		SyndContent title = entry.getTitleEx();
		if (title != null && title.getValue() != null && title.getType() != null
				&& (title.getType().equals("html") || title.getType().equals("xhtml"))) {
			return clean(org.jsoup.Jsoup.parseBodyFragment(title.getValue()).text());
		}
		return clean(entry.getTitle());
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
		String value = content.getValue();
		if (type != null && (type.equals("text") || type.equals("text/plain"))) {
			return org.jsoup.nodes.Entities.escape(value);
		}
		return value;
	}

	private static @Nullable String author(SyndEntry entry) {
		String author = clean(entry.getAuthor());
		if (author == null) {
			for (SyndPerson person : entry.getAuthors()) {
				author = clean(person.getName());
				if (author != null) {
					break;
				}
			}
		}
		return (author != null && author.length() > 200) ? author.substring(0, 200) : author;
	}

	private static List<String> categories(SyndEntry entry) {
		Set<String> names = new LinkedHashSet<>();
		for (SyndCategory category : entry.getCategories()) {
			String name = clean(category.getName());
			if (name != null && name.length() <= 80) {
				names.add(name);
			}
		}
		return List.copyOf(names);
	}

	static @Nullable String absolute(URI base, @Nullable String link) {
		String value = clean(link);
		if (value == null) {
			return null;
		}
		try {
			URI resolved = base.resolve(value);
			String scheme = resolved.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					|| resolved.getHost() == null) {
				return null;
			}
			return resolved.toString();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable Instant instant(@Nullable Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	private static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.replaceAll("\\s+", " ").strip();
		return stripped.isEmpty() ? null : stripped;
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unknown error";
		}
		String line = message.lines().findFirst().orElse(message);
		return (line.length() <= 200) ? line : line.substring(0, 200) + "…";
	}

	/**
	 * One entry of a feed, as read.
	 *
	 * @param guid the entry's id (RSS guid, Atom id), or its link when it has none
	 * @param title its title, entities decoded
	 * @param link the absolute URL of the original
	 * @param published when it was published, if the feed says so in a readable way
	 * @param updated when it was last updated, likewise
	 * @param author its author ({@code author}, {@code dc:creator})
	 * @param categories its categories
	 * @param html its content or summary, as (unsanitized) HTML
	 */
	record FeedEntry(@Nullable String guid, @Nullable String title, @Nullable String link,
			@Nullable Instant published, @Nullable Instant updated, @Nullable String author, List<String> categories,
			@Nullable String html) {
	}

	/** The bytes are not a feed. */
	static class InvalidFeedException extends Exception {

		InvalidFeedException(String message) {
			super(message);
		}

	}

}
