package dev.blogroll.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.listing.Listing;
import dev.blogroll.text.Markdown;
import dev.blogroll.web.SiteLocale;

/**
 * Writes a feed with ROME. Every entry has a permanent id that survives a change of title,
 * slug or category ({@code tag:} URI from the site's host, the post's creation date and its
 * id), its title, link, published and updated dates, author, category and tags, the excerpt,
 * and the body as sanitized HTML when the post has one.
 */
@Component
class FeedWriter {

	private static final DateTimeFormatter TAG_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final BlogrollProperties properties;

	private final SiteLocale siteLocale;

	FeedWriter(BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.properties = properties;
	}

	String write(Listing listing, List<FeedEntry> entries, boolean atom, Instant updated) {
		String self = this.properties.absoluteUrl(listing.feedPath(atom ? "atom" : "rss"));
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
		feed.setUri(self);
		feed.setTitle(listing.heading() + " – " + this.properties.siteName());
		feed.setDescription(listing.description().isBlank() ? listing.heading() : listing.description());
		feed.setLink(this.properties.absoluteUrl(listing.path()));
		feed.setLanguage(this.siteLocale.languageTag());
		feed.setLinks(List.of(link("self", self, atom ? "application/atom+xml" : "application/rss+xml"),
				link("alternate", this.properties.absoluteUrl(listing.path()), "text/html")));
		feed.setPublishedDate(Date.from(updated));
		if (atom) {
			// RSS would write this as <managingEditor>, which must be an e-mail address
			feed.setAuthors(List.of(person(this.properties.siteName(), this.properties.absoluteUrl("/"))));
		}
		feed.setEntries(entries.stream().map((entry) -> entry(entry, atom)).toList());
		try {
			Document document = new SyndFeedOutput().outputJDom(feed);
			if (!atom) {
				fixRss(document, self);
			}
			return new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).outputString(document);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the feed of " + listing.path(), ex);
		}
	}

	/**
	 * What ROME's RSS 2.0 output lacks or repeats, by the W3C feed validator's warnings: it
	 * drops the {@code atom:link rel="self"} it was given, and writes every date twice, as
	 * {@code pubDate} and as {@code dc:date} (its Dublin Core module holds the dates); RSS's own
	 * {@code pubDate} stays.
	 */
	private static void fixRss(Document document, String self) {
		Element channel = document.getRootElement().getChild("channel");
		if (channel == null) {
			return;
		}
		Namespace dc = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
		channel.removeChildren("date", dc);
		for (Element item : channel.getChildren("item")) {
			item.removeChildren("date", dc);
		}
		Namespace atom = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
		document.getRootElement().addNamespaceDeclaration(atom);
		Element link = new Element("link", atom).setAttribute("href", self)
			.setAttribute("rel", "self")
			.setAttribute("type", "application/rss+xml");
		// after the channel's own link, where readers and the validator look first
		int position = channel.indexOf(channel.getChild("link")) + 1;
		channel.addContent(position, link);
	}

	private SyndEntry entry(FeedEntry post, boolean atom) {
		SyndEntry entry = new SyndEntryImpl();
		entry.setUri("tag:" + this.properties.siteUrl().getHost() + "," + TAG_DATE.format(post.createdAt()) + ":post-"
				+ post.id());
		entry.setTitle(post.title());
		entry.setLink(this.properties.absoluteUrl(post.path()));
		entry.setPublishedDate(Date.from(post.publishedAt()));
		entry.setUpdatedDate(Date.from(post.updatedAt().isAfter(post.publishedAt()) ? post.updatedAt()
				: post.publishedAt()));
		if (atom) {
			entry.setAuthors(List.of(person(post.authorName(), this.properties.absoluteUrl(post.authorPath()))));
		}
		else {
			// RSS's own <author> must be an e-mail address; a name goes in <dc:creator>
			entry.setAuthor(post.authorName());
		}
		List<SyndCategory> categories = new ArrayList<>();
		categories.add(category(post.categoryName()));
		post.tags().forEach((tag) -> categories.add(category(tag)));
		entry.setCategories(categories);
		// RSS readers render <description> as HTML: the excerpt is text, so it is escaped first
		entry.setDescription(content("text", atom ? post.summary() : HtmlUtils.htmlEscape(post.summary())));
		if (post.body() != null) {
			entry.setContents(List.of(content("html", Markdown.toSafeHtml(post.body(), this.siteLocale.markdownWords()))));
		}
		return entry;
	}

	private static SyndLink link(String rel, String href, String type) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

	private static SyndPerson person(String name, String uri) {
		SyndPerson person = new SyndPersonImpl();
		person.setName(name);
		person.setUri(uri);
		return person;
	}

	private static SyndCategory category(String name) {
		SyndCategory category = new SyndCategoryImpl();
		category.setName(name);
		return category;
	}

	private static SyndContent content(String type, String value) {
		SyndContent content = new SyndContentImpl();
		content.setType(type);
		content.setValue(value);
		return content;
	}

}
