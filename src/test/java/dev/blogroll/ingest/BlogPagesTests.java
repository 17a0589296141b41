package dev.blogroll.ingest;

import java.sql.Timestamp;
import java.time.Instant;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A page per blog, {@code /blog/source/<slug>}, listed like categories (pages, feeds, sitemap),
 * the Blogs directory, and cards that name their blog: the rendered HTML, as readers get it.
 */
@BlogrollTest
class BlogPagesTests {

	@Autowired
	private FeedFetcher fetcher;

	@Autowired
	private FeedSources sources;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	private FeedServer server;

	private Instant started;

	private long categoryId;

	@BeforeEach
	void start() {
		this.server = new FeedServer();
		this.started = this.jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
		this.jdbc.sql("insert into category (slug, name) values ('blog-pages-test', 'Blog Pages Test') on conflict do nothing")
			.update();
		this.categoryId = this.jdbc.sql("select id from category where slug = 'blog-pages-test'").query(Long.class).single();
	}

	@AfterEach
	void cleanUp() {
		this.server.close();
		this.jdbc.sql("delete from post where category_id = :id").param("id", this.categoryId).update();
		this.jdbc.sql("delete from feed_source where name like 'BP %'").update();
		this.jdbc.sql("delete from category where slug = 'blog-pages-test'").update();
		this.jdbc.sql("delete from tag t where created_at >= :t and not exists (select 1 from post_tag pt where pt.tag_id = t.id)")
			.param("t", Timestamp.from(this.started)).update();
		this.jdbc.sql("delete from author a where created_at >= :t and not exists (select 1 from post p where p.author_id = a.id)")
			.param("t", Timestamp.from(this.started)).update();
	}

	private long acme() {
		this.server.serve("/feed.xml", FeedServer.resource("engineering-rss2.xml"), "Content-Type", "application/rss+xml");
		long id = this.sources.create("BP Acme Engineering", "https://engineering.example.com/", this.server.url("/feed.xml"),
				this.categoryId, "", true, 60);
		assertThat(this.fetcher.fetchNow(id).orElseThrow().newPosts()).isEqualTo(2);
		return id;
	}

	private MockHttpServletResponse response(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse();
	}

	private Document page(String path) throws Exception {
		MockHttpServletResponse response = response(path);
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(), "https://blogroll.example.com" + path);
	}

	@Test
	void aBlogHasAPageWithItsNameSiteDescriptionAndPosts() throws Exception {
		long id = acme();
		assertThat(this.sources.findById(id).orElseThrow().slug()).isEqualTo("bp-acme-engineering");

		Document page = page("/blog/source/bp-acme-engineering");

		assertThat(page.select("h1").text()).isEqualTo("BP Acme Engineering");
		assertThat(page.select(".listing-description").text()).isEqualTo("How we build Acme");
		assertThat(page.select(".listing-site a").attr("href")).isEqualTo("https://engineering.example.com/");
		assertThat(page.select(".card-title").eachText()).containsExactly("Scaling Postgres & friends to a million writes",
				"Our on-call handbook");
		assertThat(page.select(".card-blog").eachAttr("href")).containsOnly("/blog/source/bp-acme-engineering");
		assertThat(page.select("link[rel=canonical]").attr("href")).endsWith("/blog/source/bp-acme-engineering");
		assertThat(page.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
			.anyMatch((href) -> href.endsWith("/blog/source/bp-acme-engineering/feed.atom"));
	}

	@Test
	void aBlogsPageHasFeedsPagesAndASitemapEntryLikeACategory() throws Exception {
		acme();
		MockHttpServletResponse feed = response("/blog/source/bp-acme-engineering/feed.atom");
		assertThat(feed.getStatus()).isEqualTo(200);
		assertThat(feed.getContentAsString()).contains("Our on-call handbook");
		assertThat(response("/blog/source/bp-acme-engineering/feed.rss").getStatus()).isEqualTo(200);
		assertThat(response("/blog/source/bp-acme-engineering/page/1").getStatus()).isEqualTo(301);
		assertThat(response("/blog/source/bp-acme-engineering/page/2").getStatus()).isEqualTo(404);
		assertThat(response("/blog/source/bp-acme-engineering/page/0").getStatus()).isEqualTo(404);
		assertThat(response("/blog/source/no-such-blog").getStatus()).isEqualTo(404);
		assertThat(response("/blog/source/no-such-blog/feed.atom").getStatus()).isEqualTo(404);
		StringBuilder listings = new StringBuilder();
		for (String file : Jsoup.parse(response("/sitemap.xml").getContentAsString(), "", org.jsoup.parser.Parser.xmlParser())
			.select("sitemap > loc")
			.eachText()) {
			if (file.contains("/sitemaps/listings-")) {
				listings.append(response(file.substring(file.indexOf("/sitemaps/"))).getContentAsString());
			}
		}
		assertThat(listings).contains("/blog/source/bp-acme-engineering</loc>");
	}

	@Test
	void everyCardOfAnAggregatedPostNamesAndLinksItsBlog() throws Exception {
		acme();
		Document category = page("/blog/blog-pages-test");
		assertThat(category.select(".card")).hasSize(2);
		for (Element card : category.select(".card")) {
			assertThat(card.select(".card-blog").text()).isEqualTo("BP Acme Engineering");
			assertThat(card.select(".card-blog").attr("href")).isEqualTo("/blog/source/bp-acme-engineering");
		}
	}

	@Test
	void theDirectoryListsEveryBlogWithItsPostCountAndNewestPost() throws Exception {
		acme();
		this.sources.create("BP Quiet Blog", "https://quiet.example.com/", this.server.url("/quiet.xml"), this.categoryId,
				"", false, 60);
		this.sources.create("BP Imported, not reviewed", null, "https://later.example.com/",
				this.server.url("/later.xml"), this.categoryId, "", false, 60, true);

		Document directory = page("/blog/sources");

		Element acme = directory.select(".blog-directory tbody tr")
			.stream()
			.filter((row) -> row.text().contains("BP Acme Engineering"))
			.findFirst()
			.orElseThrow();
		assertThat(acme.select("th a").attr("href")).isEqualTo("/blog/source/bp-acme-engineering");
		assertThat(acme.select(".blog-posts").text()).isEqualTo("2");
		assertThat(acme.select("time").attr("datetime")).isEqualTo("2026-03-03");
		assertThat(directory.text()).contains("BP Quiet Blog").doesNotContain("BP Imported, not reviewed");
		assertThat(response("/blog/sources/page/2").getStatus()).isEqualTo(404);
		assertThat(response("/blog/source/bp-imported-not-reviewed").getStatus()).isEqualTo(404);
		assertThat(page("/blog").select("footer a[href=/blog/sources]")).hasSize(1);
	}

	@Test
	void twoBlogsOfOneNameGetTwoSlugsAndCategoriesCannotTakeTheBlogsWords() {
		long first = this.sources.create("BP Same Name", "https://one.example.com/", this.server.url("/one.xml"),
				this.categoryId, "", false, 60);
		long second = this.sources.create("BP Same Name", "https://two.example.com/", this.server.url("/two.xml"),
				this.categoryId, "", false, 60);
		assertThat(this.sources.findById(first).orElseThrow().slug()).isEqualTo("bp-same-name");
		assertThat(this.sources.findById(second).orElseThrow().slug()).isEqualTo("bp-same-name-2");
		assertThat(dev.blogroll.category.Category.RESERVED_SLUGS).contains("source", "sources");

		// rows written by SQL without a slug (scripts, restores) get one from the database
		for (String feed : new String[] { "/raw-1.xml", "/raw-2.xml" }) {
			this.jdbc.sql("insert into feed_source (name, site_url, feed_url, category_id) values ('BP Été Raw!', 'https://raw.example/', :feed, :category)")
				.param("feed", this.server.url(feed)).param("category", this.categoryId).update();
		}
		assertThat(this.jdbc.sql("select slug from feed_source where name = 'BP Été Raw!' order by id").query(String.class).list())
			.satisfiesExactly((slug) -> assertThat(slug).isEqualTo("bp-ete-raw"),
					(slug) -> assertThat(slug).matches("bp-ete-raw-\\d+"));
	}

}
