package dev.blogroll.admin;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.servlet.RequestDispatcher;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * No address under {@code /admin} answers a Whitelabel page, JSON or a bare status: every error
 * status the admin can produce is the site's own HTML page with a sentence in words, for a
 * browser and for {@code curl}'s {@code *}{@code /*}. The statuses a signed-in editor can cause
 * on purpose are asked for over real HTTP; those that need a race, a flood or an outage to
 * happen (409, 429, 503) and a bug (500) are rendered through the same error dispatch Tomcat
 * makes for them ({@code RequestBodyLimitsTests}, {@code DatabaseOutageTests} and
 * {@code ConcurrentSaveTests} cause the real ones).
 */
@BlogrollTest
class AdminErrorPageTests {

	private static final List<String> ACCEPTS = List.of("text/html", "*/*");

	private static final String PASSWORD = "an error-page editor's password";

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	private EditorClient editor;

	@BeforeEach
	void signIn() {
		this.accounts.save(new Account("error-editor", this.passwordEncoder.encode(PASSWORD), Role.EDITOR,
				this.clock.instant()));
		this.editor = new EditorClient(this.port, "Firefox on Linux");
		this.editor.signIn("error-editor", PASSWORD);
	}

	@AfterEach
	void removeEditor() {
		this.jdbc.sql("delete from account where username = 'error-editor'").update();
	}

	@Test
	void whatAnEditorCanCauseIsTheSitesOwnPageForEveryClient() {
		assertSitePage("GET", "/admin/posts/not-a-number/edit", 400, "could not be understood");
		assertSitePage("GET", "/admin/accounts", 403, "may not do this");
		assertSitePage("GET", "/admin/posts/999999999/edit", 404, "");
		assertSitePage("GET", "/admin/no-such-page", 404, "");
		assertSitePage("GET", "/admin/posts/1/trash", 405, "does not accept that kind of request");
	}

	@Test
	void aFormLargerThanTheSiteAcceptsIs413InWords() {
		HttpResponse<String> response = this.editor.post("/admin/posts/new", "/admin/posts/new", "title", "Too long",
				"body", "x".repeat(2 * 1024 * 1024 + 1));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(Jsoup.parse(response.body()).select(".status-page").text())
			.contains("larger than the site accepts");
	}

	@Test
	void aStaleFormThatCannotBeKeptIs403InWords() {
		HttpResponse<String> response = this.editor.postWithToken("stale", "/admin/account/password",
				"currentPassword", PASSWORD, "newPassword", "another password entirely");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(response.body()).select(".status-page").text()).contains("This form had expired");
	}

	@Test
	void statusesThatNeedARaceAFloodAnOutageOrABugAreTheSitesOwnPageToo() throws Exception {
		for (int status : new int[] { 409, 413, 429, 500, 503 }) {
			for (String accept : ACCEPTS) {
				MockHttpServletResponse response = this.mvc
					.perform(get("/error").header("Accept", accept)
						.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
						.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/admin/posts/1/edit"))
					.andReturn()
					.getResponse();
				String what = status + " (Accept: " + accept + ")";
				assertThat(response.getStatus()).as(what).isEqualTo(status);
				assertThat(response.getContentType()).as(what).startsWith("text/html");
				assertThat(response.getContentAsString()).as(what).doesNotContain("Whitelabel", "\"status\"");
				Document page = Jsoup.parse(response.getContentAsString());
				assertThat(page.select("h1").text()).as(what).isNotBlank();
				assertThat(page.select(".status-page p").text()).as(what).isNotBlank();
			}
		}
	}

	private void assertSitePage(String method, String path, int status, String words) {
		for (String accept : ACCEPTS) {
			HttpResponse<String> response = this.editor.request(method, path, accept);
			String what = method + " " + path + " (Accept: " + accept + ")";
			assertThat(response.statusCode()).as(what).isEqualTo(status);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/html");
			assertThat(response.body()).as(what).doesNotContain("Whitelabel", "\"status\"", "Apache Tomcat");
			Document page = Jsoup.parse(response.body());
			assertThat(page.select("h1").text()).as(what).isNotBlank();
			assertThat(page.select("link[rel=stylesheet]").attr("href")).as(what).matches("/css/site-[0-9a-f]{32}\\.css");
			assertThat(page.text()).as(what).contains(words);
			assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(what).contains("no-store");
		}
	}

}
