package dev.blogroll.admin;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in over real HTTP, as a browser does: the session lives in PostgreSQL, gets a new
 * id at sign-in, and its cookie is HttpOnly.
 */
@BlogrollTest
class AdminLoginTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Clock clock;

	@AfterEach
	void removeAccount() {
		this.jdbc.sql("delete from account where username = 'login-editor'").update();
	}

	@Test
	void signingInGivesANewSessionStoredInPostgres() throws Exception {
		this.accounts.save(new Account("login-editor", this.passwordEncoder.encode("a long enough password"),
				Role.EDITOR, this.clock.instant()));
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> loginPage = send(browser, HttpRequest.newBuilder(uri("/admin/login")).GET());
		String csrf = Jsoup.parse(loginPage.body()).select("input[name=_csrf]").val();
		assertThat(csrf).isNotBlank();
		String before = sessionId(cookies);
		assertThat(loginPage.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("SESSION=").containsIgnoringCase("HttpOnly"));

		HttpResponse<String> signIn = send(browser,
				HttpRequest.newBuilder(uri("/admin/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("username=login-editor&password="
							+ URLEncoder.encode("a long enough password", StandardCharsets.UTF_8) + "&_csrf=" + csrf)));
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/posts");
		assertThat(sessionId(cookies)).as("a new session id after sign-in").isNotEqualTo(before);

		HttpResponse<String> posts = send(browser, HttpRequest.newBuilder(uri("/admin/posts")).GET());
		assertThat(posts.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(posts.body()).select("h1").text()).isEqualTo("Posts");
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = 'login-editor'")
			.query(Long.class).single()).isOne();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String sessionId(CookieManager cookies) {
		return cookies.getCookieStore().getCookies().stream().filter((cookie) -> cookie.getName().equals("SESSION"))
			.map(HttpCookie::getValue).findFirst().orElse(null);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
			throws IOException, InterruptedException {
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
