package dev.blogroll.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.ServletException;

import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
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

	@Autowired
	private WebServerApplicationContext webServers;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("cached-one", "cached-soon", "cached-long"), List.of("cache-test"), List.of("cache-tag"),
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

	/**
	 * A valve put in Tomcat's pipeline after {@link KeptPageValve} sees every request that the
	 * servlet filters would see: none of those a kept page answers.
	 */
	@Test
	void aKeptPageIsAnsweredBeforeTheServletFiltersAndTheServletRun() throws Exception {
		this.testPosts.add(post("cached-one", Instant.parse("2022-02-02T10:00:00Z")));
		Context context = (Context) ((TomcatWebServer) this.webServers.getWebServer()).getTomcat()
			.getHost()
			.findChildren()[0];
		List<String> passed = new CopyOnWriteArrayList<>();
		Valve counting = new ValveBase(true) {
			@Override
			public void invoke(Request request, org.apache.catalina.connector.Response response)
					throws IOException, ServletException {
				passed.add(request.getRequestURI());
				getNext().invoke(request, response);
			}
		};
		context.getPipeline().addValve(counting);
		try {
			List<String> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				HttpResponse<String> page = get(LISTING);
				assertThat(page.statusCode()).isEqualTo(200);
				assertThat(page.body()).contains("First title");
				assertThat(page.headers().firstValue("X-Request-Id")).hasValueSatisfying(
						(id) -> assertThat(id).matches("[0-9a-f]{16}"));
				answers.add(page.headers().firstValue(RenderedPageCache.HEADER).orElse(""));
			}
			// kept from its first or second request (an earlier test may have asked for the path)
			assertThat(answers).endsWith("hit", "hit", "hit").startsWith("miss");
			assertThat(passed).as("only the renderings went on to the filters")
				.hasSize((int) answers.stream().filter("miss"::equals).count())
				.containsOnly(LISTING);
		}
		finally {
			context.getPipeline().removeValve(counting);
		}
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

	/**
	 * The page cache runs before the filters that redirect (a trailing slash, a feed address a
	 * reader guessed), and leaves their addresses to them: never kept, never looked up.
	 */
	@Test
	void addressesThatRedirectAreLeftToTheFiltersThatRedirectThem() {
		this.testPosts.add(post("cached-one", Instant.parse("2022-02-02T10:00:00Z")));
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> slash = get(LISTING + "/");
			assertThat(slash.statusCode()).isEqualTo(301);
			assertThat(slash.headers().firstValue("Location")).hasValue(LISTING);
			assertThat(slash.headers().firstValue(RenderedPageCache.HEADER)).isEmpty();
			HttpResponse<String> guessedFeed = get(LISTING + "/rss");
			assertThat(guessedFeed.statusCode()).isEqualTo(301);
			assertThat(guessedFeed.headers().firstValue("Location")).hasValueSatisfying(
					(location) -> assertThat(location).endsWith(LISTING + "/feed.rss"));
			assertThat(guessedFeed.headers().firstValue(RenderedPageCache.HEADER)).isEmpty();
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

	@Test
	void aKeptPageGoesCompressedToClientsThatAcceptGzipAndPlainToOthers() throws IOException {
		this.testPosts.add(post("cached-one", Instant.parse("2022-02-02T10:00:00Z")));
		get(LISTING);
		String plain = get(LISTING).body();
		HttpResponse<byte[]> gzipped = getBytes(LISTING, "Accept-Encoding", "br, gzip;q=0.8");
		assertThat(gzipped.headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.headers().allValues("Vary")).hasSize(1)
			.allSatisfy((vary) -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain).contains("First title");
		}
		for (String refused : List.of("gzip;q=0", "identity", "br")) {
			HttpResponse<byte[]> sent = getBytes(LISTING, "Accept-Encoding", refused);
			assertThat(sent.headers().firstValue(RenderedPageCache.HEADER)).as(refused).hasValue("hit");
			assertThat(sent.headers().firstValue("Content-Encoding")).as(refused).isEmpty();
			assertThat(new String(sent.body(), StandardCharsets.UTF_8)).isEqualTo(plain);
			assertThat(sent.headers().allValues("Vary")).as(refused).hasSize(1);
		}
	}

	/**
	 * A page several times the size of a connection's write buffer ({@code WebServerSetup}'s
	 * 32 KB) goes out whole, rendered and from memory, plain and compressed, one answer after
	 * another on one kept-alive connection.
	 */
	@Test
	void aPageLargerThanTheWriteBufferArrivesWholeRenderedAndFromMemoryOnOneConnection() throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 1; i <= 4000; i++) {
			body.append("Paragraph ").append(i).append(" of the long cached post.\n\n");
		}
		body.append("The last words of the long cached post.");
		this.testPosts.add(post("cached-long", Instant.parse("2022-02-02T10:00:00Z")).body(body.toString()));
		String path = LISTING + "/cached-long";
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<HttpResponse<byte[]>> plain = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			plain.add(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray()));
		}
		assertThat(plain).extracting((response) -> response.headers().firstValue(RenderedPageCache.HEADER).orElse(""))
			.containsExactly("miss", "miss", "hit");
		byte[] rendered = plain.get(0).body();
		assertThat(rendered.length).isGreaterThan(4 * WebServerSetup.WRITE_BUFFER);
		assertThat(new String(rendered, StandardCharsets.UTF_8).strip()).contains("Paragraph 4000 of the long cached post.")
			.contains("The last words of the long cached post.")
			.endsWith("</html>");
		for (HttpResponse<byte[]> response : plain) {
			assertThat(response.body()).isEqualTo(rendered);
		}
		assertThat(plain.get(2).headers().firstValueAsLong("Content-Length")).hasValue(rendered.length);
		HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(gzipped.headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(in.readAllBytes()).isEqualTo(rendered);
		}
	}

	@Test
	void aKeptPageAnswers304ToAClientThatHasItsVersionAndTheWholePageToOthers() {
		this.testPosts.add(post("cached-one", Instant.parse("2022-02-02T10:00:00Z")));
		get(LISTING);
		HttpResponse<String> page = get(LISTING);
		String etag = page.headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> notModified = getBytes(LISTING, "If-None-Match", "\"other\", " + etag);
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
		assertThat(notModified.body()).isEmpty();
		for (String name : List.of("ETag", "Cache-Control", "Last-Modified", "Content-Security-Policy",
				"X-Content-Type-Options")) {
			assertThat(notModified.headers().allValues(name)).as(name).isEqualTo(page.headers().allValues(name));
		}
		assertThat(notModified.headers().firstValue("X-Request-Id")).isPresent()
			.isNotEqualTo(page.headers().firstValue("X-Request-Id"));
		HttpResponse<byte[]> other = getBytes(LISTING, "If-None-Match", "W/\"something-else\"");
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
		assertThat(new String(other.body(), StandardCharsets.UTF_8)).isEqualTo(page.body());

		this.jdbc.sql("update post set title = 'Second title' where slug = 'cached-one'").update();
		HttpResponse<byte[]> changed = getBytes(LISTING, "If-None-Match", etag);
		assertThat(changed.statusCode()).as("the client's version is no longer the page's").isEqualTo(200);
		assertThat(new String(changed.body(), StandardCharsets.UTF_8)).contains("Second title");
	}

	@Test
	void aSignedInEditorIsNeverServedAKeptPageNorLeavesOne() {
		this.testPosts.add(post("cached-one", Instant.parse("2022-02-02T10:00:00Z")));
		get(LISTING);
		get(LISTING);
		assertThat(get(LISTING).headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
		HttpResponse<byte[]> editor = getBytes(LISTING, "Cookie", "SESSION=ZmFrZS1zZXNzaW9u");
		assertThat(editor.statusCode()).isEqualTo(200);
		assertThat(editor.headers().firstValue(RenderedPageCache.HEADER)).isEmpty();
		String path = "/blog/author/cache-writer";
		for (int i = 0; i < 3; i++) {
			assertThat(getBytes(path, "Cookie", "SESSION=ZmFrZS1zZXNzaW9u").headers()
				.firstValue(RenderedPageCache.HEADER)).isEmpty();
		}
		assertThat(get(path).headers().firstValue(RenderedPageCache.HEADER)).as("the editor's requests kept nothing")
			.hasValue("miss");
	}

	private HttpResponse<byte[]> getBytes(String path, String header, String value) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header(header, value)
					.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
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
