package dev.blogroll.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.blogroll.BlogrollTest;
import dev.blogroll.Uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Feed discovery for editors (a blog's address to its feeds, against a web server on
 * 127.0.0.1) and the review of an OPML import, feed by feed, before anything is fetched.
 */
@BlogrollTest
class SourceReviewTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private FeedServer server;

	private long categoryId;

	private long otherCategoryId;

	@BeforeEach
	void start() {
		this.server = new FeedServer();
		this.jdbc.sql("insert into category (slug, name) values ('review-test', 'Review Test'), ('review-other', 'Review Other') on conflict do nothing")
			.update();
		this.categoryId = this.jdbc.sql("select id from category where slug = 'review-test'").query(Long.class).single();
		this.otherCategoryId = this.jdbc.sql("select id from category where slug = 'review-other'").query(Long.class)
			.single();
	}

	@AfterEach
	void cleanUp() {
		this.server.close();
		this.jdbc.sql("delete from feed_source where category_id in (:ids)").param("ids", List.of(this.categoryId, this.otherCategoryId))
			.update();
		this.jdbc.sql("delete from category where id in (:ids)").param("ids", List.of(this.categoryId, this.otherCategoryId))
			.update();
	}

	private Document discover(String address) throws Exception {
		MvcResult result = this.mvc.perform(post("/admin/sources/discover").param("address", address)
			.with(csrf())
			.with(user("carol").roles("EDITOR"))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void aBlogsAddressGivesTheFeedsItsPageNames() throws Exception {
		this.server.serve("/blog", """
				<!DOCTYPE html><html><head><title>Acme</title>
				<link rel="alternate" type="application/rss+xml" title="Posts" href="/blog/feed.xml">
				<link rel="alternate" type="application/atom+xml" href="atom.xml">
				</head><body>Hello</body></html>""", "Content-Type", "text/html");
		this.server.serve("/blog/feed.xml", FeedServer.resource("engineering-rss2.xml"));
		this.server.serve("/atom.xml", FeedServer.resource("engineering-rss2.xml").replace("Acme Engineering", "Acme Atom"));

		Document found = discover(this.server.url("/blog"));

		assertThat(found.select(".discovered-feed strong").eachText()).containsExactly("Acme Engineering", "Acme Atom");
		assertThat(found.select(".discovered-feed input[name=feedUrl]").eachAttr("value"))
			.containsExactly(this.server.url("/blog/feed.xml"), this.server.url("/atom.xml"));
		assertThat(found.select(".discovered-feed input[name=siteUrl]").first().attr("value"))
			.isEqualTo("https://engineering.example.com/");

		// choosing one fills in the form to add it
		Document form = Jsoup.parse(this.mvc.perform(get("/admin/sources/new").param("name", "Acme Engineering")
			.param("siteUrl", "https://engineering.example.com/")
			.param("feedUrl", this.server.url("/blog/feed.xml"))
			.with(user("carol").roles("EDITOR"))).andReturn().getResponse().getContentAsString());
		assertThat(form.select("input[name=feedUrl]").attr("value")).isEqualTo(this.server.url("/blog/feed.xml"));
		assertThat(form.select("input[name=name]").attr("value")).isEqualTo("Acme Engineering");
	}

	@Test
	void aPageThatNamesNoFeedIsSearchedAtTheCommonPaths() throws Exception {
		this.server.serve("/", "<!DOCTYPE html><html><head><title>Plain</title></head><body>No links</body></html>");
		this.server.serve("/index.xml", FeedServer.resource("engineering-rss2.xml"));

		Document found = discover(this.server.url("/"));

		assertThat(found.select(".discovered-feed input[name=feedUrl]").eachAttr("value"))
			.containsExactly(this.server.url("/index.xml"));
	}

	@Test
	void aFeedsOwnAddressIsThatFeedAndNothingFoundSaysWhy() throws Exception {
		this.server.serve("/feeds/own.xml", FeedServer.resource("engineering-rss2.xml"));
		assertThat(discover(this.server.url("/feeds/own.xml")).select(".discovered-feed input[name=feedUrl]").eachAttr("value"))
			.containsExactly(this.server.url("/feeds/own.xml"));

		this.server.serve("/empty", "<!DOCTYPE html><html><head><title>Empty</title></head><body></body></html>");
		assertThat(discover(this.server.url("/empty")).select(".discover-problem").text())
			.startsWith("This is a web page that names no feed, and none of /feed, /rss");
		assertThat(discover("ftp://example.com/").select(".field-error").text()).startsWith("Enter the blog's address");
	}

	@Test
	void anOpmlImportWaitsForReviewWhereEachFeedGetsItsCategory() throws Exception {
		String opml = """
				<?xml version="1.0"?>
				<opml version="2.0"><head><title>Mine</title></head><body>
				  <outline text="Review Other">
				    <outline type="rss" text="RV Alpha" xmlUrl="https://rv-alpha.example/feed.xml"/>
				  </outline>
				  <outline type="rss" text="RV Beta" xmlUrl="https://rv-beta.example/feed.xml" category="/Tech/Review Other"/>
				  <outline type="rss" text="RV Gamma" xmlUrl="https://rv-gamma.example/feed.xml"/>
				</body></opml>""";
		MvcResult imported = this.mvc.perform(multipart("/admin/sources/opml")
			.file(new MockMultipartFile("file", "feeds.opml", "text/x-opml", opml.getBytes(StandardCharsets.UTF_8)))
			.param("categoryId", String.valueOf(this.categoryId))
			.with(Uploads.length(opml.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(user("carol").roles("EDITOR"))).andReturn();
		assertThat(imported.getResponse().getRedirectedUrl()).isEqualTo("/admin/sources/review");
		assertThat(this.jdbc.sql("select count(*) from feed_source where name like 'RV %' and (active or not awaiting_review)")
			.query(Long.class).single()).as("nothing fetched before review").isZero();

		Document review = Jsoup.parse(this.mvc.perform(get("/admin/sources/review").with(user("carol").roles("EDITOR")))
			.andReturn().getResponse().getContentAsString());
		assertThat(review.select(".review-row")).hasSizeGreaterThanOrEqualTo(3);
		assertThat(categoryProposed(review, "RV Alpha")).isEqualTo(String.valueOf(this.otherCategoryId));
		assertThat(categoryProposed(review, "RV Beta")).isEqualTo(String.valueOf(this.otherCategoryId));
		assertThat(categoryProposed(review, "RV Gamma")).isEqualTo(String.valueOf(this.categoryId));

		long alpha = id("RV Alpha");
		long beta = id("RV Beta");
		long gamma = id("RV Gamma");
		MvcResult reviewed = this.mvc.perform(post("/admin/sources/review")
			.param("source", String.valueOf(alpha), String.valueOf(beta), String.valueOf(gamma))
			.param("keep", String.valueOf(alpha), String.valueOf(gamma))
			.param("category-" + alpha, String.valueOf(this.categoryId))
			.param("category-" + gamma, String.valueOf(this.otherCategoryId))
			.with(csrf())
			.with(user("carol").roles("EDITOR"))).andReturn();
		assertThat((String) reviewed.getFlashMap().get("message")).startsWith("Added 2 sources");
		assertThat(this.jdbc.sql("select name || ':' || category_id || ':' || active || ':' || awaiting_review from feed_source where name like 'RV %' order by name")
			.query(String.class).list()).containsExactly("RV Alpha:" + this.categoryId + ":true:false",
					"RV Gamma:" + this.otherCategoryId + ":true:false");
	}

	private static String categoryProposed(Document review, String name) {
		return review.select(".review-row")
			.stream()
			.filter((row) -> row.text().contains(name))
			.findFirst()
			.orElseThrow()
			.select("option[selected]")
			.attr("value");
	}

	private long id(String name) {
		return this.jdbc.sql("select id from feed_source where name = :name").param("name", name).query(Long.class).single();
	}

}
