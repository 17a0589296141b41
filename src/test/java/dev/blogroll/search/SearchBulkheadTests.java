package dev.blogroll.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blogroll.BlogrollTest;
import dev.blogroll.SiteClient;
import dev.blogroll.SlowStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expensive searches never take the database connections listings need: sixteen searches at
 * once, each statement holding its connection for two seconds (as a phrase of common words does
 * at a million posts; {@link SlowStatements}), on the pool of ten, while readers read listings
 * and posts. Three searches run at a time; the others wait a moment and are answered 429 with
 * {@code Retry-After} and the site's page; every listing answers 200, at its usual speed.
 */
@BlogrollTest
class SearchBulkheadTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SlowStatements slowStatements;

	@AfterEach
	void fastAgain() {
		this.slowStatements.reset();
	}

	@Test
	void expensiveSearchesLeaveListingsTheirConnections() throws Exception {
		this.slowStatements.slowDown("websearch_to_tsquery", Duration.ofSeconds(2));
		SiteClient client = new SiteClient(this.port);
		ExecutorService searchers = Executors.newFixedThreadPool(16);
		List<Future<SiteClient.Response>> searches = new ArrayList<>();
		List<String> accepts = List.of("", "*/*", "text/html", "application/json");
		for (int i = 0; i < 16; i++) {
			String query = "gateway " + "-word".repeat(i % 3) + i;
			// every kind of client: none sending Accept, curl, a browser, an API client
			String accept = accepts.get(i % accepts.size());
			searches.add(searchers.submit(() -> client.get("/search?q=" + query.replace(' ', '+'), Map.of("Accept", accept))));
		}
		List<String> listings = List.of("/blog", "/blog/engineering", "/blog/engineering/page/17", "/blog/page/2",
				"/blog/tag/api-gateway", "/", "/feed.atom");
		List<Long> slowest = new ArrayList<>();
		for (int round = 0; round < 4; round++) {
			for (String path : listings) {
				long started = System.nanoTime();
				SiteClient.Response response = client.get(path);
				slowest.add((System.nanoTime() - started) / 1_000_000);
				assertThat(response.status()).as(path + " while searches run").isEqualTo(200);
			}
		}
		int answered = 0;
		int turnedAway = 0;
		for (Future<SiteClient.Response> search : searches) {
			SiteClient.Response response = search.get();
			if (response.status() == 200) {
				answered++;
				continue;
			}
			assertThat(response.status()).isEqualTo(429);
			assertThat(response.header("Retry-After")).isEqualTo("2");
			assertThat(response.contentType()).startsWith("text/html");
			assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
			assertThat(response.html().select("p").text()).contains("Please search again in a few seconds");
			turnedAway++;
		}
		searchers.shutdown();
		assertThat(answered).isGreaterThanOrEqualTo(3);
		assertThat(turnedAway).isGreaterThanOrEqualTo(8);
		assertThat(slowest.stream().mapToLong(Long::longValue).max().orElseThrow()).as("slowest listing, ms")
			.isLessThan(1500);
	}

	@Test
	void aQueryOfAHundredExcludedWordsSearchesTheFirstTenWords() {
		SiteClient client = new SiteClient(this.port);
		String query = "gateway" + "+-word".repeat(100);
		SiteClient.Response response = client.get("/search?q=" + query);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.html().select(".listing-description").text()).startsWith("Only the first 10 words");
		assertThat(response.html().select("#search-query").val().split(" ")).hasSize(10);
	}

}
