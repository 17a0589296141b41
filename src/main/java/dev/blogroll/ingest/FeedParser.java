package dev.blogroll.ingest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * Reads RSS 0.90–2.0, RSS 1.0 (RDF), Atom 0.3 and 1.0 and JSON Feed into {@link FeedEntry}
 * values, as forgivingly as the best feed readers: the bytes are decoded by
 * {@link FeedEncoding}, the XML read (and healed if it must be) by {@link FeedDocument},
 * and ROME turns the document into entries, each format's way. What ROME gets wrong or
 * leaves out is read from the entry's own element: GUIDs as the feed gave them (or none),
 * dates to the nanosecond ({@link FeedDates}), titles as text according to their type,
 * authors without e-mail addresses (the feed's Atom author for entries without one),
 * {@code xml:base} for links and content, {@code <a10:link>} in RSS, and images.
 * <p>
 * A web page instead of a feed is refused with the feeds the page names
 * ({@link WebPageException}), so that the editor can pick one.
 */
final class FeedParser {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	static final String ATOM_03 = "http://purl.org/atom/ns#";

	static final String DC = "http://purl.org/dc/elements/1.1/";

	static final String DC_TERMS = "http://purl.org/dc/terms/";

	static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

	static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

	static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";

	/** Inline HTML that RSS titles carry; a title with none of it is plain text, whatever its brackets. */
	private static final Pattern HTML_IN_TITLE = Pattern.compile(
			"(?is)<(b|i|em|strong|a|span|code|sup|sub|abbr|cite|q|small|big|u|s|strike|del|ins|font|mark|kbd|tt|var)\\b[^>]*>.*?</\\1\\s*>"
					+ "|<(br|img|wbr)\\b[^>]*/?>|&(amp|quot|apos|lt|gt|nbsp|#\\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});");

	private FeedParser() {
	}

	/**
	 * Reads a feed.
	 * @param feed its bytes
	 * @param contentType the HTTP {@code Content-Type} it was served with, if known
	 * @param feedUrl where it was fetched, against which relative links are resolved
	 */
	static ParsedFeed parse(byte[] feed, @Nullable String contentType, URI feedUrl) throws InvalidFeedException {
		FeedEncoding.Decoded decoded = FeedEncoding.decode(feed, FeedEncoding.charsetParameter(contentType));
		String text = decoded.text();
		String start = text.stripLeading();
		if (start.isEmpty()) {
			throw new InvalidFeedException("Not a feed: the answer is empty");
		}
		if (start.startsWith("{")) {
			return JsonFeed.parse(start, feedUrl);
		}
		if (FeedLinks.looksLikeHtml(start)) {
			throw new WebPageException(FeedLinks.in(text, feedUrl));
		}
		FeedDocument.Read read;
		try {
			read = FeedDocument.read(text);
		}
		catch (FeedDocument.NotXmlException ex) {
			throw new InvalidFeedException("Not a feed Blogroll can read: " + ex.getMessage());
		}
		Element root = read.document().getRootElement();
		if (root.getName().equalsIgnoreCase("html")) {
			throw new WebPageException(FeedLinks.in(text, feedUrl));
		}
		List<String> repairs = new ArrayList<>(read.repairs());
		if (root.getName().equals("feed") && root.getNamespaceURI().isEmpty()) {
			// Atom without its namespace (some static site generators): what else could it be
			String namespace = "0.3".equals(root.getAttributeValue("version")) ? ATOM_03 : ATOM;
			for (Element element : root.getDescendants(org.jdom2.filter.Filters.element(null, Namespace.NO_NAMESPACE))) {
				element.setNamespace(Namespace.getNamespace(namespace));
			}
			root.setNamespace(Namespace.getNamespace(namespace));
			repairs.add("Atom namespace added");
		}
		if (root.getName().equals("rss") && !root.getNamespaceURI().isEmpty()) {
			// RSS 2.0 in UserLand's namespace, whose items often are not: the same RSS in none
			Namespace rss = root.getNamespace();
			for (Element element : root.getDescendants(org.jdom2.filter.Filters.element(null, rss))) {
				element.setNamespace(Namespace.NO_NAMESPACE);
			}
			root.setNamespace(Namespace.NO_NAMESPACE);
		}
		Element channel = child(root, "channel");
		if (root.getName().equals("rss") && channel != null && !children(root, "item").isEmpty()) {
			// items after the channel instead of in it (RSS 0.91 generators): where ROME looks for them
			for (Element item : new ArrayList<>(children(root, "item"))) {
				channel.addContent(item.detach());
			}
			repairs.add("items outside the channel moved into it");
		}
		SyndFeed parsed;
		try {
			parsed = new SyndFeedInput().build(read.document());
		}
		catch (FeedException | IllegalArgumentException | IllegalStateException ex) {
			throw new InvalidFeedException("Not a feed: the document is <" + root.getName()
					+ ">, not RSS, RDF or Atom");
		}
		URI rootBase = base(root, feedUrl);
		URI channelBase = (channel != null) ? base(channel, rootBase) : rootBase;
		List<Element> elements = entryElements(root);
		boolean atom = root.getName().equals("feed");
		@Nullable String feedAuthor = atom ? personName(root) : null;
		Element feedElement = (channel != null) ? channel : root;
		String siteUrl = atom ? alternate(root, rootBase) : null;
		FeedInfo info = new FeedInfo(title(feedElement, atom),
				(siteUrl != null) ? siteUrl : absolute(channelBase, parsed.getLink()), textOf(parsed.getDescription()));
		List<SyndEntry> synd = parsed.getEntries();
		// ROME reads the same elements in the same order; if it did not, its values are used alone
		boolean zipped = elements.size() == synd.size();
		List<FeedEntry> entries = new ArrayList<>();
		for (int i = 0; i < synd.size(); i++) {
			Element element = zipped ? elements.get(i) : null;
			URI entryBase = (element != null) ? base(element, channelBase) : channelBase;
			FeedEntry entry = entry(synd.get(i), element, entryBase, atom, feedAuthor);
			if (entry.title() != null || entry.html() != null) {
				entries.add(entry);
			}
		}
		if (!decoded.how().equals("default UTF-8") && !decoded.how().startsWith("XML declaration")) {
			repairs.add(0, "read as " + decoded.charset().name() + " (" + decoded.how() + ")");
		}
		return new ParsedFeed(info, entries, repairs);
	}

	private static FeedEntry entry(SyndEntry synd, @Nullable Element element, URI base, boolean atom,
			@Nullable String feedAuthor) {
		String link = absolute(base, synd.getLink());
		if (link == null && element != null) {
			// <a10:link> and <atom:link> in RSS items (.NET's SyndicationFeed writes only those)
			for (Element candidate : element.getChildren("link", Namespace.getNamespace(ATOM))) {
				String rel = candidate.getAttributeValue("rel", "alternate");
				if (link == null && rel.equals("alternate")) {
					link = absolute(base, candidate.getAttributeValue("href"));
				}
			}
		}
		if (link == null && !synd.getLinks().isEmpty()) {
			link = absolute(base, synd.getLinks().get(0).getHref());
		}
		Element contentElement = (element != null) ? contentElement(element, atom) : null;
		URI contentBase = (contentElement != null) ? base(contentElement, base) : base;
		String html = (element != null && !atom) ? rssHtml(element) : null;
		if (html == null) {
			html = content(synd);
		}
		String title = (element != null) ? title(element, atom) : null;
		if (title == null && element == null) {
			title = clean(synd.getTitle());
		}
		String author = (element != null) ? author(element, atom, feedAuthor) : personText(synd.getAuthor());
		Instant published = (element != null) ? date(element, "pubDate", "published", "issued", "date", "created")
				: instant(synd.getPublishedDate());
		Instant updated = (element != null) ? date(element, "updated", "modified") : instant(synd.getUpdatedDate());
		FeedImages.Image image = (element != null) ? FeedImages.of(element, html, base, contentBase) : null;
		return new FeedEntry((element != null) ? guid(element, atom) : clean(synd.getUri()), title, link, published,
				updated, author, categories(synd, element), html, contentBase.toString(),
				(image != null) ? image.url() : null, (image != null) ? image.alt() : null);
	}

	/** The first Atom link to an alternate version (the blog's page), resolved. */
	private static @Nullable String alternate(Element element, URI base) {
		for (Element link : element.getChildren("link", element.getNamespace())) {
			if ("alternate".equals(link.getAttributeValue("rel", "alternate"))) {
				String url = absolute(base(link, base), link.getAttributeValue("href"));
				if (url != null) {
					return url;
				}
			}
		}
		return null;
	}

	/** The elements of the feed's entries, in document order, as ROME finds them. */
	private static List<Element> entryElements(Element root) {
		String name = root.getName();
		if (name.equals("feed")) {
			return children(root, "entry");
		}
		Element channel = child(root, "channel");
		if (name.equals("rss") && channel != null && !children(channel, "item").isEmpty()) {
			return children(channel, "item");
		}
		return children(root, "item");
	}

	/** The id as the feed gave it: RSS {@code guid}, Atom {@code id}, RDF {@code rdf:about}; none if it gave none. */
	private static @Nullable String guid(Element element, boolean atom) {
		Element id = child(element, atom ? "id" : "guid");
		if (id != null && clean(id.getText()) != null) {
			return clean(id.getText());
		}
		return clean(element.getAttributeValue("about", Namespace.getNamespace("rdf", RDF)));
	}

	/**
	 * The title as plain text. Atom says what its title is ({@code type="html"}, {@code xhtml},
	 * {@code text}); an RSS title is read as HTML when it has inline markup or escaped entities
	 * in it (its specification is silent; publishers write both), as text otherwise, so that
	 * {@code List<T>} stays as written.
	 */
	private static @Nullable String title(Element element, boolean atom) {
		Element title = child(element, "title");
		if (title == null) {
			return null;
		}
		String type = title.getAttributeValue("type", "text").toLowerCase(Locale.ROOT);
		if (atom && type.contains("xhtml") || !title.getChildren().isEmpty()) {
			return clean(title.getValue());
		}
		String value = title.getText();
		if (atom ? type.contains("html") : HTML_IN_TITLE.matcher(value).find()) {
			return clean(Jsoup.parseBodyFragment(value).text());
		}
		return clean(value);
	}

	/** The RSS entry's HTML: {@code content:encoded}, else the description, markup kept if the feed did not escape it. */
	private static @Nullable String rssHtml(Element item) {
		Element encoded = item.getChild("encoded", Namespace.getNamespace(CONTENT));
		Element description = child(item, "description");
		for (Element source : new Element[] { encoded, description }) {
			if (source != null) {
				String html = source.getChildren().isEmpty() ? source.getText() : inner(source);
				if (!html.isBlank()) {
					return html;
				}
			}
		}
		return null;
	}

	/** The element that holds the entry's HTML, whose {@code xml:base} its relative URLs use. */
	private static @Nullable Element contentElement(Element element, boolean atom) {
		if (atom) {
			Element content = child(element, "content");
			return (content != null) ? content : child(element, "summary");
		}
		Element encoded = element.getChild("encoded", Namespace.getNamespace(CONTENT));
		return (encoded != null) ? encoded : child(element, "description");
	}

	private static String inner(Element element) {
		XMLOutputter outputter = new XMLOutputter(Format.getRawFormat().setOmitDeclaration(true));
		StringBuilder html = new StringBuilder();
		for (Content content : element.getContent()) {
			html.append((content instanceof Element child) ? outputter.outputString(child) : content.getValue());
		}
		return html.toString();
	}

	/**
	 * The author's name: Atom's entry author, else its {@code source}'s, else the feed's (RFC
	 * 4287, 4.2.1); RSS's {@code author}, {@code dc:creator} or {@code itunes:author}, without
	 * the e-mail address RSS wants there ({@code nobody@flickr.com (kebernet)} is kebernet).
	 * An e-mail address alone is no name.
	 */
	private static @Nullable String author(Element element, boolean atom, @Nullable String feedAuthor) {
		String name = personName(element);
		if (atom) {
			Element source = child(element, "source");
			if (name == null && source != null) {
				name = personName(source);
			}
			return (name != null) ? name : feedAuthor;
		}
		for (String candidate : new String[] { text(child(element, "author")),
				text(element.getChild("creator", Namespace.getNamespace(DC))),
				text(element.getChild("author", Namespace.getNamespace(ITUNES))) }) {
			if (name == null) {
				name = personText(candidate);
			}
		}
		return name;
	}

	/** The name of the first Atom {@code author} of the element that has one (Atom 1.0 and 0.3, or a10 in RSS). */
	private static @Nullable String personName(Element element) {
		for (Element author : element.getChildren()) {
			if (author.getName().equals("author") && isAtom(author.getNamespaceURI())) {
				Element name = author.getChild("name", author.getNamespace());
				String person = personText((name != null) ? name.getText() : null);
				if (person != null) {
					return limit(person, 200);
				}
			}
		}
		return null;
	}

	/**
	 * A person as RSS writes one, without the e-mail address: {@code a@b (Name)},
	 * {@code Name <a@b>}, {@code Name (a@b)}, {@code Name}; {@code null} for an address alone.
	 */
	static @Nullable String personText(@Nullable String text) {
		String value = clean(text);
		if (value == null) {
			return null;
		}
		value = value.replaceFirst("(?i)^mailto:", "");
		java.util.regex.Matcher parenthesised = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)$").matcher(value);
		if (parenthesised.matches()) {
			String outside = parenthesised.group(1).strip();
			String inside = parenthesised.group(2).strip();
			value = isEmail(outside) || outside.isEmpty() ? inside : outside;
		}
		value = value.replaceAll("\\s*<[^<>]*@[^<>]*>\\s*", " ").strip();
		if (value.isEmpty() || isEmail(value) || value.contains("@")) {
			return null;
		}
		return limit(value, 200);
	}

	private static boolean isEmail(String text) {
		return text.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
	}

	/** The first date among the entry's children of these names (any of the feed namespaces), read exactly. */
	private static @Nullable Instant date(Element element, String... names) {
		for (String name : names) {
			for (Element child : element.getChildren()) {
				if (child.getName().equals(name) && isDateNamespace(child.getNamespaceURI())) {
					Instant instant = FeedDates.parse(child.getText());
					if (instant != null) {
						return instant;
					}
				}
			}
		}
		return null;
	}

	private static boolean isDateNamespace(String uri) {
		return uri.isEmpty() || isAtom(uri) || uri.equals(DC) || uri.equals(DC_TERMS) || uri.startsWith("http://purl.org/rss/")
				|| uri.startsWith("http://backend.userland.com/") || uri.startsWith("http://my.netscape.com/");
	}

	private static boolean isAtom(String uri) {
		return uri.equals(ATOM) || uri.equals(ATOM_03);
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

	/** The entry's categories: ROME's, and {@code dc:subject}s (ROME drops them when an RSS item also has categories, or none). */
	private static List<String> categories(SyndEntry entry, @Nullable Element element) {
		List<String> all = new ArrayList<>();
		for (SyndCategory category : entry.getCategories()) {
			all.add(category.getName());
		}
		if (element != null) {
			for (Element subject : element.getChildren("subject", Namespace.getNamespace(DC))) {
				all.add(subject.getText());
			}
		}
		Set<String> names = new LinkedHashSet<>();
		for (String category : all) {
			String name = clean(category);
			if (name != null && name.length() <= 80) {
				names.add(name);
			}
		}
		return List.copyOf(names);
	}

	/** The element's base URI: its {@code xml:base} resolved against its parent's, else the parent's. */
	static URI base(Element element, URI parentBase) {
		String declared = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
		if (declared == null || declared.isBlank()) {
			return parentBase;
		}
		try {
			URI resolved = parentBase.resolve(declared.strip());
			return (resolved.isAbsolute() && resolved.getHost() != null) ? resolved : parentBase;
		}
		catch (IllegalArgumentException ex) {
			return parentBase;
		}
	}

	/** The link made absolute against the base; {@code null} unless it is an http(s) URL with a host. */
	static @Nullable String absolute(URI base, @Nullable String link) {
		String value = clean(link);
		if (value == null) {
			return null;
		}
		try {
			URI resolved = base.resolve(value.replace(" ", "%20"));
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

	/** The first child of that name in the element's own namespace, or in none. */
	static @Nullable Element child(Element element, String name) {
		Element own = element.getChild(name, element.getNamespace());
		return (own != null) ? own : element.getChild(name);
	}

	private static List<Element> children(Element element, String name) {
		List<Element> own = element.getChildren(name, element.getNamespace());
		return own.isEmpty() ? element.getChildren(name) : own;
	}

	private static @Nullable String text(@Nullable Element element) {
		return (element != null) ? element.getText() : null;
	}

	/** Text from HTML or text: the feed's description, which is either. */
	private static @Nullable String textOf(@Nullable String htmlOrText) {
		return (htmlOrText == null) ? null : clean(Jsoup.parseBodyFragment(htmlOrText).text());
	}

	private static @Nullable Instant instant(java.util.@Nullable Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.replaceAll("\\s+", " ").strip();
		return stripped.isEmpty() ? null : stripped;
	}

	private static String limit(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max).strip();
	}

	/**
	 * A feed, as read.
	 *
	 * @param feed what the feed says about itself
	 * @param entries its entries, in the feed's order
	 * @param repairs what had to be repaired to read it, for the fetch log; empty if nothing
	 */
	record ParsedFeed(FeedInfo feed, List<FeedEntry> entries, List<String> repairs) {
	}

	/**
	 * What a feed says about its blog.
	 *
	 * @param title the blog's name
	 * @param siteUrl its home page
	 * @param description its description, as text
	 */
	record FeedInfo(@Nullable String title, @Nullable String siteUrl, @Nullable String description) {
	}

	/**
	 * One entry of a feed, as read.
	 *
	 * @param guid its id as the feed gave it (RSS guid, Atom id, RDF about, JSON id), or
	 * {@code null} if the feed gave none
	 * @param title its title as plain text
	 * @param link the absolute http(s) URL of the original; {@code null} if it has no usable one
	 * @param published when it was published, if the feed says so in a readable way
	 * @param updated when it was last updated, likewise
	 * @param author its author's name, never an e-mail address
	 * @param categories its categories
	 * @param html its content or summary, as (unsanitized) HTML
	 * @param base the URL its HTML's relative links are relative to
	 * @param imageUrl its picture, an https URL, if it has one
	 * @param imageAlt what the picture shows, if the feed says
	 */
	record FeedEntry(@Nullable String guid, @Nullable String title, @Nullable String link,
			@Nullable Instant published, @Nullable Instant updated, @Nullable String author, List<String> categories,
			@Nullable String html, @Nullable String base, @Nullable String imageUrl, @Nullable String imageAlt) {
	}

	/** The bytes are not a feed. */
	static class InvalidFeedException extends Exception {

		InvalidFeedException(String message) {
			super(message);
		}

	}

	/** The bytes are a web page; it may name feeds. */
	static class WebPageException extends InvalidFeedException {

		private final List<FeedLinks.Link> feeds;

		WebPageException(List<FeedLinks.Link> feeds) {
			super(feeds.isEmpty() ? "This is a web page, not a feed, and it names no feed."
					: "This is a web page, not a feed; its feeds are " + String.join(", ",
							feeds.stream().map(FeedLinks.Link::url).toList()) + ".");
			this.feeds = List.copyOf(feeds);
		}

		List<FeedLinks.Link> feeds() {
			return this.feeds;
		}

	}

}
