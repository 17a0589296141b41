package dev.blogroll.ingest;

import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The correctness defects issue 17 found against public feed corpora, each fetched here from a
 * web server on 127.0.0.1 into PostgreSQL and looked at as readers see it: what becomes a post
 * and which post, links after {@code xml:base}, charsets, dates, titles, authors, and what an
 * editor is told when the address is wrong.
 */
@BlogrollTest
class FeedCorrectnessTests {

	@Autowired
	private FeedFetcher fetcher;

	@Autowired
	private FeedSources sources;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private BlogrollProperties properties;

	@Autowired
	private Clock clock;

	private FeedServer server;

	private Instant started;

	private long categoryId;

	@BeforeEach
	void start() {
		this.server = new FeedServer();
		this.started = this.jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
		this.jdbc.sql("insert into category (slug, name) values ('correctness-test', 'Correctness Test') on conflict do nothing")
			.update();
		this.categoryId = this.jdbc.sql("select id from category where slug = 'correctness-test'").query(Long.class)
			.single();
	}

	@AfterEach
	void cleanUp() {
		this.server.close();
		this.jdbc.sql("delete from post where category_id = :id").param("id", this.categoryId).update();
		this.jdbc.sql("delete from feed_source where name like 'FC %'").update();
		this.jdbc.sql("delete from category where slug = 'correctness-test'").update();
		this.jdbc.sql("delete from author a where created_at >= :t and not exists (select 1 from post p where p.author_id = a.id)")
			.param("t", Timestamp.from(this.started)).update();
		this.jdbc.sql("delete from tag t where created_at >= :t and not exists (select 1 from post_tag pt where pt.tag_id = t.id)")
			.param("t", Timestamp.from(this.started)).update();
	}

	/** A source whose feed is the corpus file, served with the headers given. */
	private long source(String name, String file, String... headers) {
		String path = "/" + file.replace('/', '-');
		this.server.serveBytes(path, FeedCorpus.bytes(file), headers);
		return this.sources.create("FC " + name, "https://example.com/", this.server.url(path), this.categoryId, "",
				true, 60);
	}

	private FeedSources.FetchRecord fetch(long id) {
		return this.fetcher.fetchNow(id).orElseThrow();
	}

	private List<Map<String, Object>> posts(long sourceId) {
		return this.jdbc.sql("""
				select p.*, a.name as author_name, a.slug as author_slug from post p join author a on a.id = p.author_id
				where p.source_id = :id order by p.published_at desc, p.id desc""").param("id", sourceId).query().listOfRows();
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
	}

	private String pathOf(Map<String, Object> post) {
		return "/blog/correctness-test/" + post.get("slug");
	}

	@Test
	void notesOnOnePageAreDistinctPostsAndFetchingAgainChangesNothing() {
		long id = source("Notes", "identity/fragments.xml");

		assertThat(fetch(id).newPosts()).isEqualTo(4);
		List<Map<String, Object>> first = posts(id);
		FeedSources.FetchRecord again = fetch(id);
		FeedSources.FetchRecord third = fetch(id);

		assertThat(first).extracting((post) -> post.get("source_url")).containsExactly(
				"https://notes.example.com/2025/03/04#a180000", "https://notes.example.com/2025/03/04#a120000",
				"https://notes.example.com/2025/03/04#a090000", "https://notes.example.com/2025/03/03");
		assertThat(again.newPosts() + again.updatedPosts() + third.newPosts() + third.updatedPosts()).isZero();
		assertThat(posts(id)).extracting((post) -> List.of(post.get("title"), post.get("version"), post.get("updated_at")))
			.isEqualTo(first.stream().map((post) -> List.of(post.get("title"), post.get("version"), post.get("updated_at"))).toList());
	}

	@Test
	void entriesSharingALinkAreDistinctPostsWithTheirOwnTitlesAndAuthors() {
		long id = source("Linked", "identity/shared-link.xml");

		assertThat(fetch(id).newPosts()).isEqualTo(2);
		assertThat(fetch(id).updatedPosts()).isZero();

		assertThat(posts(id)).extracting((post) -> List.of(post.get("title"), post.get("author_name")))
			.containsExactly(List.of("★ A linked-list entry", "John Writer"), List.of("[Sponsor] Vendor product", "Sponsor"));
	}

	@Test
	void anEntryWithoutAUsableLinkBecomesNoPost() {
		long id = source("No links", "identity/no-links.xml");

		FeedSources.FetchRecord fetch = fetch(id);

		assertThat(fetch.newPosts()).isOne();
		assertThat(fetch.message()).contains("3 entries; 2 have no link to an original and became no post");
		assertThat(posts(id)).extracting((post) -> post.get("source_url")).containsExactly("https://nolinks.example.com/linked");
		assertThat(this.jdbc.sql("select count(*) from post where created_by = 'feed' and source_url is null and status = 'PUBLISHED'")
			.query(Long.class).single()).as("published feed posts without an original, anywhere").isZero();
	}

	@Test
	void xmlBaseGivesTheOriginalsAddressAndThePicture() throws Exception {
		long id = source("Base", "base/rss-channel-base.xml");
		fetch(id);

		Map<String, Object> relative = posts(id).stream().filter((post) -> "Relative link".equals(post.get("title")))
			.findFirst().orElseThrow();
		assertThat(relative.get("source_url")).isEqualTo("https://rssbase.example.com/weblog/entries/relative.html");
		assertThat(relative.get("image_url")).isEqualTo("https://rssbase.example.com/weblog/pics/one.png");
		assertThat(page(pathOf(relative)).select("link[rel=canonical]").attr("href"))
			.isEqualTo("https://rssbase.example.com/weblog/entries/relative.html");
		assertThat(posts(id)).extracting((post) -> post.get("source_url"))
			.contains("https://rssbase.example.com/archive/2019/old.html");
	}

	@Test
	void theHttpCharsetIsHonouredAndNoC1ControlReachesPagesOrFeeds() throws Exception {
		long latin1 = source("Latin-1", "charset/latin1-undeclared-http-charset.xml", "Content-Type",
				"text/xml; charset=ISO-8859-1");
		// the same link in both files would make the second the first's syndicated copy: another link
		byte[] quotesFeed = new String(FeedCorpus.bytes("charset/cp1252-declared-latin1.xml"), StandardCharsets.ISO_8859_1)
			.replace("charset.example.com/item", "charset.example.com/quotes").getBytes(StandardCharsets.ISO_8859_1);
		this.server.serveBytes("/quotes.xml", quotesFeed);
		long cp1252 = this.sources.create("FC Windows-1252", "https://example.com/", this.server.url("/quotes.xml"),
				this.categoryId, "", true, 60);
		fetch(latin1);
		fetch(cp1252);

		assertThat(posts(latin1).get(0).get("title")).isEqualTo("criminalité liée à la drogue");
		Map<String, Object> quotes = posts(cp1252).get(0);
		assertThat(quotes.get("title")).isEqualTo("“Smart quotes” — and €5 ‘single’ … ™");
		String pageHtml = this.mvc.perform(get(pathOf(quotes))).andReturn().getResponse().getContentAsString();
		String rss = this.mvc.perform(get("/blog/correctness-test/feed.rss")).andReturn().getResponse().getContentAsString();
		assertThat(pageHtml).contains("“Smart quotes”");
		assertThat(rss).contains("criminalité liée à la drogue", "“Smart quotes”");
		assertThat(pageHtml + rss).doesNotContainPattern("[\\u0080-\\u009F]");
	}

	@Test
	void datesAreStoredExactlyAndPagesShowAtMostMilliseconds() throws Exception {
		this.server.serve("/dates.xml", """
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Dates</title><id>urn:d</id><updated>2013-09-14T00:00:00Z</updated>
				<entry><title>Microseconds</title><id>urn:d:1</id><link href="https://dates.example.org/micro"/>
				<published>2013-09-13T23:45:36.972031-05:00</published><updated>2013-09-13T23:45:36.972031-05:00</updated></entry>
				</feed>""");
		long id = this.sources.create("FC Dates", "https://example.com/", this.server.url("/dates.xml"), this.categoryId,
				"", true, 60);
		fetch(id);

		Map<String, Object> post = posts(id).get(0);
		assertThat(((Timestamp) post.get("published_at")).toInstant()).isEqualTo(Instant.parse("2013-09-14T04:45:36.972031Z"));
		Document page = page(pathOf(post));
		assertThat(page.select("time[datetime]")).isNotEmpty().allSatisfy((time) -> assertThat(time.attr("datetime"))
			.as("HTML allows one to three fractional digits").doesNotContainPattern("\\.\\d{4,}"));
		assertThat(page.select("time.post-date, .post-meta time").attr("datetime")).isEqualTo("2013-09-14T04:45:36.972Z");
	}

	@Test
	void aPostWithoutTextStillHasADescription() throws Exception {
		this.server.serve("/bare.xml", """
				<rss version="2.0"><channel><title>Bare</title><link>https://bare.example.org/</link><description>d</description>
				<item><title>Only a title</title><link>https://bare.example.org/only-a-title</link></item></channel></rss>""");
		long id = this.sources.create("FC Bare", "https://example.com/", this.server.url("/bare.xml"), this.categoryId, "",
				true, 60);
		fetch(id);

		Document page = page(pathOf(posts(id).get(0)));
		assertThat(page.select("meta[name=description]")).hasSize(1);
		assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("Only a title");
		assertThat(page.select("meta[property=og:description]").attr("content")).isEqualTo("Only a title");
	}

	@Test
	void titlesAreTextAsTheirTypeSays() {
		long atom = source("Atom titles", "titles/atom-title-types.xml");
		long rss = source("RSS titles", "titles/rss-title-markup.xml");
		fetch(atom);
		fetch(rss);

		assertThat(posts(atom)).extracting((post) -> post.get("title")).containsExactly("Fast & safe", "Fast and safe",
				"Using <div> & <span> elements", "Whitespace everywhere");
		assertThat(posts(rss)).extracting((post) -> post.get("title")).contains("Bold move",
				"Generics: List<T> and Map<K, V>", "AT&T buys \"everything\"", "Linked title");
	}

	@Test
	void authorsAreNamesNeverEmailAddresses() {
		long rss = source("Authors", "authors/rss-authors.xml");
		long atom = source("Atom authors", "authors/atom-feed-author.xml");
		fetch(rss);
		fetch(atom);

		assertThat(posts(rss)).extracting((post) -> post.get("author_name"))
			.containsExactlyInAnyOrder("kebernet", "FC Authors", "Jane Doe", "Joe Bloggs", "FC Authors", "FC Authors");
		assertThat(posts(rss)).extracting((post) -> (String) post.get("author_slug")).noneMatch((slug) -> slug.contains("example-com"));
		assertThat(posts(atom)).extracting((post) -> post.get("author_name"))
			.containsExactly("Feed Person", "Entry Person", "Source Person");
	}

	@Test
	void aWebPageSaysWhichFeedsItNamesAndANewSourceFollowsTheFirst() {
		this.server.serve("/blog", """
				<!DOCTYPE html><html><head><title>Blog</title>
				<link rel="alternate" type="application/rss+xml" title="Posts" href="/blog/feed.xml">
				<link rel="alternate" type="application/atom+xml" title="Comments" href="/blog/comments.atom">
				</head><body>Hello</body></html>""", "Content-Type", "text/html; charset=utf-8");
		this.server.serve("/blog/feed.xml", FeedServer.resource("engineering-rss2.xml"));
		long id = this.sources.create("FC Page", "https://example.com/", this.server.url("/blog"), this.categoryId, "",
				true, 60);

		FeedSources.FetchRecord first = fetch(id);

		assertThat(first.message()).isEqualTo("The address is a web page; it names the feed " + this.server.url("/blog/feed.xml")
				+ ", which is now the source's feed; next fetch at once");
		FeedSource moved = this.sources.findById(id).orElseThrow();
		assertThat(moved.feedUrl()).isEqualTo(this.server.url("/blog/feed.xml"));
		assertThat(moved.nextFetchAt()).isBeforeOrEqualTo(this.clock.instant());
		assertThat(fetch(id).newPosts()).isEqualTo(2);

		// a source that has worked and now answers a web page is not moved: the editor is told
		this.server.serve("/blog/feed.xml", """
				<html><head><link rel="alternate" type="application/atom+xml" href="/new/atom.xml"></head></html>""");
		FeedSources.FetchRecord broken = fetch(id);
		assertThat(broken.error()).isEqualTo("This is a web page, not a feed; its feeds are " + this.server.url("/new/atom.xml") + ".");
		assertThat(this.sources.findById(id).orElseThrow().feedUrl()).isEqualTo(this.server.url("/blog/feed.xml"));
	}

	@Test
	void anUnknownHostSaysSoAndIsNotCalledRefused() {
		// a resolver that knows no address for the name, as DNS answers for a domain that is gone
		AddressGuard noDns = new AddressGuard(true, false, (host) -> {
			throw new UnknownHostException(host);
		});
		FeedClient client = new FeedClient(this.properties, noDns, this.clock, FeedClient.PLAIN_SOCKETS);

		FeedClient.Result result = client.fetch(URI.create("https://blog.example.invalid/feed.xml"), null, null);

		assertThat(result.outcome()).isEqualTo(FeedClient.Outcome.FAILED);
		assertThat(result.message()).isEqualTo(
				"The host blog.example.invalid is unknown: no DNS server knows its address");
	}

}
