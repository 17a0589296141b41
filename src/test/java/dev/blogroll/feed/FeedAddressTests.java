package dev.blogroll.feed;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * The addresses feed readers and people try ({@code /feed}, {@code /rss}, {@code /atom.xml},
 * {@code /index.xml}, {@code /feed/}) answer 301 to the right feed under every listing, and the
 * feeds page lists every feed of the site.
 */
@BlogrollTest
class FeedAddressTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPosts testPosts;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("feed-address-rss-tagged"), List.of(), List.of("rss"), List.of());
	}

	private Response get(String path) {
		return new SiteClient(this.port).get(path);
	}

	@ParameterizedTest
	@CsvSource({ "/feed, /feed.atom", "/feed/, /feed.atom", "/rss, /feed.rss", "/atom.xml, /feed.atom",
			"/index.xml, /feed.rss", "/feed.xml, /feed.atom", "/rss.xml, /feed.rss", "/blog/feed, /feed.atom",
			"/blog/rss/, /feed.rss", "/blog/engineering/feed, /blog/engineering/feed.atom",
			"/blog/engineering/feed/, /blog/engineering/feed.atom", "/blog/engineering/rss, /blog/engineering/feed.rss",
			"/blog/engineering/atom, /blog/engineering/feed.atom",
			"/blog/engineering/atom.xml, /blog/engineering/feed.atom",
			"/blog/engineering/index.xml, /blog/engineering/feed.rss",
			"/blog/tag/api-gateway/feed, /blog/tag/api-gateway/feed.atom",
			"/blog/tag/api-gateway/rss/, /blog/tag/api-gateway/feed.rss",
			"/blog/author/marco-palladino/atom.xml, /blog/author/marco-palladino/feed.atom",
			"/blog/author/marco-palladino/index.xml, /blog/author/marco-palladino/feed.rss" })
	void theAddressesFeedReadersTryLeadToTheListingsFeedInOneStep(String path, String feed) {
		Response response = get(path);
		assertThat(response.status()).as(path).isEqualTo(301);
		assertThat(response.location()).as(path).isEqualTo(feed);
		assertThat(get(feed).status()).as(feed).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/blog/no-such-category/feed", "/blog/tag/no-such-tag/rss", "/blog/author/nobody/atom.xml",
			"/blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes/feed", "/blog/nothing/tag/x/feed",
			"/blog/engineering/page/feed", "/blog/engineering/page/rss", "/nothing/feed" })
	void addressesOfNoListingAreNotFound(String path) {
		Response response = get(path);
		assertThat(response.status()).as(path).isEqualTo(404);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.html().select("h1").text()).isEqualTo("We couldn't find that page");
	}

	@Test
	void aTagCalledRssIsATagNotAFeed() {
		this.testPosts.add(PostBuilder.post().slug("feed-address-rss-tagged").tags("RSS"));
		Response tag = get("/blog/tag/rss");
		assertThat(tag.status()).isEqualTo(200);
		assertThat(tag.html().select("h1").text()).isEqualTo("RSS");
		assertThat(get("/blog/tag/rss/").location()).isEqualTo("/blog/tag/rss");
		assertThat(get("/blog/tag/rss/rss").location()).isEqualTo("/blog/tag/rss/feed.rss");
	}

	@Test
	void theFeedsPageListsEveryFeedOfTheSite() {
		Document page = new SiteClient(this.port).page("/feeds");
		assertThat(page.select("h1").text()).isEqualTo("Feeds");
		assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://blogroll.example/feeds");
		assertThat(page.select("main h2").eachText()).containsExactly("Every post", "Categories", "Tags", "Authors");
		assertThat(feedsIn(page, 0)).containsExactly("/feed.atom", "/feed.rss");
		assertThat(page.select("main section").get(1).select(".feed-list-name").eachText())
			.containsExactly("Culture", "Engineering", "Learning Center", "News", "Product Releases");
		long tagsWithPosts = this.jdbc.sql("""
				select count(*) from tag t where exists (select 1 from post_tag pt join post p on p.id = pt.post_id
				    where pt.tag_id = t.id and p.status = 'PUBLISHED' and p.published_at <= now())""")
			.query(Long.class)
			.single();
		assertThat(page.select("main section").get(2).select("li")).hasSize((int) tagsWithPosts);
		assertThat(feedsIn(page, 3)).contains("/blog/author/marco-palladino/feed.atom",
				"/blog/author/marco-palladino/feed.rss");
		SiteClient client = new SiteClient(this.port);
		for (Element section : page.select("main section")) {
			for (Element feed : section.select("li").first().select(".feed-list-links a")) {
				assertThat(client.get(feed.attr("href")).status()).as(feed.attr("href")).isEqualTo(200);
			}
		}
		assertThat(new SiteClient(this.port).page("/").select("footer a[href=/feeds]")).hasSize(1);
	}

	private static List<String> feedsIn(Document page, int section) {
		return page.select("main section").get(section).select(".feed-list-links a").eachAttr("href");
	}

}
