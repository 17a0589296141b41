package dev.blogroll.web;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.ExternalTools;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/nginx/nginx.conf}, run for real with Debian's nginx in front of a running
 * Blogroll: only the upstream address, the listening port, the file paths and the address nginx
 * connects from (127.0.0.2, the trusted proxy of the tests' {@code BlogrollTest}) are changed
 * (each must be found, so the file can't drift from this test), and pages are fresh for 1 s
 * instead of Blogroll's 60 s, so that the test sees them go stale. nginx's request id reaches
 * Blogroll's error page and both logs; pages are cached and revalidated with Blogroll's
 * validators (a 304 refreshes nginx's copy), and an editor's change shows once the copy is stale;
 * a client's forwarded headers are overwritten; search is rate-limited.
 * Skipped where nginx is missing, and failed in CI ({@link ExternalTools}), where
 * {@code .ci/run} installs it.
 */
@BlogrollTest
class NginxTests {

	private static Process nginx;

	@TempDir
	static Path directory;

	private static int nginxPort;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private TestPosts testPosts;

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@BeforeEach
	void startNginxInFrontOfBlogroll() throws Exception {
		if (nginx != null) {
			return;
		}
		String binary = findNginx();
		String config = Files.readString(Path.of("deploy/nginx/nginx.conf"));
		try (ServerSocket socket = new ServerSocket(0)) {
			nginxPort = socket.getLocalPort();
		}
		config = replace(config, "server blogroll:8080", "server 127.0.0.1:" + this.port);
		config = replace(config, "listen 80;", "listen 127.0.0.1:" + nginxPort + ";");
		config = replace(config, "/var/cache/nginx/blogroll", directory.resolve("cache").toString());
		config = replace(config, "/var/log/nginx/access.log", directory.resolve("access.log").toString());
		// nginx connects from 127.0.0.2, the one address the tests' Blogroll trusts as a proxy
		config = replace(config, "        proxy_connect_timeout 2s;",
				"        proxy_connect_timeout 2s;\n        proxy_bind 127.0.0.2;");
		// stale after 1 s (Blogroll says 60 s, and the tests share its settings), revalidated as ever
		config = replace(config, "            proxy_cache_revalidate on;\n            proxy_cache_lock on;",
				"            proxy_cache_revalidate on;\n            proxy_ignore_headers Cache-Control Expires;\n"
						+ "            proxy_cache_valid 200 1s;\n            proxy_cache_lock on;");
		Path file = directory.resolve("nginx.conf");
		Files.writeString(file, config);
		// workers run as the user running the test, who owns the cache and log directories here
		String globals = "pid " + directory.resolve("nginx.pid") + "; error_log " + directory.resolve("error.log")
				+ ";" + ("root".equals(System.getProperty("user.name")) ? " user root;" : "");

		Process check = new ProcessBuilder(binary, "-t", "-p", directory + "/", "-c", file.toString(), "-g", globals)
			.redirectErrorStream(true)
			.start();
		String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.waitFor()).as("nginx -t: " + checked).isZero();
		System.out.println("nginx -t: " + checked.strip());
		assertThat(checked).contains("syntax is ok", "test is successful");

		nginx = new ProcessBuilder(binary, "-p", directory + "/", "-c", file.toString(), "-g",
				"daemon off; " + globals)
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("nginx.out").toFile())
			.start();
		Instant deadline = Instant.now().plusSeconds(10);
		while (!listening(nginxPort)) {
			assertThat(nginx.isAlive()).as("nginx runs: " + Files.readString(directory.resolve("nginx.out"))).isTrue();
			assertThat(Instant.now()).as("nginx listens").isBefore(deadline);
			Thread.sleep(50);
		}
	}

	@AfterAll
	static void stopNginx() throws InterruptedException {
		if (nginx != null) {
			nginx.destroy();
			nginx.waitFor(10, TimeUnit.SECONDS);
			nginx = null;
		}
	}

	@Test
	void nginxsRequestIdIsOnTheErrorPageAndInBothLogs() throws Exception {
		HttpResponse<String> response = get("/blog/no-such-category-behind-nginx", Map.of());
		assertThat(response.statusCode()).isEqualTo(404);
		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).as("nginx's $request_id, kept by Blogroll").matches("[0-9a-f]{32}");
		assertThat(Jsoup.parse(response.body()).select(".request-id code").text()).as(response.body()).isEqualTo(id);
		Instant deadline = Instant.now().plusSeconds(5);
		while (!Files.readString(directory.resolve("access.log")).contains("request_id=" + id)) {
			assertThat(Instant.now()).as("nginx's access log has the id").isBefore(deadline);
			Thread.sleep(50);
		}
	}

	@Test
	void pagesAreCachedAndRevalidatedWithBlogrollsValidators() throws Exception {
		String path = "/blog/engineering/page/3";
		assertThat(get(path, Map.of()).statusCode()).isEqualTo(200);
		HttpResponse<String> cached = get(path, Map.of());
		assertThat(cached.headers().firstValue("X-Cache-Status")).hasValue("HIT");
		assertThat(cached.headers().firstValue("ETag")).isPresent();
		double notModified = notModifiedAnswers();
		Thread.sleep(2500); // fresh for 1 s, counted in whole seconds by nginx: stale now
		// served stale at once while nginx revalidates in the background with If-None-Match,
		// which Blogroll answers with 304 and no rendering
		HttpResponse<String> stale = get(path, Map.of());
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.headers().firstValue("X-Cache-Status").orElse("")).isIn("STALE", "UPDATING", "REVALIDATED");
		Instant deadline = Instant.now().plusSeconds(5);
		while (notModifiedAnswers() == notModified) {
			assertThat(Instant.now()).as("Blogroll answered nginx's revalidation with 304").isBefore(deadline);
			Thread.sleep(50);
		}
		assertThat(get(path, Map.of()).headers().firstValue("X-Cache-Status")).hasValue("HIT");
	}

	@Test
	void anEditorsChangeShowsThroughNginxOnceItsCopyIsStale() throws Exception {
		this.testPosts.add(PostBuilder.post().slug("behind-nginx-edited").title("Title before the edit")
			.category("behind-nginx"));
		String path = "/blog/behind-nginx";
		assertThat(get(path, Map.of()).body()).contains("Title before the edit");
		HttpResponse<String> cached = get(path, Map.of());
		assertThat(cached.headers().firstValue("X-Cache-Status")).hasValue("HIT");
		String etag = cached.headers().firstValue("ETag").orElseThrow();

		// an editor's change: Blogroll's content version moves, so its ETag for the page does too, and
		// nginx's next revalidation gets the new page (200), not a 304
		this.jdbc.sql("update post set title = 'Title after the edit' where slug = 'behind-nginx-edited'")
			.update();
		Instant deadline = Instant.now().plusSeconds(10);
		HttpResponse<String> seen = get(path, Map.of());
		while (!seen.body().contains("Title after the edit")) {
			// nginx's copy until it is stale (1 s here, Blogroll's max-age in production), then one
			// answer from the stale copy while nginx revalidates in the background
			assertThat(seen.body()).contains("Title before the edit");
			assertThat(Instant.now()).as("the change shows through nginx").isBefore(deadline);
			Thread.sleep(200);
			seen = get(path, Map.of());
		}
		assertThat(Jsoup.parse(seen.body()).select("main a").eachText()).contains("Title after the edit");
		assertThat(seen.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));
		assertThat(get(path, Map.of()).headers().firstValue("X-Cache-Status")).hasValue("HIT");
	}

	private double notModifiedAnswers() {
		Timer timer = this.registry.find("http.server.requests")
			.tag("uri", "/blog/{slug}/page/{page}")
			.tag("status", "304")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	@Test
	void aClientsForwardedForIsOverwritten() throws Exception {
		HttpResponse<String> form = get("/admin/login", Map.of());
		String csrf = Jsoup.parse(form.body()).select("input[name=_csrf]").val();
		HttpResponse<String> signIn = this.client.send(HttpRequest.newBuilder(uri("/admin/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", "203.0.113.9")
			.POST(HttpRequest.BodyPublishers.ofString("username=nginx-test&password=wrong-password-1&_csrf="
					+ URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).isEqualTo(302);
		List<String> keys = this.jdbc.sql("select throttle_key from login_failure where throttle_key like 'ip:%'")
			.query(String.class)
			.list();
		assertThat(keys).doesNotContain("ip:203.0.113.9").contains("ip:127.0.0.1");
		this.jdbc.sql("delete from login_failure where throttle_key in ('ip:127.0.0.1', 'user:nginx-test')").update();
	}

	@Test
	void searchIsRateLimitedAndProbesAreNotPublic() throws Exception {
		// 15 at once (under the 20 connections an address may hold): nginx lets 1 + a burst of 10
		// through and refuses the rest itself, however slowly a loaded machine answers them (30 in a
		// row took 7.6 s once, under the 5 a second of the limit)
		List<CompletableFuture<HttpResponse<String>>> searches = new ArrayList<>();
		for (int i = 0; i < 15; i++) {
			searches.add(this.client.sendAsync(request("/search?q=rate" + i, Map.of()).build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		List<HttpResponse<String>> answers = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> search : searches) {
			answers.add(search.get(30, TimeUnit.SECONDS));
		}
		assertThat(answers).extracting(HttpResponse::statusCode).contains(200, 429);
		// refused by nginx's limit_req, not by Blogroll (whose answers carry the request id it logged)
		assertThat(answers).filteredOn((answer) -> answer.statusCode() == 429)
			.anySatisfy((answer) -> assertThat(answer.headers().firstValue("X-Request-Id")).isEmpty());
		assertThat(get("/readyz", Map.of()).statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		return this.client.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(String path, Map<String, String> headers) {
		// as a browser asks
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		headers.forEach(request::header);
		return request;
	}

	private static URI uri(String path) {
		return URI.create("http://127.0.0.1:" + nginxPort + path);
	}

	private static String replace(String config, String from, String to) {
		assertThat(config).as("deploy/nginx/nginx.conf has " + from).contains(from);
		return config.replace(from, to);
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String findNginx() {
		String found = null;
		for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
			if (found == null && new File(candidate).canExecute()) {
				found = candidate;
			}
		}
		ExternalTools.require(found != null,
				"nginx is not installed (apt-get install nginx): deploy/nginx/nginx.conf is not run");
		return found;
	}

}
