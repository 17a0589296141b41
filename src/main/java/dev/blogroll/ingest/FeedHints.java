package dev.blogroll.ingest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * What a feed says about itself rather than its entries: how long readers should wait before
 * fetching it again (RSS {@code <ttl>} in minutes; {@code sy:updatePeriod} and
 * {@code sy:updateFrequency} of the RSS syndication module) and where its WebSub hub is
 * ({@code <link rel="hub">}, Atom's or {@code atom:link} in RSS, or the HTTP {@code Link}
 * header) with the feed's own URL ({@code rel="self"}), the topic to subscribe to.
 * <p>
 * Read from the feed's head, up to its first entry, by a streaming parser of its own (no DTD,
 * no external entities), so it does not depend on how {@link FeedParser} reads entries. Element
 * names are matched by their local part, whatever prefix a feed gives its namespaces (or
 * forgets to declare). A feed it cannot read has no hints.
 *
 * @param ttl how long the feed asks to be cached ({@code <ttl>}), if it says
 * @param updatePeriod how often it says it is updated ({@code sy:updatePeriod} divided by
 * {@code sy:updateFrequency}), if it says
 * @param hub its WebSub hub, if it names one
 * @param self its own URL, if it names it
 */
record FeedHints(@Nullable Duration ttl, @Nullable Duration updatePeriod, @Nullable URI hub, @Nullable URI self) {

	static final FeedHints NONE = new FeedHints(null, null, null, null);

	private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]*)*)");

	private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))");

	private static final XMLInputFactory XML = xmlInputFactory();

	/** The hints of a feed, with the hub and self URLs of its HTTP {@code Link} headers first. */
	static FeedHints read(byte[] feed, URI feedUrl, List<String> linkHeaders) {
		FeedHints fromBody = fromBody(feed, feedUrl);
		URI hub = null;
		URI self = null;
		for (String header : linkHeaders) {
			Matcher link = LINK.matcher(header);
			while (link.find()) {
				Matcher rel = REL.matcher(link.group(2));
				if (!rel.find()) {
					continue;
				}
				String rels = " " + ((rel.group(1) != null) ? rel.group(1) : rel.group(2)).toLowerCase(Locale.ROOT) + " ";
				if (hub == null && rels.contains(" hub ")) {
					hub = absolute(feedUrl, link.group(1));
				}
				if (self == null && rels.contains(" self ")) {
					self = absolute(feedUrl, link.group(1));
				}
			}
		}
		return new FeedHints(fromBody.ttl(), fromBody.updatePeriod(), (hub != null) ? hub : fromBody.hub(),
				(self != null) ? self : fromBody.self());
	}

	static FeedHints fromBody(byte[] feed, URI feedUrl) {
		Duration ttl = null;
		String period = null;
		Integer frequency = null;
		URI hub = null;
		URI self = null;
		XMLStreamReader xml = null;
		try {
			xml = XML.createXMLStreamReader(new ByteArrayInputStream(feed));
			int depth = 0;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
					continue;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				depth++;
				String name = localName(xml.getLocalName());
				if (name.equals("item") || name.equals("entry")) {
					break;
				}
				if (name.equals("link") && depth <= 3) {
					String rel = attribute(xml, "rel");
					String href = attribute(xml, "href");
					if (rel != null && href != null) {
						String rels = " " + rel.toLowerCase(Locale.ROOT).strip() + " ";
						if (hub == null && rels.contains(" hub ")) {
							hub = absolute(feedUrl, href);
						}
						if (self == null && rels.contains(" self ")) {
							self = absolute(feedUrl, href);
						}
					}
				}
				else if (name.equals("ttl") && depth <= 3) {
					Long minutes = number(xml.getElementText());
					depth--;
					ttl = (minutes != null && minutes > 0) ? Duration.ofMinutes(Math.min(minutes, 365L * 24 * 60)) : null;
				}
				else if (name.equals("updatePeriod")) {
					period = xml.getElementText().strip().toLowerCase(Locale.ROOT);
					depth--;
				}
				else if (name.equals("updateFrequency")) {
					Long value = number(xml.getElementText());
					depth--;
					frequency = (value != null && value > 0) ? (int) Math.min(value, 10_000) : null;
				}
			}
		}
		catch (XMLStreamException | RuntimeException ex) {
			// not a feed this reader understands: what was read so far stands
		}
		finally {
			close(xml);
		}
		return new FeedHints(ttl, updatePeriod(period, frequency), hub, self);
	}

	/** {@code sy:updatePeriod} divided by {@code sy:updateFrequency} (default 1). */
	static @Nullable Duration updatePeriod(@Nullable String period, @Nullable Integer frequency) {
		if (period == null) {
			return null;
		}
		Duration length = switch (period) {
			case "hourly" -> Duration.ofHours(1);
			case "daily" -> Duration.ofDays(1);
			case "weekly" -> Duration.ofDays(7);
			case "monthly" -> Duration.ofDays(30);
			case "yearly" -> Duration.ofDays(365);
			default -> null;
		};
		return (length != null) ? length.dividedBy((frequency != null) ? frequency : 1) : null;
	}

	private static String localName(String name) {
		int colon = name.indexOf(':');
		return (colon >= 0) ? name.substring(colon + 1) : name;
	}

	private static @Nullable String attribute(XMLStreamReader xml, String wanted) {
		for (int i = 0; i < xml.getAttributeCount(); i++) {
			if (localName(xml.getAttributeLocalName(i)).equals(wanted)) {
				return xml.getAttributeValue(i);
			}
		}
		return null;
	}

	private static @Nullable Long number(String text) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable URI absolute(URI base, String href) {
		String url = FeedParser.absolute(base, href);
		return (url != null) ? URI.create(url) : null;
	}

	private static void close(@Nullable XMLStreamReader xml) {
		if (xml != null) {
			try {
				xml.close();
			}
			catch (XMLStreamException ex) {
				// nothing to release
			}
		}
	}

	private static XMLInputFactory xmlInputFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		// prefixes are matched by hand: a feed that forgets to declare one still has hints
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		return factory;
	}

}
