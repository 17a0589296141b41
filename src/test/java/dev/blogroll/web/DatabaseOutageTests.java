package dev.blogroll.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.blogroll.BlogrollApplication;
import dev.blogroll.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL goes away while Blogroll runs, and comes back. Blogroll runs here on a database of
 * its own, which the test stops and starts, so the shared test database is left alone: pages
 * answer 503 with the site's own page and {@code Retry-After} quickly, health says DOWN, an
 * editor's unsaved form comes back with the input, and everything recovers by itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTests {

	private static final String PASSWORD = "outage editor password";

	@TempDir
	static Path dataDirectory;

	private static int databasePort;

	private static EmbeddedPostgres postgres;

	private static ConfigurableApplicationContext blogroll;

	private static String base;

	private static String management;

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@BeforeAll
	static void startBlogrollOnItsOwnDatabase() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			databasePort = socket.getLocalPort();
		}
		startDatabase();
		// command-line arguments, so they win over application.properties
		blogroll = new SpringApplicationBuilder(BlogrollApplication.class).run("--server.port=0",
				"--management.server.port=0",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--blogroll.demo-data=true", "--blogroll.admin.username=outage-admin",
				"--blogroll.admin.password=" + PASSWORD);
		base = "http://localhost:" + ((WebServerApplicationContext) blogroll).getWebServer().getPort();
		management = "http://localhost:" + blogroll.getEnvironment().getProperty("local.management.port");
	}

	@AfterAll
	static void stopEverything() throws IOException {
		if (blogroll != null) {
			blogroll.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void pagesAnswer503QuicklyWhileTheDatabaseIsAwayAndRecoverByThemselves() throws Exception {
		List<String> paths = List.of("/", "/blog", "/blog/engineering", "/blog/page/2", "/search?q=gateway",
				"/feed.atom", "/sitemap.xml");
		for (String path : paths) {
			// three times: every page but the search is kept from its second request and served
			// from memory on the third (KeptPageValve), which asks the database first too
			for (int i = 0; i < 3; i++) {
				assertThat(get(path).statusCode()).as(path).isEqualTo(200);
			}
		}
		assertThat(get("/blog/engineering").headers().firstValue(RenderedPageCache.HEADER)).hasValue("hit");
		signIn();
		Document form = Jsoup.parse(get("/admin/posts/new").body());
		String csrf = form.select("input[name=_csrf]").val();

		postgres.close();
		try {
			for (String path : paths) {
				Instant start = Instant.now();
				HttpResponse<String> response = get(path);
				assertThat(Duration.between(start, Instant.now())).as(path).isLessThan(Duration.ofSeconds(2));
				assertThat(response.statusCode()).as(path).isEqualTo(503);
				assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("10");
				assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("private, no-store");
				assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
				assertThat(response.body()).as(path).contains("Back in a moment").doesNotContain("Exception", "at dev.");
			}
			// every client gets the page, whatever it accepts: a crawler sending no Accept, curl, an API client
			for (String accept : ErrorPageTests.ACCEPTS) {
				RawHttp.Response response = accept.isEmpty() ? RawHttp.get(port(), "/blog/engineering")
						: RawHttp.get(port(), "/blog/engineering", "Accept: " + accept);
				assertThat(response.status()).as(accept).isEqualTo(503);
				assertThat(response.contentType()).as(accept).startsWith("text/html");
				assertThat(response.body()).as(accept).contains("Back in a moment");
				assertThat(response.header("Cache-Control")).as(accept).isEqualTo("private, no-store");
			}
			// pages that would otherwise ask for a connection twice: a 404 reads the site chrome
			// after the request failed to, a sign-in reads the throttle and saves the session
			Instant start = Instant.now();
			HttpResponse<String> unknown = get("/no-such-page");
			assertThat(Duration.between(start, Instant.now())).as("an unknown path").isLessThan(Duration.ofSeconds(2));
			assertThat(unknown.statusCode()).as("an unknown path").isIn(404, 503);
			assertThat(unknown.body()).doesNotContain("Exception");
			assertThat(unknown.headers().firstValue("Cache-Control")).as("a 404 without its chrome")
				.hasValueSatisfying((value) -> assertThat(value).doesNotContain("public"));
			start = Instant.now();
			HttpResponse<String> signIn = post("/admin/login",
					Map.of("username", "outage-admin", "password", PASSWORD, "_csrf", csrf));
			assertThat(Duration.between(start, Instant.now())).as("a sign-in").isLessThan(Duration.ofSeconds(2));
			assertThat(signIn.statusCode()).as("a sign-in").isEqualTo(503);
			// as a load balancer asks the public port, and as Kubernetes asks the management port:
			// not ready, but alive (restarting would not bring the database back)
			assertThat(probe(base + "/readyz").statusCode()).isEqualTo(503);
			assertThat(probe(base + "/readyz").body()).contains("DOWN");
			assertThat(probe(management + "/actuator/health/readiness").statusCode()).isEqualTo(503);
			assertThat(probe(management + "/actuator/health/liveness").statusCode()).isEqualTo(200);

			HttpResponse<String> save = post("/admin/posts/new",
					Map.of("_csrf", csrf, "title", "Written during the outage <b>bold</b>", "categoryId", "1",
							"body", "A body\nof two lines that must not be lost", "tags", "outage"));
			assertThat(save.statusCode()).isEqualTo(503);
			Document unsaved = Jsoup.parse(save.body());
			assertThat(unsaved.text()).contains("Your changes have not been saved");
			assertThat(unsaved.select("form[action=/admin/posts/new] input[name=title]").val())
				.isEqualTo("Written during the outage <b>bold</b>");
			assertThat(unsaved.select("form textarea[name=body]").text()).contains("must not be lost");
			assertThat(unsaved.select("form input[type=hidden][name=_csrf]").val()).isEqualTo(csrf);
			assertThat(unsaved.select("b")).isEmpty();
		}
		finally {
			startDatabase();
		}

		Instant back = Instant.now();
		while (get("/blog").statusCode() != 200) {
			assertThat(Duration.between(back, Instant.now())).as("recovery").isLessThan(Duration.ofSeconds(10));
			Thread.sleep(200);
		}
		for (String path : paths) {
			assertThat(get(path).statusCode()).as(path + " after the outage").isEqualTo(200);
		}
		assertThat(probe(base + "/readyz").body()).contains("UP");
		assertThat(probe(management + "/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get("/admin/posts").statusCode()).as("still signed in").isEqualTo(200);
	}

	/**
	 * PostgreSQL killed (as by the OOM killer) while it saves the editor's session at the end of
	 * a save: the editor gets the 503 page with the input, and the log says so in one line, with
	 * no stack trace (Spring's transaction template used to log the session's failure at ERROR
	 * with its trace, and Hikari another for the broken connection).
	 */
	@Test
	void aSaveCutShortByACrashAnswers503WithTheInputAndLogsOneLine(CapturedOutput output) throws Exception {
		signIn();
		String csrf = Jsoup.parse(get("/admin/posts/new").body()).select("input[name=_csrf]").val();
		HttpResponse<String> save;
		String log;
		try (Connection holder = postgres.getPostgresDatabase().getConnection()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				// the sessions are locked: the save's end-of-request session update waits
				statement.execute("select primary_id from spring_session for update");
			}
			int logged = output.getOut().length();
			var answer = this.browser.sendAsync(form("/admin/posts/new", Map.of("_csrf", csrf, "title",
					"Saved as PostgreSQL crashed", "categoryId", "1", "newAuthor", "Crash Test Writer", "publishedAt",
					"2024-02-03T04:05", "status", "DRAFT", "body", "Words typed before the crash")),
					HttpResponse.BodyHandlers.ofString());
			awaitWaitingForALock(holder);
			crashDatabase();
			save = answer.get(30, TimeUnit.SECONDS);
			log = output.getOut().substring(logged);
		}
		catch (SQLException closedByTheCrash) {
			throw new AssertionError("the crash came too early", closedByTheCrash);
		}
		finally {
			// releases the data directory's lock (pg_ctl stop finds nothing to stop)
			postgres.close();
			startDatabase();
			awaitRecovery();
		}
		assertThat(save.statusCode()).isEqualTo(503);
		Document unsaved = Jsoup.parse(save.body());
		assertThat(unsaved.select("form input[name=title]").val()).isEqualTo("Saved as PostgreSQL crashed");
		assertThat(unsaved.select("form [name=body]").val()).isEqualTo("Words typed before the crash");
		assertThat(log).containsOnlyOnce("Database unavailable: POST /admin/posts/new answered 503");
		assertThat(log.lines().filter((line) -> line.startsWith("\tat ") || line.startsWith("Caused by"))).isEmpty();
	}

	private void awaitRecovery() throws Exception {
		Instant back = Instant.now();
		while (get("/blog").statusCode() != 200) {
			assertThat(Duration.between(back, Instant.now())).as("recovery").isLessThan(Duration.ofSeconds(20));
			Thread.sleep(200);
		}
	}

	/** Kills PostgreSQL's postmaster, as a crash would: no shutdown, connections cut. */
	private static void crashDatabase() throws Exception {
		long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("pg").resolve("postmaster.pid")).get(0).strip());
		ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
		postmaster.destroyForcibly();
		postmaster.onExit().get(10, TimeUnit.SECONDS);
		// its backends notice and exit by themselves
		Thread.sleep(1_000);
	}

	private static void awaitWaitingForALock(Connection connection) throws SQLException, InterruptedException {
		Instant deadline = Instant.now().plusSeconds(20);
		while (true) {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					return;
				}
			}
			assertThat(Instant.now()).as("the save should wait for the session row").isBefore(deadline);
			Thread.sleep(20);
		}
	}

	/** A probe as a load balancer or the kubelet sends it: no cookie, any content type. */
	private static HttpResponse<String> probe(String url) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "*/*").build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private static void startDatabase() throws IOException {
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory.resolve("pg"))
			.setCleanDataDirectory(false)
			.setPort(databasePort)
			// as in production: a commit is on disk when it returns, so a crash loses none
			// (the embedded server's default, off, would lose the last ones)
			.setServerConfig("synchronous_commit", "on")
			.start();
	}

	private void signIn() throws Exception {
		String csrf = Jsoup.parse(get("/admin/login").body()).select("input[name=_csrf]").val();
		HttpResponse<String> response = post("/admin/login",
				Map.of("username", "outage-admin", "password", PASSWORD, "_csrf", csrf));
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/admin/posts"));
	}

	private static int port() {
		return ((WebServerApplicationContext) blogroll).getWebServer().getPort();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "text/html,*/*;q=0.8")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
		return this.browser.send(form(path, fields), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest form(String path, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

}
