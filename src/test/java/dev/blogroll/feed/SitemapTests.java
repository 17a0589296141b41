package dev.blogroll.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sitemap index, the sitemaps it names and {@code robots.txt}, over real HTTP. The
 * sitemaps hold a few URLs each in tests ({@code blogroll.sitemap-size}, see
 * {@link BlogrollTest}) so that the demo site needs several files, as a site past 50,000
 * posts does.
 */
@BlogrollTest
class SitemapTests {

	private static final String SITE = "https://blogroll.example";

	private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private BlogrollProperties properties;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("sitemap-draft", "sitemap-scheduled", "sitemap-aggregated"), List.of(),
				List.of(), List.of());
	}

	private Response get(String path) {
		Response response = new SiteClient(this.port).get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return response;
	}

	private static Document xml(String xml) {
		return Jsoup.parse(xml, "", Parser.xmlParser());
	}

	/** Every URL of every sitemap the index names, with its lastmod (or null). */
	private Map<String, String> everyUrl() {
		Map<String, String> urls = new HashMap<>();
		for (Element sitemap : xml(get("/sitemap.xml").body()).select("sitemap")) {
			String loc = sitemap.selectFirst("loc").text();
			assertThat(loc).startsWith(SITE + "/sitemaps/");
			Document file = xml(get(loc.substring(SITE.length())).body());
			assertThat(file.selectFirst("urlset").attr("xmlns")).isEqualTo(NAMESPACE);
			assertThat(file.select("url")).hasSizeBetween(1, this.properties.sitemapSize());
			for (Element url : file.select("url")) {
				Element lastmod = url.selectFirst("lastmod");
				String previous = urls.put(url.selectFirst("loc").text(), (lastmod != null) ? lastmod.text() : null);
				assertThat(previous).as("listed once: " + url).isNull();
			}
		}
		return urls;
	}

	@Test
	void theIndexNamesListingAndPostSitemapsOfAtMostTheConfiguredSize() {
		Response index = get("/sitemap.xml");
		assertThat(index.contentType()).startsWith("application/xml");
		Document xml = xml(index.body());
		assertThat(xml.selectFirst("sitemapindex").attr("xmlns")).isEqualTo(NAMESPACE);
		List<String> locs = xml.select("sitemap > loc").eachText();
		// a post sitemap for every range of ids (as many as a file holds) that holds a post to list
		long rangesWithPosts = this.jdbc.sql("""
				select count(distinct (id - 1) / :size) from post where status = 'PUBLISHED' and published_at <= now()
				and not (source_url is not null and body is null)""")
			.param("size", this.properties.sitemapSize())
			.query(Long.class)
			.single();
		assertThat(locs).contains(SITE + "/sitemaps/listings-1.xml", SITE + "/sitemaps/posts-1.xml");
		assertThat(locs.stream().filter((loc) -> loc.contains("/posts-"))).hasSize((int) rangesWithPosts);
		for (Element sitemap : xml.select("sitemap")) {
			boolean posts = sitemap.selectFirst("loc").text().contains("/posts-");
			assertThat(sitemap.select("lastmod")).as("only post sitemaps have a lastmod").hasSize(posts ? 1 : 0);
		}
	}

	@Test
	void everyPostThatIsThisSitesOwnPageIsListedOnceWithItsLastChange() {
		Map<String, String> urls = everyUrl();
		List<Map<String, Object>> own = this.jdbc.sql("""
				select '/blog/' || c.slug || '/' || p.slug as path, greatest(p.updated_at, p.published_at) as lastmod
				from post p join category c on c.id = p.category_id
				where p.status = 'PUBLISHED' and p.published_at <= now()
				and not (p.source_url is not null and p.body is null)""").query().listOfRows();
		for (Map<String, Object> post : own) {
			String url = SITE + post.get("path");
			Instant lastmod = ((java.sql.Timestamp) post.get("lastmod")).toInstant().truncatedTo(ChronoUnit.SECONDS);
			assertThat(urls).containsEntry(url, lastmod.toString());
		}
		List<String> postUrls = new ArrayList<>(urls.keySet().stream()
			.filter((url) -> url.chars().filter((c) -> c == '/').count() == 5 && !url.contains("/tag/")
					&& !url.contains("/author/"))
			.toList());
		assertThat(postUrls).hasSize(own.size());
		assertThat(urls).doesNotContainKey(SITE + "/blog/engineering/kong-gateway-rate-limiting");
	}

	@Test
	void listingsAreListedWithoutADate() {
		Map<String, String> urls = everyUrl();
		assertThat(urls).containsEntry(SITE + "/", null)
			.containsEntry(SITE + "/blog", null)
			.containsEntry(SITE + "/blog/engineering", null)
			.containsEntry(SITE + "/blog/tag/api-gateway", null)
			.containsEntry(SITE + "/blog/author/marco-palladino", null);
	}

	@Test
	void draftsScheduledAndAggregatedPostsAreLeftOut() {
		this.testPosts.add(PostBuilder.post().slug("sitemap-draft").status("draft"),
				PostBuilder.post().slug("sitemap-scheduled").publishedAt("2099-01-01T00:00:00Z"),
				PostBuilder.post().slug("sitemap-aggregated").body(null).sourceUrl("https://example.com/original"));
		Map<String, String> urls = everyUrl();
		assertThat(urls.keySet()).noneMatch((url) -> url.contains("/sitemap-"));
	}

	@Test
	void sitemapsAnswerConditionalRequestsAndUnknownFilesAreNotFound() {
		SiteClient client = new SiteClient(this.port);
		for (String path : List.of("/sitemap.xml", "/sitemaps/posts-1.xml", "/sitemaps/listings-1.xml")) {
			Response first = get(path);
			assertThat(first.header("Cache-Control")).startsWith("public");
			assertThat(client.get(path, Map.of("If-None-Match", first.header("ETag"))).status()).as(path)
				.isEqualTo(304);
		}
		long highestId = this.jdbc.sql("select max(id) from post").query(Long.class).single();
		long pastTheLastFile = (highestId - 1) / this.properties.sitemapSize() + 2;
		assertThat(client.get("/sitemaps/posts-" + pastTheLastFile + ".xml").status()).isEqualTo(404);
		assertThat(client.get("/sitemaps/listings-99.xml").status()).isEqualTo(404);
		assertThat(client.get("/sitemaps/posts-0.xml").status()).isEqualTo(404);
		assertThat(client.get("/sitemaps/posts-99999999999.xml").status()).isEqualTo(404);
	}

	@Test
	void robotsAllowTheSiteButNotTheAdminOrSearchAndNameTheSitemapIndex() {
		Response robots = get("/robots.txt");
		assertThat(robots.contentType()).startsWith("text/plain");
		assertThat(robots.body().lines()).contains("User-agent: *", "Allow: /", "Disallow: /admin",
				"Disallow: /search", "Sitemap: " + SITE + "/sitemap.xml");
	}

}
