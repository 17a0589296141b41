package dev.blogroll.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendered pages are served again from memory, but never once anything they show has
 * changed: an editor's change, or a scheduled post whose time has come, shows on the next
 * request.
 */
@BlogrollTest
class RenderedPageCacheTests {

	private static final String LISTING = "/blog/cache-test";

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private RenderedPageCache cache;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("cached-one", "cached-soon"), List.of("cache-test"), List.of("cache-tag"),
				List.of("cache-writer"));
	}

	@Test
	void aPageIsServedAgainFromMemoryUntilAnEditorChangesSomething() {
		this.testPosts.add(post("cached-one", Instant.parse("2022-02-02T10:00:00Z")));
		assertThat(get(LISTING).headers().firstValue(RenderedPageCache.HEADER)).hasValue("miss");
		get(LISTING); // kept from its second request
		HttpResponse<String> again = get(LISTING);
		assertThat(again.headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
		assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(again.body()).contains("First title");

		this.jdbc.sql("update post set title = 'Second title' where slug = 'cached-one'").update();
		HttpResponse<String> afterEdit = get(LISTING);
		assertThat(afterEdit.headers().firstValue(RenderedPageCache.HEADER)).hasValue("miss");
		assertThat(afterEdit.body()).contains("Second title").doesNotContain("First title");
	}

	@Test
	void aScheduledPostAppearsOnTheNextRequestAfterItsTime() {
		Instant soon = this.clock.instant().plus(Duration.ofHours(1));
		this.testPosts.add(post("cached-one", Instant.parse("2022-02-02T10:00:00Z")), post("cached-soon", soon));
		assertThat(get(LISTING).body()).doesNotContain("cached-soon");
		assertThat(get(LISTING).body()).doesNotContain("cached-soon");
		assertThat(get(LISTING).headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(get(LISTING).headers().firstValue(RenderedPageCache.HEADER)).as("nothing due yet").hasValue("hit");
		this.clock.advance(Duration.ofMinutes(1));
		HttpResponse<String> due = get(LISTING);
		assertThat(due.headers().firstValue(RenderedPageCache.HEADER)).hasValue("miss");
		assertThat(due.body()).contains("cached-soon");
	}

	@Test
	void aPageIsKeptFromItsSecondRequestOnly() {
		this.testPosts.add(post("cached-one", Instant.parse("2022-02-02T10:00:00Z")));
		String path = "/blog/author/cache-writer";
		assertThat(get(path).headers().firstValue(RenderedPageCache.HEADER)).hasValue("miss");
		assertThat(get(path).headers().firstValue(RenderedPageCache.HEADER)).as("asked for again: now kept")
			.hasValue("miss");
		assertThat(get(path).headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
	}

	@Test
	void notFoundPagesAreNotKept() {
		SiteClient client = new SiteClient(this.port);
		assertThat(client.get("/blog/cache-test-missing").status()).isEqualTo(404);
		this.testPosts.add(post("cached-one", Instant.parse("2022-02-02T10:00:00Z")));
		assertThat(client.get(LISTING).status()).isEqualTo(200);
		assertThat(client.get("/blog/cache-test/page/2").status()).isEqualTo(404);
	}

	@Test
	void aPageReplayedFromMemorySendsEachHeaderOnce() {
		this.testPosts.add(post("cached-one", Instant.parse("2022-02-02T10:00:00Z")));
		get(LISTING);
		HttpResponse<String> kept = get(LISTING);
		HttpResponse<String> hit = get(LISTING);
		assertThat(hit.headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
		for (String name : List.of("Cache-Control", "Content-Type", "Content-Security-Policy", "X-Frame-Options",
				"ETag", "Last-Modified")) {
			assertThat(hit.headers().allValues(name)).as(name).hasSize(1)
				.isEqualTo(kept.headers().allValues(name));
		}
	}

	@Test
	void spellingsOfOnePathShareOneKeptPage() {
		this.testPosts.add(post("cached-one", Instant.parse("2022-02-02T10:00:00Z")));
		get(LISTING);
		get(LISTING);
		assertThat(get("/blog/cache-t%65st").headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
		assertThat(get("/%62log/cache-test").headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
		assertThat(get("/blog/./cache-test").headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
	}

	@Test
	void missingPagesLeaveNothingBehind() {
		long before = this.cache.bytesUsed();
		int noted = this.cache.pathsNoted();
		SiteClient client = new SiteClient(this.port);
		for (int i = 0; i < 200; i++) {
			assertThat(client.get("/blog/cache-missing-" + i + "-" + "m".repeat(1500)).status()).isEqualTo(404);
		}
		assertThat(this.cache.pathsNoted()).isEqualTo(noted);
		assertThat(this.cache.bytesUsed()).isEqualTo(before);
	}

	private HttpResponse<String> get(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
						HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static PostBuilder post(String slug, Instant publishedAt) {
		return PostBuilder.post()
			.slug(slug)
			.title("First title")
			.category("Cache Test")
			.tags("Cache Tag")
			.author("Cache Writer")
			.publishedAt(publishedAt);
	}

}
