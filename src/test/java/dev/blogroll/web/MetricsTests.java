package dev.blogroll.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.blogroll.BlogrollTest;
import dev.blogroll.SiteClient;
import dev.blogroll.Uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Prometheus metrics on the management port, after what an operator wants to watch has
 * happened: readers crawling pages (some from the page cache), a search, an import and a feed
 * fetch. Every family has a non-zero value; the public port knows nothing of them.
 */
@BlogrollTest
class MetricsTests {

	/** What curl, kubelet and load balancers send. */
	private static final java.util.Map<String, String> ANY = java.util.Map.of("Accept", "*/*");

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private HttpServer feeds;

	@AfterEach
	void cleanUp() {
		if (this.feeds != null) {
			this.feeds.stop(0);
		}
		this.jdbc.sql("delete from post where slug like 'ops-metrics-test-%' or source_id in (select id from feed_source where name = 'Metrics feed')")
			.update();
		this.jdbc.sql("delete from feed_source where name = 'Metrics feed'").update();
	}

	@Test
	void everyFamilyHasValuesAfterACrawlASearchAnImportAndAFetch() throws Exception {
		SiteClient site = new SiteClient(this.port);
		crawl(site);
		assertThat(site.get("/search?q=gateway").status()).isEqualTo(200);
		importPosts();
		fetchAFeed();
		// the content changed under the kept pages: the next request drops them
		crawl(site);
		System.gc();

		String metrics = scrape();
		assertThat(value(metrics, "http_server_requests_seconds_count", "uri=\"/blog/{slug}\"", "status=\"200\""))
			.as("requests by route and status").isPositive();
		assertThat(value(metrics, "http_server_requests_seconds_count", "uri=\"/blog/{slug}/page/{page}\"",
				"status=\"404\"")).as("a page past the end").isPositive();
		assertThat(value(metrics, "blogroll_page_cache_hits_total")).isPositive();
		assertThat(value(metrics, "blogroll_page_cache_misses_total")).isPositive();
		assertThat(value(metrics, "blogroll_page_cache_bytes")).isPositive();
		assertThat(value(metrics, "blogroll_page_cache_pages")).isPositive();
		assertThat(value(metrics, "blogroll_page_cache_evictions_total", "cause=\"content-changed\"")).isPositive();
		assertThat(value(metrics, "blogroll_content_version_rounds_seconds_count")).isPositive();
		assertThat(value(metrics, "blogroll_content_version_rounds_seconds_sum")).isPositive();
		assertThat(value(metrics, "blogroll_content_version_requests_total")).isPositive();
		assertThat(value(metrics, "blogroll_listing_queries_seconds_count", "statement=\"page\"")).isPositive();
		assertThat(value(metrics, "blogroll_listing_queries_seconds_count", "statement=\"count\"")).isPositive();
		assertThat(value(metrics, "blogroll_search_queries_seconds_count", "outcome=\"ok\"")).isPositive();
		assertThat(value(metrics, "hikaricp_connections_max")).isPositive();
		assertThat(value(metrics, "hikaricp_connections_usage_seconds_count")).isPositive();
		assertThat(value(metrics, "blogroll_feed_fetches_seconds_count", "outcome=\"OK\"")).isPositive();
		assertThat(value(metrics, "blogroll_feed_entries_total", "result=\"created\"")).isPositive();
		assertThat(value(metrics, "blogroll_import_lines_total", "result=\"created\"")).isPositive();
		assertThat(value(metrics, "blogroll_import_progress")).isEqualTo(1.0);
		assertThat(value(metrics, "jvm_memory_used_bytes")).isPositive();
		assertThat(value(metrics, "jvm_threads_live_threads")).isPositive();
		assertGcWasCounted();
	}

	@Test
	void thePublicPortHasNoActuator() {
		SiteClient site = new SiteClient(this.port);
		for (String path : new String[] { "/actuator/prometheus", "/actuator/health", "/actuator", "/actuator/env" }) {
			SiteClient.Response response = site.get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain("jvm_", "hikaricp");
		}
		// what a load balancer on the public port may ask
		assertThat(site.get("/readyz", ANY).status()).isEqualTo(200);
		assertThat(site.get("/readyz", ANY).header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(site.get("/livez", ANY).status()).isEqualTo(200);
	}

	@Test
	void theManagementPortHasProbesAndNoPages() {
		SiteClient management = new SiteClient(this.managementPort);
		assertThat(management.get("/actuator/health/liveness", ANY).body()).contains("UP");
		assertThat(management.get("/actuator/health/readiness", ANY).body()).contains("UP");
		assertThat(management.get("/blog", ANY).status()).isEqualTo(404);
	}

	private void crawl(SiteClient site) {
		for (int round = 0; round < 3; round++) {
			for (String path : new String[] { "/", "/blog", "/blog/engineering", "/blog/engineering/page/2",
					"/feed.atom" }) {
				assertThat(site.get(path).status()).as(path).isEqualTo(200);
			}
		}
		assertThat(site.get("/blog/engineering/page/9999").status()).isEqualTo(404);
	}

	private void importPosts() throws Exception {
		String line = "{\"title\":\"Metrics one\",\"slug\":\"ops-metrics-test-one\",\"category\":\"Engineering\",\"tags\":[],"
				+ "\"author\":\"Marco Palladino\",\"publishedAt\":\"2019-01-01T12:00:00Z\",\"status\":\"published\"}";
		this.mvc.perform(multipart("/admin/import")
			.file(new MockMultipartFile("file", "posts.ndjson", "application/x-ndjson",
					line.getBytes(StandardCharsets.UTF_8)))
			.with(Uploads.length(line.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(user("ops").roles("EDITOR")));
	}

	private void fetchAFeed() throws Exception {
		byte[] feed;
		try (InputStream in = getClass().getResourceAsStream("/feeds/engineering-rss2.xml")) {
			feed = in.readAllBytes();
		}
		this.feeds = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.feeds.createContext("/feed.xml", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, feed.length);
			exchange.getResponseBody().write(feed);
			exchange.close();
		});
		this.feeds.start();
		long category = this.jdbc.sql("select id from category where slug = 'engineering'").query(Long.class).single();
		long source = this.jdbc.sql("""
				insert into feed_source (name, site_url, feed_url, category_id, default_tags, active, fetch_interval_minutes)
				values ('Metrics feed', 'https://engineering.example.com/', :url, :category, '', true, 60) returning id""")
			.param("url", "http://127.0.0.1:" + this.feeds.getAddress().getPort() + "/feed.xml")
			.param("category", category)
			.query(Long.class)
			.single();
		this.mvc.perform(post("/admin/sources/" + source + "/fetch").with(csrf()).with(user("ops").roles("EDITOR")));
		// "Fetch now" runs in the background: wait (at most 20 s) until it has ended
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (this.jdbc.sql("select fetching_until is not null from feed_source where id = :id")
			.param("id", source)
			.query(Boolean.class)
			.single()) {
			assertThat(System.nanoTime()).as("the fetch ends within 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private String scrape() {
		SiteClient.Response response = new SiteClient(this.managementPort).get("/actuator/prometheus",
				java.util.Map.of("Accept", "text/plain"));
		assertThat(response.status()).isEqualTo(200);
		try {
			java.nio.file.Files.writeString(java.nio.file.Path.of("target/prometheus-scrape.txt"), response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return response.body();
	}

	/** GC pauses are reported by the JVM after the collection, a moment later. */
	private void assertGcWasCounted() throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (value(scrape(), "jvm_gc_pause_seconds_count") <= 0 && Instant.now().isBefore(deadline)) {
			System.gc();
			Thread.sleep(200);
		}
		assertThat(value(scrape(), "jvm_gc_pause_seconds_count")).as("GC pauses").isPositive();
	}

	/** The sum of the samples of a family whose labels include all of {@code labels}; 0 if none. */
	static double value(String metrics, String name, String... labels) {
		Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{.*\\})? (\\S+)$").matcher(metrics);
		double sum = 0;
		boolean found = false;
		while (sample.find()) {
			String labelText = (sample.group(1) != null) ? sample.group(1) : "";
			boolean all = true;
			for (String label : labels) {
				all &= labelText.contains(label);
			}
			if (all) {
				sum += Double.parseDouble(sample.group(2));
				found = true;
			}
		}
		assertThat(found).as("a sample of %s with %s", name, String.join(", ", labels)).isTrue();
		return sum;
	}

}
