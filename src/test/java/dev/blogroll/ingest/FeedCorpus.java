package dev.blogroll.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.blogroll.ingest.FeedParser.FeedEntry;
import dev.blogroll.ingest.FeedParser.ParsedFeed;

/**
 * The feeds of {@code src/test/resources/feeds/corpus} and what each must yield: every shape
 * of feed the public test suites of feed parsers cover (encodings and their labels, undeclared
 * namespaces, DOCTYPEs and entities, broken XML, every format, {@code xml:base}, title types,
 * authors, dates, images, identity), written for Blogroll. Each file is served as if from
 * {@code https://corpus.example.com/feeds/<file>}, with the {@code Content-Type} its case names.
 */
final class FeedCorpus {

	static final String BASE = "https://corpus.example.com/feeds/";

	private static final String T = "Café crème, naïve résumé";

	private static final String D = "Ünïcödé ✓ 日本語";

	private static final String CP1252 = "“Smart quotes” — and €5 ‘single’ … ™";

	private FeedCorpus() {
	}

	/** Every case, in the corpus's order. */
	static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		// encodings: the bytes, their labels, and labels that lie
		for (String file : List.of("utf8-bom", "utf8-no-declaration", "utf16le-bom", "utf16be-bom", "utf16le-no-bom",
				"utf16be-no-bom", "utf32le-bom", "utf32be-bom", "utf32le-no-bom", "utf32be-no-bom",
				"utf16le-bom-declared-utf8")) {
			cases.add(feed("charset/" + file + ".xml").entries(1).title(0, T).text(0, D).build());
		}
		cases.add(feed("charset/latin1-declared-utf8.xml").entries(1).title(0, "criminalité liée à la drogue")
			.text(0, "Déjà vu").build());
		cases.add(feed("charset/latin1-undeclared-http-charset.xml").served("text/xml; charset=ISO-8859-1")
			.title(0, "criminalité liée à la drogue").text(0, "Déjà vu").build());
		cases.add(feed("charset/latin1-no-declaration-http-charset.xml").served("application/rss+xml;charset=\"iso-8859-1\"")
			.title(0, "criminalité liée à la drogue").build());
		cases.add(feed("charset/utf8-declared-latin1.xml").title(0, T).text(0, "Déjà vu").build());
		cases.add(feed("charset/cp1252-declared-latin1.xml").title(0, CP1252).text(0, "It’s 20€").build());
		cases.add(feed("charset/cp1252-declared-cp1252.xml").title(0, CP1252).build());
		cases.add(feed("charset/utf8-c1-controls.xml").title(0, CP1252).build());
		cases.add(feed("charset/koi8r-declared.xml").title(0, "Привет, мир").text(0, "Кириллица").build());
		cases.add(feed("charset/cp1251-http-overrides-declaration.xml").served("text/xml; charset=windows-1251")
			.title(0, "Привет, мир").build());
		cases.add(feed("charset/shift-jis-declared.xml").title(0, "日本語のブログ").text(0, "テスト").build());
		cases.add(feed("charset/gb18030-declared.xml").title(0, "中文博客").build());
		cases.add(feed("charset/utf8-mixed-latin1-bytes.xml").title(0, T).text(0, "Déjà").build());

		// namespace prefixes nobody declared
		cases.add(feed("namespaces/itunes-undeclared.xml").entries(2).title(0, "Episode 12: incident reviews")
			.author(0, "Sam Operator").link(1, "https://podcast.example.com/11").guid(0, "ops-talk-12").build());
		cases.add(feed("namespaces/media-undeclared.xml").title(0, "The new data centre")
			.image(0, "https://cdn.photos.example.com/dc-thumb.jpg").build());
		cases.add(feed("namespaces/dc-undeclared.xml").author(0, "Grace Hopper")
			.published(0, "2024-11-05T14:30:00Z").category(0, "Databases").build());
		cases.add(feed("namespaces/content-undeclared.xml").author(0, "Ken Thompson")
			.text(0, "The long version of how we flip flags.").build());
		cases.add(feed("namespaces/a10-links.xml").entries(2).link(0, "https://dotnet.example.com/posts/async-streams")
			.author(0, "Anders Example").updated(0, "2024-06-01T10:00:00Z")
			.link(1, "https://dotnet.example.com/posts/spans").build());
		cases.add(feed("namespaces/prefix-on-root.xml").title(0, "Edge locations").link(0, "https://mixed.example.com/edge")
			.build());

		// DOCTYPEs and entities: tolerated, never expanded, nothing loaded
		cases.add(feed("doctype/rss091-netscape.xml").entries(2).title(0, "Café servers\u00a0rebooted")
			.text(0, "The café is back & online.").link(1, "http://oldschool.example.com/1999/y2k.html").build());
		cases.add(feed("doctype/internal-subset.xml").title(0, "News from &company;").build());
		cases.add(feed("doctype/xxe-file.xml").title(0, "Read this: &xxe;").check("nothing read from /etc/passwd",
				(feed) -> feed.entries().stream().noneMatch((e) -> String.valueOf(e.html()).contains("root:"))).build());
		cases.add(feed("doctype/xxe-parameter.xml").title(0, "Harmless title").build());
		cases.add(feed("doctype/billion-laughs.xml").title(0, "&lol9;").build());
		cases.add(feed("doctype/html-entities.xml").title(0, "Don’t panic\u00a0— it’s only © 2024")
			.text(0, "Résumé … €5").build());
		cases.add(feed("doctype/unknown-entities.xml").title(0, "AT&T and &bogus; entities")
			.link(0, "https://amp.example.com/post?id=1&page=2").text(0, "Fish & chips &zzz; here").build());

		// broken XML
		cases.add(feed("malformed/unescaped-html.xml").entries(2).text(0, "First line second line")
			.html(0, "img", (html) -> html.contains("https://raw.example.com/a.png"))
			.image(0, "https://raw.example.com/a.png").text(1, "one two").build());
		cases.add(feed("malformed/truncated-after-item.xml").entries(2).title(1, "Second complete entry").build());
		cases.add(feed("malformed/truncated-mid-item.xml").atLeast(1).title(0, "Whole entry")
			.link(0, "https://cutmid.example.com/1").build());
		cases.add(feed("malformed/unclosed-elements.xml").entries(2).title(0, "The guid is never closed")
			.title(1, "Neither is this category").link(1, "https://unclosed.example.com/two").build());
		cases.add(feed("malformed/whitespace-before-declaration.xml").title(0, "Caching plugins considered harmful").build());
		cases.add(feed("malformed/control-characters.xml").title(0, "Colours [1mbold[0m in logs")
			.text(0, "Verticaltab and formfeed").build());
		cases.add(feed("malformed/unquoted-attributes.xml").guid(0, "unquoted-ep1")
			.image(0, "https://unquoted.example.com/cover.jpg").build());
		cases.add(feed("malformed/cdata-split.xml").entries(2).title(0, "Arrays: a[b[0]] and friends")
			.link(0, "https://cdata.example.com/arrays").text(0, "The sequence ]]> ends a CDATA section.")
			.title(1, "Mixed text & CDATA title").text(1, "Encoded and not").build());
		cases.add(feed("malformed/cdata-unterminated.xml").atLeast(1).title(0, "First").build());
		cases.add(feed("malformed/atom-without-namespace.xml").title(0, "Forgotten xmlns")
			.link(0, "https://nons.example.com/xmlns").author(0, "Nobody Namespace").build());
		cases.add(feed("malformed/mismatched-tags.xml").title(0, "Overlapping bold italic markup").build());

		// every format
		cases.add(feed("formats/atom03.xml").entries(2).title(0, "Escaped content mode")
			.text(0, "Hello escaped world").published(0, "2004-06-01T12:00:00Z").author(0, "Mark Example")
			.text(1, "Inline XHTML").author(1, "Entry Author").build());
		cases.add(feed("formats/rss10-rdf.xml").entries(2).author(0, "Tim Example").published(0, "2003-05-01T08:00:00Z")
			.text(0, "Long and detailed.").guid(0, "https://rdf.example.com/semantic").published(1, "2003-04-01T00:00:00Z")
			.build());
		cases.add(feed("formats/rss090.xml").entries(2).link(1, "http://rss090.example.com/push").build());
		cases.add(feed("formats/rss091-userland.xml").title(0, "Outliners").build());
		cases.add(feed("formats/rss092-enclosure.xml").title(0, null).text(0, "An item with no title")
			.image(0, "https://rss092.example.com/photo.png").build());
		cases.add(feed("formats/rss20-guid-permalink.xml").entries(3).link(0, "https://guid.example.com/2025/permalink")
			.guid(0, "https://guid.example.com/2025/permalink").guid(1, "guid.example.com:42")
			.link(1, "https://guid.example.com/2025/forty-two").guid(2, null).build());
		cases.add(feed("formats/rss20-default-namespace.xml").title(0, "Namespaces in RSS")
			.published(0, "2025-01-02T12:00:00Z").build());
		cases.add(feed("formats/atom10-full.xml").link(0, "https://atom10.example.com/every-element")
			.published(0, "2025-01-31T17:00:00Z").updated(0, "2025-02-01T18:30:02Z").author(0, "Entry Author")
			.text(0, "The content.").category(0, "atom").feedTitle("Atom 1.0, all of it")
			.feedDescription("Every element a feed may have").siteUrl("https://atom10.example.com/").build());
		cases.add(feed("formats/json-feed.json").title(0, "First JSON entry").link(0, "https://json.example.com/first")
			.published(0, "2025-02-03T09:00:00.123456Z").author(0, "Jay Son").image(0, "https://json.example.com/first.png")
			.build());

		// xml:base
		cases.add(feed("base/atom-feed-base.xml").entries(2).link(0, "https://base.example.com/blog/2025/relative")
			.html(0, "relative URLs against the feed's base",
					(html) -> html.contains("img/chart.png") || html.contains("https://base.example.com/blog/img/chart.png"))
			.image(0, "https://base.example.com/blog/img/chart.png").base(0, "https://base.example.com/blog/")
			.link(1, "https://base.example.com/elsewhere/root").siteUrl("https://base.example.com/blog/").build());
		cases.add(feed("base/atom-entry-base.xml").entries(2).link(0, "https://entrybase.example.com/posts/2025/nested")
			.image(0, "https://cdn.entrybase.example.com/media/photo.jpg")
			.base(0, "https://cdn.entrybase.example.com/media/").link(1, "https://other.example.net/x/y").build());
		cases.add(feed("base/rss-channel-base.xml").entries(2).link(0, "https://rssbase.example.com/weblog/entries/relative.html")
			.image(0, "https://rssbase.example.com/weblog/pics/one.png")
			.link(1, "https://rssbase.example.com/archive/2019/old.html").build());
		cases.add(feed("base/relative-no-base.xml").entries(3).link(0, "https://corpus.example.com/posts/root-relative")
			.link(1, "https://corpus.example.com/feeds/base/posts/path-relative")
			.link(2, "https://cdn.relative.example.org/posts/scheme-relative").build());

		// titles as their type says
		cases.add(feed("titles/atom-title-types.xml").entries(4).title(0, "Fast & safe").title(1, "Fast and safe")
			.title(2, "Using <div> & <span> elements").title(3, "Whitespace everywhere").feedTitle("Titles & their types")
			.build());
		cases.add(feed("titles/rss-title-markup.xml").entries(5).title(0, "Bold move")
			.title(1, "Generics: List<T> and Map<K, V>").title(2, "AT&T buys \"everything\"").title(3, "Linked title")
			.title(4, "Less than: 3 < 5 && 5 > 3").build());

		// authors
		cases.add(feed("authors/rss-authors.xml").entries(6).author(0, "kebernet").author(1, null).author(2, "Jane Doe")
			.author(3, "Joe Bloggs").author(4, null).author(5, null).build());
		cases.add(feed("authors/atom-feed-author.xml").entries(3).author(0, "Feed Person").author(1, "Entry Person")
			.author(2, "Source Person").build());

		// dates, each entry titled with the instant it means
		cases.add(feed("dates/rss-dates.xml").entries(35).check("every pubDate", FeedCorpus::datesAsTitled).build());
		cases.add(feed("dates/atom-dates.xml").entries(19).check("every published date", FeedCorpus::datesAsTitled).build());

		// images
		cases.add(feed("images/media-and-enclosures.xml").entries(7).image(0, "https://images.example.com/thumb.jpg")
			.image(1, "https://images.example.com/content.png").imageAlt(1, "A diagram of the pipeline")
			.image(2, "https://images.example.com/group-large.webp").image(3, "https://images.example.com/enclosure.jpg")
			.image(4, "https://images.example.com/inline.jpg").imageAlt(4, "Inline figure").image(5, null)
			.image(6, "https://corpus.example.com/uploads/relative.png").build());
		cases.add(feed("images/atom-media.xml").entries(2).image(0, "https://atommedia.example.com/one.jpg")
			.image(1, "https://atommedia.example.com/two.png").build());

		// identity: what a post is made of
		cases.add(feed("identity/fragments.xml").entries(4).link(0, "https://notes.example.com/2025/03/04#a090000")
			.guid(1, "https://notes.example.com/2025/03/04#a120000").title(2, null).build());
		cases.add(feed("identity/shared-link.xml").entries(2).link(0, "https://vendor.example.org/product")
			.link(1, "https://vendor.example.org/product").author(1, "Sponsor").build());
		cases.add(feed("identity/no-links.xml").entries(3).link(0, null).link(1, null)
			.link(2, "https://nolinks.example.com/linked").build());

		// not feeds
		cases.add(webPage("notfeeds/web-page.html", "https://corpus.example.com/feed.xml", "https://blog.example.com/atom.xml",
				"https://corpus.example.com/comments/feed.xml"));
		cases.add(refused("notfeeds/empty.xml", "empty"));
		cases.add(refused("notfeeds/plain-xml.xml", "<sitemapindex>"));
		return cases;
	}

	/** Every entry's date is the instant its title names, or none if its title says "unreadable". */
	private static boolean datesAsTitled(ParsedFeed feed) {
		for (FeedEntry entry : feed.entries()) {
			Instant expected = "unreadable".equals(entry.title()) ? null : Instant.parse(Objects.requireNonNull(entry.title()));
			if (!Objects.equals(expected, entry.published())) {
				return false;
			}
		}
		return true;
	}

	static byte[] bytes(String file) {
		try (InputStream in = FeedCorpus.class.getResourceAsStream("/feeds/corpus/" + file)) {
			if (in == null) {
				throw new IllegalArgumentException("No corpus file " + file);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Builder feed(String file) {
		return new Builder(file);
	}

	static Case refused(String file, String reason) {
		return new Case(file, null, Expect.REFUSED, List.of(), reason, List.of());
	}

	static Case webPage(String file, String... feeds) {
		return new Case(file, null, Expect.WEB_PAGE, List.of(), "web page", List.of(feeds));
	}

	/** What a parser must do with a file. */
	enum Expect {

		/** Read it as a feed and yield what the checks say. */
		FEED,
		/** Refuse it, saying why. */
		REFUSED,
		/** Say it is a web page, and which feeds the page names. */
		WEB_PAGE

	}

	/**
	 * One file of the corpus and what it must yield.
	 *
	 * @param file its path under {@code feeds/corpus/}
	 * @param contentType the {@code Content-Type} it is served with, if any
	 * @param expect whether it is a feed, a web page or neither
	 * @param checks what a feed must yield
	 * @param reason what a refusal must say
	 * @param feeds the feeds a web page names
	 */
	record Case(String file, @Nullable String contentType, Expect expect, List<Check> checks, String reason,
			List<String> feeds) {

		/** The shape of feed it stands for: its folder. */
		String group() {
			return this.file.substring(0, this.file.indexOf('/'));
		}

		String url() {
			return BASE + this.file;
		}

		/**
		 * What is wrong with a parser's answer; empty when nothing is.
		 * @param onlyEntries whether to check only what the old parser read (entries, but not
		 * their pictures or content base, and nothing about the feed itself)
		 */
		List<String> problems(@Nullable ParsedFeed parsed, @Nullable Exception refusal, boolean onlyEntries) {
			if (refusal != null) {
				String message = String.valueOf(refusal.getMessage());
				return switch (this.expect) {
					case FEED -> List.of("refused: " + message);
					case REFUSED -> message.contains(this.reason) ? List.of()
							: List.of("refused without saying “" + this.reason + "”: " + message);
					case WEB_PAGE -> (refusal instanceof FeedParser.WebPageException page
							&& page.feeds().stream().map(FeedLinks.Link::url).toList().equals(this.feeds)) ? List.of()
									: List.of("not refused as a web page naming " + this.feeds + ": " + message);
				};
			}
			if (this.expect != Expect.FEED) {
				return List.of("read as a feed, but it is not one");
			}
			List<String> problems = new ArrayList<>();
			for (Check check : this.checks) {
				if (onlyEntries && check.newField()) {
					continue;
				}
				try {
					if (!check.test().test(parsed)) {
						problems.add(check.what() + describe(check, parsed));
					}
				}
				catch (RuntimeException ex) {
					problems.add(check.what() + " (" + ex + ")");
				}
			}
			return problems;
		}

		private static String describe(Check check, ParsedFeed parsed) {
			return (check.actual() != null) ? ", but got " + check.actual().apply(parsed) : "";
		}

	}

	/**
	 * One expectation.
	 *
	 * @param what it, said in words
	 * @param test whether the feed meets it
	 * @param actual what the feed has instead, for the message; may be null
	 * @param newField whether it checks something only the new parser reads (pictures,
	 * content bases, the feed's own title, address and description)
	 */
	record Check(String what, Predicate<ParsedFeed> test,
			java.util.function.@Nullable Function<ParsedFeed, Object> actual, boolean newField) {
	}

	/** Builds a case from expectations on entries, numbered from 0 in the feed's order. */
	static final class Builder {

		private final String file;

		private @Nullable String contentType;

		private final List<Check> checks = new ArrayList<>();

		Builder(String file) {
			this.file = file;
		}

		Builder served(String contentType) {
			this.contentType = contentType;
			return this;
		}

		Builder entries(int count) {
			return add("has " + count + " entries", (feed) -> feed.entries().size() == count,
					(feed) -> feed.entries().size());
		}

		Builder atLeast(int count) {
			return add("has at least " + count + " entries", (feed) -> feed.entries().size() >= count,
					(feed) -> feed.entries().size());
		}

		Builder title(int i, @Nullable String title) {
			return entry(i, "title", title, FeedEntry::title);
		}

		Builder link(int i, @Nullable String link) {
			return entry(i, "link", link, FeedEntry::link);
		}

		Builder guid(int i, @Nullable String guid) {
			return entry(i, "guid", guid, FeedEntry::guid);
		}

		Builder author(int i, @Nullable String author) {
			return entry(i, "author", author, FeedEntry::author);
		}

		Builder published(int i, String instant) {
			return entry(i, "published", Instant.parse(instant), FeedEntry::published);
		}

		Builder updated(int i, String instant) {
			return entry(i, "updated", Instant.parse(instant), FeedEntry::updated);
		}

		Builder image(int i, @Nullable String url) {
			entry(i, "image", url, FeedEntry::imageUrl);
			return newField();
		}

		Builder imageAlt(int i, String alt) {
			entry(i, "image's alt", alt, FeedEntry::imageAlt);
			return newField();
		}

		Builder base(int i, String base) {
			entry(i, "content base", base, FeedEntry::base);
			return newField();
		}

		/** Marks the last check as one of something the old parser did not read. */
		private Builder newField() {
			Check last = this.checks.remove(this.checks.size() - 1);
			this.checks.add(new Check(last.what(), last.test(), last.actual(), true));
			return this;
		}

		Builder category(int i, String category) {
			return add("entry " + i + " has the category " + category,
					(feed) -> feed.entries().get(i).categories().contains(category),
					(feed) -> feed.entries().get(i).categories());
		}

		/** The entry's HTML, as text, contains this. */
		Builder text(int i, String text) {
			return add("entry " + i + "'s text contains “" + text + "”",
					(feed) -> EntryText.plainText(String.valueOf(feed.entries().get(i).html())).contains(text),
					(feed) -> EntryText.plainText(String.valueOf(feed.entries().get(i).html())));
		}

		Builder html(int i, String what, Predicate<String> test) {
			return add("entry " + i + "'s HTML: " + what,
					(feed) -> feed.entries().get(i).html() != null && test.test(feed.entries().get(i).html()),
					(feed) -> feed.entries().get(i).html());
		}

		Builder feedTitle(String title) {
			add("the feed's title is “" + title + "”", (feed) -> title.equals(feed.feed().title()),
					(feed) -> feed.feed().title());
			return newField();
		}

		Builder feedDescription(String description) {
			add("the feed's description is “" + description + "”",
					(feed) -> description.equals(feed.feed().description()), (feed) -> feed.feed().description());
			return newField();
		}

		Builder siteUrl(String url) {
			add("the blog's address is " + url, (feed) -> url.equals(feed.feed().siteUrl()),
					(feed) -> feed.feed().siteUrl());
			return newField();
		}

		Builder check(String what, Predicate<ParsedFeed> test) {
			return add(what, test, null);
		}

		private Builder entry(int i, String field, @Nullable Object expected,
				java.util.function.Function<FeedEntry, @Nullable Object> actual) {
			return add("entry " + i + "'s " + field + " is " + ((expected != null) ? "“" + expected + "”" : "none"),
					(feed) -> Objects.equals(expected, actual.apply(feed.entries().get(i))),
					(feed) -> (feed.entries().size() > i) ? "“" + actual.apply(feed.entries().get(i)) + "”"
							: "only " + feed.entries().size() + " entries");
		}

		private Builder add(String what, Predicate<ParsedFeed> test,
				java.util.function.@Nullable Function<ParsedFeed, Object> actual) {
			this.checks.add(new Check(what, test, actual, false));
			return this;
		}

		Case build() {
			return new Case(this.file, this.contentType, Expect.FEED, List.copyOf(this.checks), "", List.of());
		}

	}

}
