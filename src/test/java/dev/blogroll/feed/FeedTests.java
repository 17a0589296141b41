package dev.blogroll.feed;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Atom and RSS feeds, fetched over real HTTP, parsed with ROME and checked against the
 * rules of the W3C feed validator that need no network: well-formed, required elements,
 * RFC 3339 / RFC 822 dates.
 */
@BlogrollTest
class FeedTests {

	private static final String SITE = "https://blogroll.example";

	private static final Pattern RFC_3339 = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

	private static final Pattern RFC_822 = Pattern
		.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} (GMT|UT|Z|[+-]\\d{4})");

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("feed-hostile-post"), List.of(), List.of(), List.of("feed-writer"));
	}

	private Response get(String path) {
		Response response = new SiteClient(this.port).get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return response;
	}

	private static SyndFeed parse(String xml) throws Exception {
		return new SyndFeedInput().build(new StringReader(xml));
	}

	private static Document xml(String xml) {
		return Jsoup.parse(xml, "", Parser.xmlParser());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/feed.atom", "/blog/engineering/feed.atom", "/blog/tag/api-gateway/feed.atom",
			"/blog/author/marco-palladino/feed.atom" })
	void atomFeedsParseAndHaveEverythingAnAtomValidatorRequires(String path) throws Exception {
		Response response = get(path);
		assertThat(response.contentType()).startsWith("application/atom+xml");
		SyndFeed feed = parse(response.body());
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getEntries()).isNotEmpty().hasSizeLessThanOrEqualTo(20);
		Document atom = xml(response.body());
		Element root = atom.selectFirst("feed");
		assertThat(root.attr("xmlns")).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(root.selectFirst("> id").text()).isEqualTo(SITE + path);
		assertThat(root.selectFirst("> title").text()).isNotBlank();
		assertThat(root.selectFirst("> updated").text()).matches(RFC_3339);
		assertThat(root.select("> link[rel=self]").attr("href")).isEqualTo(SITE + path);
		for (Element entry : atom.select("entry")) {
			assertThat(entry.selectFirst("id").text()).startsWith("tag:blogroll.example,");
			assertThat(entry.selectFirst("title").text()).isNotBlank();
			assertThat(entry.select("link").attr("href")).startsWith(SITE + "/blog/");
			assertThat(entry.selectFirst("published").text()).matches(RFC_3339);
			assertThat(entry.selectFirst("updated").text()).matches(RFC_3339);
			assertThat(entry.select("author name").text()).isNotBlank();
			assertThat(entry.select("category")).isNotEmpty();
			assertThat(entry.select("summary").text()).isNotBlank();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/feed.rss", "/blog/engineering/feed.rss", "/blog/tag/api-gateway/feed.rss",
			"/blog/author/marco-palladino/feed.rss" })
	void rssFeedsParseAndHaveEveryRequiredElement(String path) throws Exception {
		Response response = get(path);
		assertThat(response.contentType()).startsWith("application/rss+xml");
		SyndFeed feed = parse(response.body());
		assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
		Document rss = xml(response.body());
		assertThat(rss.selectFirst("rss").attr("version")).isEqualTo("2.0");
		Element channel = rss.selectFirst("rss > channel");
		assertThat(channel.selectFirst("> title").text()).isNotBlank();
		assertThat(channel.selectFirst("> link").text()).startsWith(SITE);
		assertThat(channel.selectFirst("> description").text()).isNotBlank();
		for (Element person : channel.select("managingEditor, webMaster, item > author")) {
			assertThat(person.text()).as("RSS people are e-mail addresses").contains("@");
		}
		for (Element item : rss.select("item")) {
			assertThat(item.selectFirst("title").text()).isNotBlank();
			assertThat(item.selectFirst("link").text()).startsWith(SITE + "/blog/");
			assertThat(item.selectFirst("guid").text()).startsWith("tag:blogroll.example,");
			assertThat(item.selectFirst("guid").attr("isPermaLink")).isEqualTo("false");
			assertThat(item.selectFirst("pubDate").text()).matches(RFC_822);
			assertThat(item.select("category")).isNotEmpty();
		}
		for (SyndEntry entry : feed.getEntries()) {
			assertThat(entry.getAuthor()).isNotBlank();
		}
	}

	@Test
	void aFeedHoldsTheTwentyNewestPostsOfItsListingInTheSameOrder() throws Exception {
		SyndFeed feed = parse(get("/blog/engineering/feed.atom").body());
		List<String> links = feed.getEntries().stream().map(SyndEntry::getLink).toList();
		SiteClient client = new SiteClient(this.port);
		List<String> listed = new java.util.ArrayList<>();
		listed.addAll(client.page("/blog/engineering").select(".card-title a").eachAttr("href"));
		listed.addAll(client.page("/blog/engineering/page/2").select(".card-title a").eachAttr("href"));
		assertThat(links).hasSize(20)
			.isEqualTo(listed.subList(0, 20).stream().map((href) -> SITE + href).toList());
	}

	@Test
	void anEntryKeepsItsIdWhenItsTitleChanges() throws Exception {
		SyndEntry newest = parse(get("/feed.atom").body()).getEntries().get(0);
		String slug = newest.getLink().substring(newest.getLink().lastIndexOf('/') + 1);
		String title = this.jdbc.sql("select title from post where slug = :slug").param("slug", slug)
			.query(String.class).single();
		try {
			this.jdbc.sql("update post set title = 'Retitled', updated_at = now() where slug = :slug")
				.param("slug", slug).update();
			SyndEntry retitled = parse(get("/feed.atom").body()).getEntries().get(0);
			assertThat(retitled.getTitle()).isEqualTo("Retitled");
			assertThat(retitled.getUri()).isEqualTo(newest.getUri());
		}
		finally {
			this.jdbc.sql("update post set title = :title where slug = :slug").param("title", title)
				.param("slug", slug).update();
		}
	}

	@Test
	void contentIsSanitizedHtml() throws Exception {
		this.testPosts.add(PostBuilder.post()
			.slug("feed-hostile-post")
			.title("Feed <script>alert(1)</script>")
			.author("Feed Writer")
			.publishedAt("2025-07-01T00:00:00Z")
			.body("Body <script>alert('x')</script><img src=x onerror=alert(1)> and [a](javascript:alert(2))"));
		SyndEntry entry = parse(get("/blog/author/feed-writer/feed.atom").body()).getEntries().get(0);
		assertThat(entry.getTitle()).isEqualTo("Feed <script>alert(1)</script>");
		String html = entry.getContents().get(0).getValue();
		assertThat(Jsoup.parse(html).select("script, [onerror], a[href^=javascript]")).isEmpty();
		assertThat(html).contains("Body");
	}

	@Test
	void feedsAnswerConditionalRequests() {
		Response first = get("/blog/engineering/feed.rss");
		assertThat(first.header("ETag")).isNotNull();
		assertThat(first.header("Cache-Control")).startsWith("public");
		Response again = new SiteClient(this.port).get("/blog/engineering/feed.rss",
				Map.of("If-None-Match", first.header("ETag")));
		assertThat(again.status()).isEqualTo(304);
		assertThat(new SiteClient(this.port).get("/blog/engineering/feed.atom",
				Map.of("If-None-Match", first.header("ETag"))).status()).as("Atom is another document").isEqualTo(200);
	}

	@Test
	void feedsOfUnknownListingsAreNotFound() {
		SiteClient client = new SiteClient(this.port);
		assertThat(client.get("/blog/no-such-category/feed.atom").status()).isEqualTo(404);
		assertThat(client.get("/blog/tag/no-such-tag/feed.rss").status()).isEqualTo(404);
		assertThat(client.get("/feed.json").status()).isEqualTo(404);
	}

}
