package dev.blogroll.feed;

import java.io.StringReader;
import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blogroll.BlogrollTest;
import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our own feeds held to the rules by which the W3C Feed Validation Service warns, as far as
 * they can be checked here without it (it is a web service): every warning it gave on our RSS
 * before issue 17 ("Missing atom:link with rel="self"", "An item should not include both
 * pubDate and dc:date") and the others it checks in feeds like ours: the self link names the
 * feed's own address with its media type; one date per item and per channel, each an RFC 822
 * date with a four-digit year and the right day of the week; a GUID that is not a URL says
 * {@code isPermaLink="false"}; an item has a title or a description; RSS authors are e-mail
 * addresses (names go in {@code dc:creator}); no relative URL in HTML content; no control
 * characters. For Atom: id, title and updated on the feed and each entry, a self link, an
 * author for every entry, RFC 3339 dates, an alternate link per entry.
 * <p>
 * One warning is kept on purpose and checked here as the only one: the validator suggests
 * {@code <author>} in RSS items, and RSS wants an e-mail address there, which Blogroll does not
 * publish; the name is in {@code dc:creator}, which the validator accepts as the author.
 */
@BlogrollTest
class FeedValidityTests {

	private static final String SITE = "https://blogroll.example";

	private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

	private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");

	@LocalServerPort
	private int port;

	private Document fetch(String path, String type) throws Exception {
		Response response = new SiteClient(this.port).get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		assertThat(response.contentType()).startsWith(type);
		assertThat(response.body()).doesNotContainPattern("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u0080-\\u009F]");
		SAXBuilder builder = new SAXBuilder();
		builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return builder.build(new StringReader(response.body()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/feed.rss", "/blog/engineering/feed.rss", "/blog/tag/api-gateway/feed.rss",
			"/blog/author/marco-palladino/feed.rss" })
	void rssFeedsGiveTheW3cValidatorNothingToWarnAbout(String path) throws Exception {
		Element channel = fetch(path, "application/rss+xml").getRootElement().getChild("channel");
		List<String> warnings = new ArrayList<>();

		List<Element> self = channel.getChildren("link", ATOM).stream()
			.filter((link) -> "self".equals(link.getAttributeValue("rel")))
			.toList();
		if (self.size() != 1 || !(SITE + path).equals(self.get(0).getAttributeValue("href"))
				|| !"application/rss+xml".equals(self.get(0).getAttributeValue("type"))) {
			warnings.add("Missing atom:link with rel=\"self\" naming " + SITE + path);
		}
		checkDates(channel, "channel", warnings);
		for (String required : List.of("title", "link", "description")) {
			if (channel.getChildTextTrim(required) == null || channel.getChildTextTrim(required).isEmpty()) {
				warnings.add("channel must contain " + required);
			}
		}
		List<Element> items = channel.getChildren("item");
		assertThat(items).isNotEmpty();
		for (Element item : items) {
			String where = "item " + item.getChildText("link");
			checkDates(item, where, warnings);
			Element guid = item.getChild("guid");
			if (guid == null) {
				warnings.add(where + ": no guid");
			}
			else {
				boolean permaLink = !"false".equals(guid.getAttributeValue("isPermaLink"));
				boolean url = guid.getTextTrim().startsWith("http://") || guid.getTextTrim().startsWith("https://");
				if (permaLink && !url) {
					warnings.add(where + ": guid must be a full URL, unless isPermaLink is false");
				}
			}
			if (item.getChildText("title") == null && item.getChildText("description") == null) {
				warnings.add(where + ": an item needs a title or a description");
			}
			Element author = item.getChild("author");
			if (author != null && !author.getTextTrim().contains("@")) {
				warnings.add(where + ": author must be an e-mail address");
			}
			if (item.getChild("creator", DC) == null) {
				warnings.add(where + ": no author and no dc:creator");
			}
			checkNoRelativeUrls(item.getChildText("description"), where + " description", warnings);
			checkNoRelativeUrls(item.getChildText("encoded", Namespace.getNamespace("http://purl.org/rss/1.0/modules/content/")),
					where + " content:encoded", warnings);
		}
		assertThat(warnings).as(path).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/feed.atom", "/blog/engineering/feed.atom", "/blog/tag/api-gateway/feed.atom",
			"/blog/author/marco-palladino/feed.atom" })
	void atomFeedsGiveTheW3cValidatorNothingToWarnAbout(String path) throws Exception {
		Element feed = fetch(path, "application/atom+xml").getRootElement();
		List<String> warnings = new ArrayList<>();
		requireAtom(feed, "feed", List.of("id", "title", "updated"), warnings);
		List<Element> self = feed.getChildren("link", ATOM).stream()
			.filter((link) -> "self".equals(link.getAttributeValue("rel")))
			.toList();
		if (self.size() != 1 || !(SITE + path).equals(self.get(0).getAttributeValue("href"))) {
			warnings.add("Missing atom:link with rel=\"self\"");
		}
		boolean feedAuthor = feed.getChild("author", ATOM) != null;
		List<Element> entries = feed.getChildren("entry", ATOM);
		assertThat(entries).isNotEmpty();
		for (Element entry : entries) {
			String where = "entry " + entry.getChildText("id", ATOM);
			requireAtom(entry, where, List.of("id", "title", "updated"), warnings);
			if (!feedAuthor && entry.getChild("author", ATOM) == null) {
				warnings.add(where + ": no author");
			}
			if (entry.getChildren("link", ATOM).stream().noneMatch((link) -> "alternate".equals(link.getAttributeValue("rel", "alternate")))) {
				warnings.add(where + ": no alternate link");
			}
			for (String date : List.of("published", "updated")) {
				String value = entry.getChildText(date, ATOM);
				if (value != null && !value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})")) {
					warnings.add(where + ": " + date + " is not an RFC 3339 date: " + value);
				}
			}
			Element content = entry.getChild("content", ATOM);
			if (content != null && "html".equals(content.getAttributeValue("type"))) {
				checkNoRelativeUrls(content.getText(), where + " content", warnings);
			}
		}
		assertThat(warnings).as(path).isEmpty();
	}

	private static void requireAtom(Element element, String where, List<String> names, List<String> warnings) {
		for (String name : names) {
			if (element.getChildren(name, ATOM).size() != 1) {
				warnings.add(where + " must contain exactly one " + name);
			}
		}
	}

	/** One date, {@code pubDate}, in RFC 822 with a four-digit year and its true day of the week. */
	private static void checkDates(Element element, String where, List<String> warnings) {
		if (element.getChild("date", DC) != null && element.getChild("pubDate") != null) {
			warnings.add(where + ": should not include both pubDate and dc:date");
		}
		for (Element date : element.getChildren("pubDate")) {
			try {
				ZonedDateTime parsed = ZonedDateTime.parse(date.getTextTrim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				String day = date.getTextTrim().substring(0, 3);
				if (!day.equals(parsed.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))) {
					warnings.add(where + ": incorrect day of week " + day);
				}
				if (!date.getTextTrim().matches(".* \\d{4} .*")) {
					warnings.add(where + ": use a four-digit year");
				}
			}
			catch (RuntimeException ex) {
				warnings.add(where + ": pubDate is not an RFC 822 date: " + date.getTextTrim());
			}
		}
		if (element.getChildren("pubDate").size() > 1) {
			warnings.add(where + ": more than one pubDate");
		}
	}

	private static void checkNoRelativeUrls(String html, String where, List<String> warnings) {
		if (html == null) {
			return;
		}
		for (org.jsoup.nodes.Element link : Jsoup.parseBodyFragment(html).select("[href], [src]")) {
			String url = link.hasAttr("href") ? link.attr("href") : link.attr("src");
			if (!URI.create(url.replace(" ", "%20")).isAbsolute()) {
				warnings.add(where + " contains a relative URL: " + url);
			}
		}
	}

}
