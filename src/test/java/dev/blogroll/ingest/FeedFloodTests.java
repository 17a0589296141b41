package dev.blogroll.ingest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One feed cannot flood the site: a feed of 25,000 items (3.5 MB) adds only its newest 50
 * entries, a source publishes at most 100 posts a day and holds the rest as drafts for an editor,
 * and "Fetch now" answers at once while the fetch runs in the background, its progress on the
 * source's page.
 */
@BlogrollTest
class FeedFloodTests {

	private static final int ITEMS = 25_000;

	@Autowired
	private FeedFetcher fetcher;

	@Autowired
	private FeedSources sources;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	private FeedServer server;

	private long categoryId;

	@BeforeEach
	void start() {
		this.server = new FeedServer();
		this.jdbc.sql("insert into category (slug, name) values ('flood-test', 'Flood Test') on conflict do nothing")
			.update();
		this.categoryId = this.jdbc.sql("select id from category where slug = 'flood-test'").query(Long.class).single();
	}

	@AfterEach
	void cleanUp() {
		this.server.close();
		this.jdbc.sql("delete from post where category_id = :id").param("id", this.categoryId).update();
		this.jdbc.sql("delete from feed_source where name like 'FT %'").update();
		this.jdbc.sql("delete from category where slug = 'flood-test'").update();
		this.jdbc.sql("delete from author a where a.slug in ('ft-flood', 'ft-slow') and not exists "
				+ "(select 1 from post p where p.author_id = a.id)").update();
	}

	@Test
	void aHugeFeedAddsItsNewestEntriesAndHoldsWhatIsOverTheDailyLimit() {
		this.server.serve("/flood.xml", flood(ITEMS), "Content-Type", "application/rss+xml");
		long id = this.sources.create("FT Flood", "https://flood.example/", this.server.url("/flood.xml"),
				this.categoryId, "", true, 60);
		FeedSources.FetchRecord first = this.fetcher.fetchNow(id).orElseThrow();
		assertThat(first.success()).isTrue();
		assertThat(first.newPosts()).isEqualTo(50);
		assertThat(first.message()).startsWith("25000 entries; only the newest 50 were read (at most 50 a fetch); next fetch in ");
		assertThat(this.jdbc.sql("select min(title) from post where category_id = :id")
			.param("id", this.categoryId)
			.query(String.class)
			.single()).as("the oldest post taken").isEqualTo("Flood item 24950");

		// fifty newer items: published too, a hundred in a day
		this.server.serve("/flood.xml", flood(ITEMS + 50), "Content-Type", "application/rss+xml");
		assertThat(this.fetcher.fetchNow(id).orElseThrow().newPosts()).isEqualTo(50);
		assertThat(count("PUBLISHED")).isEqualTo(100);

		// fifty more: over the day's hundred, kept as drafts for an editor
		this.server.serve("/flood.xml", flood(ITEMS + 100), "Content-Type", "application/rss+xml");
		FeedSources.FetchRecord third = this.fetcher.fetchNow(id).orElseThrow();
		assertThat(third.newPosts()).isEqualTo(50);
		assertThat(third.message()).contains("50 new posts were kept as drafts for an editor to publish",
				"the source published 100 posts in the last 24 hours");
		assertThat(count("PUBLISHED")).isEqualTo(100);
		assertThat(count("DRAFT")).isEqualTo(50);
	}

	@Test
	void fetchNowAnswersAtOnceAndTheSourcePageShowsTheProgress() throws Exception {
		this.server.on("/slow.xml", (exchange) -> {
			try {
				Thread.sleep(1500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			FeedServer.respond(exchange, 200, flood(100), "Content-Type", "application/rss+xml");
		});
		long id = this.sources.create("FT Slow", "https://slow.example/", this.server.url("/slow.xml"),
				this.categoryId, "", true, 60);
		long started = System.nanoTime();
		MvcResult fetchNow = this.mvc
			.perform(post("/admin/sources/" + id + "/fetch").with(csrf()).with(user("flo").roles("EDITOR")))
			.andReturn();
		assertThat((System.nanoTime() - started) / 1_000_000).as("answered before the feed, ms").isLessThan(1000);
		assertThat((String) fetchNow.getFlashMap().get("message")).contains("in the background");

		Document during = page("/admin/sources/" + id);
		assertThat(during.select(".fetch-progress").text()).startsWith("Fetching now: ");
		assertThat(during.select("meta[http-equiv=refresh]")).hasSize(1);
		assertThat(during.select("form[action$=/fetch]")).as("no second fetch meanwhile").isEmpty();
		MvcResult again = this.mvc
			.perform(post("/admin/sources/" + id + "/fetch").with(csrf()).with(user("flo").roles("EDITOR")))
			.andReturn();
		assertThat((String) again.getFlashMap().get("error")).contains("is being fetched right now");

		long deadline = System.nanoTime() + 20_000_000_000L;
		while (this.sources.findById(id).orElseThrow().fetching()) {
			assertThat(System.nanoTime()).as("the fetch ends within 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
		Document after = page("/admin/sources/" + id);
		assertThat(after.select(".fetch-progress")).isEmpty();
		assertThat(after.select("meta[http-equiv=refresh]")).isEmpty();
		assertThat(after.select(".fetch-log tbody td").get(1).text()).isEqualTo("OK");
		assertThat(after.select(".fetch-log tbody td").get(6).text()).contains("100 entries");
	}

	private long count(String status) {
		return this.jdbc.sql("select count(*) from post where category_id = :id and status = :status")
			.param("id", this.categoryId)
			.param("status", status)
			.query(Long.class)
			.single();
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user("flo").roles("EDITOR")))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/** An RSS feed of that many items (25,000 are 3.5 MB), the oldest first as some feeds are, a minute apart. */
	private static String flood(int items) {
		DateTimeFormatter rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
			.withZone(java.time.ZoneOffset.UTC);
		Instant first = Instant.parse("2024-01-01T00:00:00Z");
		StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Flood</title>"
				+ "<link>https://flood.example/</link><description>Many</description>");
		for (int i = 0; i < items; i++) {
			rss.append("<item><title>Flood item ").append(i).append("</title><link>https://flood.example/p/")
				.append(i).append("</link><guid>flood-").append(i).append("</guid><pubDate>")
				.append(rfc1123.format(first.plusSeconds(60L * i))).append("</pubDate></item>");
		}
		return rss.append("</channel></rss>").toString();
	}

}
