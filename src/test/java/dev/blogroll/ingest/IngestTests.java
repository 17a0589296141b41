package dev.blogroll.ingest;

import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Fetching feeds from a web server on 127.0.0.1 into PostgreSQL: what posts look like, that
 * nothing is duplicated, and that every kind of misbehaving server is survived and recorded.
 */
@BlogrollTest
class IngestTests {

	@Autowired
	private FeedFetcher fetcher;

	@Autowired
	private FeedSources sources;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	private FeedServer server;

	/** Released after each test, for feed server handlers that hold their answer until then. */
	private final CountDownLatch testOver = new CountDownLatch(1);

	private Instant started;

	private long categoryId;

	@BeforeEach
	void start() {
		this.server = new FeedServer();
		this.started = this.jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
		this.jdbc.sql("insert into category (slug, name) values ('ingest-test', 'Ingest Test') on conflict do nothing")
			.update();
		this.categoryId = this.jdbc.sql("select id from category where slug = 'ingest-test'").query(Long.class).single();
	}

	@AfterEach
	void cleanUp() {
		this.testOver.countDown();
		this.server.close();
		this.jdbc.sql("delete from post where category_id = :id or source_id in (select id from feed_source where name like 'IT %')")
			.param("id", this.categoryId).update();
		this.jdbc.sql("delete from feed_source where name like 'IT %'").update();
		this.jdbc.sql("delete from category where slug = 'ingest-test'").update();
		this.jdbc.sql("delete from tag t where created_at >= :t and not exists (select 1 from post_tag pt where pt.tag_id = t.id)")
			.param("t", Timestamp.from(this.started)).update();
		this.jdbc.sql("delete from author a where created_at >= :t and not exists (select 1 from post p where p.author_id = a.id)")
			.param("t", Timestamp.from(this.started)).update();
	}

	private long source(String name, String path) {
		return this.sources.create("IT " + name, "https://example.com/", this.server.url(path), this.categoryId,
				"Aggregated, IT Default", true, 60);
	}

	private FeedSources.FetchRecord fetch(long id) {
		return this.fetcher.fetchNow(id).orElseThrow();
	}

	private FeedSource state(long id) {
		return this.sources.findById(id).orElseThrow();
	}

	private Map<String, Object> post(String guid) {
		return this.jdbc.sql("""
				select p.*, a.name as author_name, c.slug as category_slug,
				       (select string_agg(t.name, ',' order by t.name) from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id = p.id) as tags
				from post p join author a on a.id = p.author_id join category c on c.id = p.category_id
				where p.guid = :guid""").param("guid", guid).query().singleRow();
	}

	private long postCount() {
		return this.jdbc.sql("select count(*) from post where category_id = :id").param("id", this.categoryId)
			.query(Long.class).single();
	}

	@Test
	void rssEntriesBecomePublishedPostsThatLeadToTheOriginal() throws Exception {
		this.server.serve("/feed.xml", FeedServer.resource("engineering-rss2.xml"), "Content-Type", "application/rss+xml");
		long id = source("Acme", "/feed.xml");

		FeedSources.FetchRecord fetch = fetch(id);

		assertThat(fetch.success()).isTrue();
		assertThat(fetch.newPosts()).isEqualTo(2);
		Map<String, Object> post = post("acme-post-101");
		assertThat(post.get("title")).isEqualTo("Scaling Postgres & friends to a million writes");
		assertThat(post.get("source_url")).isEqualTo("https://engineering.example.com/posts/scaling-postgres/?id=7");
		assertThat(post.get("author_name")).isEqualTo("Ada Lovelace");
		assertThat(post.get("tags")).isEqualTo("Aggregated,Databases,IT Default,Performance");
		assertThat(post.get("status")).isEqualTo("PUBLISHED");
		assertThat(post.get("body")).isNull();
		assertThat(post.get("created_by")).isEqualTo("feed");
		assertThat(((Timestamp) post.get("published_at")).toInstant()).isEqualTo(Instant.parse("2026-03-03T09:30:00Z"));
		String excerpt = (String) post.get("excerpt");
		assertThat(excerpt).startsWith("We moved every write path to batched upserts. Read the docs and this.")
			.doesNotContain("alert").doesNotContain("<").endsWith("…");
		assertThat(excerpt.length()).isLessThanOrEqualTo(300);
		assertThat(post("https://engineering.example.com/posts/on-call").get("title")).isEqualTo("Our on-call handbook");
		assertThat(state(id).lastNewPosts()).isEqualTo(2);

		String html = this.mvc.perform(get("/blog/ingest-test/" + post.get("slug"))).andReturn().getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select("link[rel=canonical]").attr("href"))
			.isEqualTo("https://engineering.example.com/posts/scaling-postgres/?id=7");
		assertThat(page.select(".post-source a").text()).isEqualTo("Read the full post on engineering.example.com");
		assertThat(page.text()).contains("We moved every write path").doesNotContain("alert('x')");
		Document listing = Jsoup.parse(this.mvc.perform(get("/blog/ingest-test")).andReturn().getResponse()
			.getContentAsString());
		assertThat(listing.text()).contains("Scaling Postgres & friends to a million writes", "Our on-call handbook");
	}

	@Test
	void repeatedFetchesSendValidatorsAndA304CostsNothing() {
		String feed = FeedServer.resource("engineering-rss2.xml");
		this.server.on("/feed.xml", (exchange) -> {
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				FeedServer.respond(exchange, 304, "");
			}
			else {
				FeedServer.respond(exchange, 200, feed, "ETag", "\"v1\"", "Last-Modified", "Tue, 03 Mar 2026 10:00:00 GMT");
			}
		});
		long id = source("Acme", "/feed.xml");
		fetch(id);
		FeedSources.FetchRecord second = fetch(id);

		assertThat(second.outcome()).isEqualTo("NOT_MODIFIED");
		assertThat(second.success()).isTrue();
		assertThat(postCount()).isEqualTo(2);
		FeedServer.Request request = this.server.requests.get(1);
		assertThat(request.headers().getFirst("If-None-Match")).isEqualTo("\"v1\"");
		assertThat(request.headers().getFirst("If-Modified-Since")).isEqualTo("Tue, 03 Mar 2026 10:00:00 GMT");
		assertThat(request.headers().getFirst("User-Agent")).startsWith("Blogroll/").contains("https://blogroll.example");
		assertThat(request.headers().getFirst("Accept-Encoding")).contains("gzip");
		assertThat(state(id).etag()).isEqualTo("\"v1\"");
	}

	@Test
	void gzippedFeedsAreRead() {
		byte[] gzipped = gzip(FeedServer.resource("engineering-rss2.xml"));
		this.server.on("/feed.xml", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Encoding", "gzip");
			exchange.sendResponseHeaders(200, gzipped.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(gzipped);
			}
		});
		assertThat(fetch(source("Acme", "/feed.xml")).newPosts()).isEqualTo(2);
	}

	@Test
	void atomWithXhtmlContentRelativeLinksAndUnreadableDates() {
		this.server.serve("/atom.xml", FeedServer.resource("atom-xhtml.xml"));
		long id = source("Widgets", "/atom.xml");

		assertThat(fetch(id).newPosts()).isEqualTo(2);

		Map<String, Object> rust = post("tag:widgets.example.org,2026:rust");
		assertThat(rust.get("title")).isEqualTo("Rust in production");
		assertThat(rust.get("source_url")).isEqualTo(this.server.url("/blog/rust-in-production"));
		assertThat(rust.get("author_name")).isEqualTo("Linus Example");
		assertThat((String) rust.get("excerpt")).isEqualTo("Memory safety without a garbage collector.");
		assertThat(((Timestamp) rust.get("published_at")).toInstant()).isEqualTo(Instant.parse("2026-02-10T12:00:00Z"));
		Map<String, Object> dates = post("https://widgets.example.org/blog/dates");
		assertThat(dates.get("author_name")).isEqualTo("IT Widgets");
		assertThat(((Timestamp) dates.get("published_at")).toInstant()).isAfterOrEqualTo(this.started.minusSeconds(5));
	}

	@Test
	void nothingIsDuplicatedAcrossFetchesEditsAndSources() {
		String feed = FeedServer.resource("engineering-rss2.xml");
		this.server.serve("/feed.xml", feed);
		long acme = source("Acme", "/feed.xml");
		fetch(acme);
		FeedSources.FetchRecord again = fetch(acme);
		assertThat(again.newPosts()).isZero();
		assertThat(again.updatedPosts()).isZero();
		assertThat(postCount()).isEqualTo(2);

		// the publisher renames the post and changes its tracking parameters: the same GUID, the same post
		this.server.serve("/feed.xml", feed.replace("Scaling Postgres &amp; friends", "Scaling PostgreSQL")
			.replace("utm_source=rss", "utm_source=newsletter"));
		FeedSources.FetchRecord changed = fetch(acme);
		assertThat(changed.newPosts()).isZero();
		assertThat(changed.updatedPosts()).isEqualTo(1);
		assertThat(postCount()).isEqualTo(2);
		assertThat(post("acme-post-101").get("title")).isEqualTo("Scaling PostgreSQL to a million writes");

		// a second source syndicating the same articles (www., no trailing slash) adds nothing
		this.server.serve("/mirror.xml", feed.replace("https://engineering.example.com/posts/scaling-postgres/",
				"https://www.engineering.example.com/posts/scaling-postgres").replace("acme-post-101", "mirror-1"));
		assertThat(fetch(source("Mirror", "/mirror.xml")).newPosts()).isZero();
		assertThat(postCount()).isEqualTo(2);

		// the same title and text under another GUID and URL in a third source: recognised by its content hash
		this.server.serve("/copy.xml", feed.replace("on-call<", "on-call-moved<").replace("posts/on-call</link>",
				"posts/on-call-moved</link>").replace("acme-post-101", "copy-1"));
		assertThat(fetch(source("Copy", "/copy.xml")).newPosts()).isZero();
		assertThat(postCount()).isEqualTo(2);
	}

	/**
	 * Issue 17: a different GUID in the same source is a different post, even when its link or
	 * its text is another's.
	 */
	@Test
	void aDifferentGuidInTheSameSourceIsADifferentPost() {
		String feed = FeedServer.resource("engineering-rss2.xml");
		this.server.serve("/feed.xml", feed);
		long acme = source("Acme", "/feed.xml");
		fetch(acme);

		this.server.serve("/feed.xml", feed.replace("acme-post-101", "acme-post-102"));
		assertThat(fetch(acme).newPosts()).isOne();
		assertThat(postCount()).isEqualTo(3);
		assertThat(post("acme-post-101").get("source_url")).isEqualTo(post("acme-post-102").get("source_url"));
	}

	@Test
	void aPostAnEditorChangedIsNotOverwritten() {
		String feed = FeedServer.resource("engineering-rss2.xml");
		this.server.serve("/feed.xml", feed);
		long id = source("Acme", "/feed.xml");
		fetch(id);
		this.jdbc.sql("update post set title = 'Edited by hand', updated_by = 'carol' where guid = 'acme-post-101'").update();

		this.server.serve("/feed.xml", feed.replace("Scaling Postgres &amp; friends", "Scaling PostgreSQL"));
		fetch(id);

		assertThat(post("acme-post-101").get("title")).isEqualTo("Edited by hand");
		assertThat(postCount()).isEqualTo(2);
	}

	@Test
	void goneDeactivatesTheSource() {
		this.server.on("/feed.xml", (exchange) -> FeedServer.respond(exchange, 410, ""));
		long id = source("Gone", "/feed.xml");

		FeedSources.FetchRecord fetch = fetch(id);

		assertThat(fetch.outcome()).isEqualTo("GONE");
		assertThat(state(id).active()).isFalse();
		assertThat(state(id).lastError()).contains("410");
	}

	@Test
	void tooManyRequestsHonoursRetryAfter() {
		this.server.on("/feed.xml", (exchange) -> FeedServer.respond(exchange, 429, "", "Retry-After", "7200"));
		long id = source("Busy", "/feed.xml");

		fetch(id);

		FeedSource state = state(id);
		assertThat(state.nextFetchAt()).isBetween(this.started.plusSeconds(7100), this.started.plusSeconds(7300));
		assertThat(state.lastError()).contains("429");
		assertThat(state.consecutiveFailures()).isEqualTo(1);
		assertThat(state.active()).isTrue();
	}

	@Test
	void serverErrorsBackOffExponentially() {
		this.server.on("/feed.xml", (exchange) -> FeedServer.respond(exchange, 500, "oops"));
		long id = source("Broken", "/feed.xml");

		fetch(id);
		FeedSource once = state(id);
		fetch(id);
		FeedSource twice = state(id);

		assertThat(once.lastError()).isEqualTo("HTTP 500");
		assertThat(once.nextFetchAt()).isBetween(this.started.plus(Duration.ofMinutes(119)), this.started.plus(Duration.ofMinutes(125)));
		assertThat(twice.consecutiveFailures()).isEqualTo(2);
		assertThat(twice.nextFetchAt()).isBetween(this.started.plus(Duration.ofMinutes(239)), this.started.plus(Duration.ofMinutes(245)));
		assertThat(this.fetcher.backoff(Duration.ofMinutes(60), 30)).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void cachingHeadersAndTheFeedsTtlPushTheNextFetchBackWithinTheCeiling() {
		// one dated entry: nothing to tell how often it publishes, so the editor's hour is the default
		String feed = FeedServer.resource("atom-xhtml.xml");
		this.server.on("/feed.xml", (exchange) -> {
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				// a 304 brings its own caching headers: Expires five hours after the Date the
				// test server adds (its own clock's)
				FeedServer.respond(exchange, 304, "", "Expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
					.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(5).plusSeconds(1)));
			}
			else {
				FeedServer.respond(exchange, 200, feed, "ETag", "\"v1\"", "Cache-Control", "public, max-age=10800");
			}
		});
		long id = source("Cached", "/feed.xml");
		Instant before = this.clock.instant();

		FeedSources.FetchRecord first = fetch(id);
		assertThat(state(id).nextFetchAt()).as("max-age=10800").isBetween(before.plus(Duration.ofHours(3)),
				before.plus(Duration.ofHours(3)).plusSeconds(30));
		assertThat(first.message()).endsWith("next fetch in 3 h: the server's caching headers keep it fresh for 3 h");

		fetch(id);
		assertThat(state(id).nextFetchAt()).as("Expires - Date on the 304")
			.isBetween(before.plus(Duration.ofHours(5)), before.plus(Duration.ofHours(5)).plusSeconds(30));
		assertThat(state(id).scheduleNote()).isEqualTo("in 5 h: the server's caching headers keep it fresh for 5 h");

		this.server.serve("/ttl.xml", FeedServer.resource("engineering-rss2.xml").replace("<channel>",
				"<channel><ttl>2880</ttl>"));
		long ttl = source("Ttl", "/ttl.xml");
		fetch(ttl);
		assertThat(state(ttl).nextFetchAt()).as("a ttl of two days: at most max-interval (24 h)")
			.isBetween(before.plus(Duration.ofHours(24)), before.plus(Duration.ofHours(24)).plusSeconds(30));
	}

	@Test
	void noEditorsIntervalOrHeaderBringsAFetchSoonerThanTheFloor() {
		this.server.serve("/feed.xml", FeedServer.resource("atom-xhtml.xml"), "Cache-Control", "no-cache",
				"Expires", "0");
		long id = this.sources.create("IT Eager", "https://example.com/", this.server.url("/feed.xml"), this.categoryId,
				"", true, 1);
		Instant before = this.clock.instant();
		fetch(id);
		assertThat(state(id).nextFetchAt()).as("an editor's minute is min-interval's 15")
			.isBetween(before.plus(Duration.ofMinutes(15)), before.plus(Duration.ofMinutes(15)).plusSeconds(30));

		this.server.on("/feed.xml", (exchange) -> FeedServer.respond(exchange, 503, "", "Retry-After", "1"));
		fetch(id);
		assertThat(state(id).nextFetchAt()).as("Retry-After: 1")
			.isAfterOrEqualTo(before.plus(Duration.ofMinutes(15)));
	}

	@Test
	void aSlowServerTimesOut() {
		this.server.on("/feed.xml", (exchange) -> {
			// answers only after the test, far later than the read timeout (2 s)
			await(this.testOver);
			FeedServer.respond(exchange, 200, "<rss/>");
		});
		long id = source("Slow", "/feed.xml");
		long before = System.nanoTime();

		FeedSources.FetchRecord fetch = fetch(id);

		assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(4));
		assertThat(fetch.error()).contains("No complete answer within 2 s");
	}

	@Test
	void aFiftyMegabyteFeedIsCutOffAtTheLimit() {
		this.server.on("/feed.xml", (exchange) -> {
			exchange.sendResponseHeaders(200, 50L * 1024 * 1024);
			byte[] chunk = new byte[64 * 1024];
			java.util.Arrays.fill(chunk, (byte) 'x');
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 50 * 16; i++) {
					out.write(chunk);
				}
			}
		});
		long id = source("Huge", "/feed.xml");

		FeedSources.FetchRecord fetch = fetch(id);

		assertThat(fetch.error()).contains("larger than 5 MB");
		assertThat(state(id).consecutiveFailures()).isEqualTo(1);
	}

	@Test
	void redirectLoopsAreNoticedAndPermanentRedirectsMoveTheFeed() {
		this.server.on("/a.xml", (exchange) -> FeedServer.respond(exchange, 302, "", "Location", "/b.xml"));
		this.server.on("/b.xml", (exchange) -> FeedServer.respond(exchange, 302, "", "Location", "/a.xml"));
		long loop = source("Loop", "/a.xml");
		assertThat(fetch(loop).error()).startsWith("Redirect loop");

		this.server.on("/old.xml", (exchange) -> FeedServer.respond(exchange, 301, "", "Location", "/new.xml"));
		this.server.serve("/new.xml", FeedServer.resource("atom-xhtml.xml"));
		long moved = source("Moved", "/old.xml");
		assertThat(fetch(moved).newPosts()).isEqualTo(2);
		assertThat(state(moved).feedUrl()).isEqualTo(this.server.url("/new.xml"));
	}

	@Test
	void privateAddressesAreRefusedEvenBehindARedirect() {
		long direct = this.sources.create("IT Internal", "https://example.com/", "http://10.1.2.3/feed.xml",
				this.categoryId, "", true, 60);
		assertThat(fetch(direct).error()).startsWith("Refused: ").contains("non-public address (10.1.2.3)");

		this.server.on("/feed.xml", (exchange) -> FeedServer.respond(exchange, 302, "", "Location",
				"http://169.254.169.254/latest/meta-data/"));
		long redirected = source("Metadata", "/feed.xml");
		assertThat(fetch(redirected).outcome()).isEqualTo("REFUSED");
		assertThat(state(redirected).lastError()).contains("169.254.169.254");
	}

	@Test
	void notAFeedIsAFailureShownInTheAdminAndBacksOffLikeOthers() {
		this.server.serve("/feed.xml", "<html><body>Not a feed</body></html>");
		long id = source("Html", "/feed.xml");
		assertThat(fetch(id).error()).isEqualTo("This is a web page, not a feed, and it names no feed.");
		assertThat(this.sources.recentFetches(id, 20)).hasSize(1);
		assertThat(state(id).nextFetchAt()).isBetween(this.started.plus(Duration.ofMinutes(119)),
				this.started.plus(Duration.ofMinutes(125)));

		this.server.serve("/feed.xml", "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>");
		fetch(id);
		fetch(id);
		assertThat(state(id).lastError()).isEqualTo("Not a feed: the document is <sitemapindex>, not RSS, RDF or Atom");
		assertThat(state(id).consecutiveFailures()).isEqualTo(3);
		assertThat(state(id).nextFetchAt()).as("after three failures, eight times the interval")
			.isBetween(this.started.plus(Duration.ofMinutes(479)), this.started.plus(Duration.ofMinutes(485)));
	}

	/**
	 * Two instances poll at the same time: the second polls while the first is fetching the
	 * source (its fetch is held at the feed server until the second poll has finished), finds the
	 * source taken, and fetches nothing; the source is fetched once.
	 */
	@Test
	void twoInstancesFetchADueSourceOnce() throws Exception {
		CountDownLatch firstIsFetching = new CountDownLatch(1);
		CountDownLatch secondHasPolled = new CountDownLatch(1);
		AtomicInteger fetches = new AtomicInteger();
		String feed = FeedServer.resource("atom-xhtml.xml");
		this.server.on("/feed.xml", (exchange) -> {
			if (fetches.incrementAndGet() == 1) {
				firstIsFetching.countDown();
				await(secondHasPolled);
			}
			FeedServer.respond(exchange, 200, feed);
		});
		source("Shared", "/feed.xml");
		ExecutorService firstInstance = Executors.newSingleThreadExecutor();
		try (FetchPool one = new FetchPool(this.sources, this.fetcher, 2, 2, "first");
				FetchPool two = new FetchPool(this.sources, this.fetcher, 2, 2, "second")) {
			Future<Integer> first = firstInstance.submit(one::fetchDue);
			assertThat(firstIsFetching.await(10, TimeUnit.SECONDS)).as("the first instance is fetching").isTrue();
			int second = two.fetchDue();
			secondHasPolled.countDown();
			assertThat(second).as("sources the second instance fetched while the first was fetching").isZero();
			assertThat(first.get(10, TimeUnit.SECONDS)).as("sources the first instance fetched").isOne();
			assertThat(this.server.count("/feed.xml")).isEqualTo(1);
			assertThat(two.fetchDue()).as("not due again until its interval has passed").isZero();
			assertThat(postCount()).isEqualTo(2);
		}
		finally {
			secondHasPolled.countDown();
			firstInstance.shutdownNow();
		}
	}

	/** Waits for the latch, at most as long as no test here should take. */
	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] gzip(String text) {
		try {
			java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
			try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
				out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
			return bytes.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
