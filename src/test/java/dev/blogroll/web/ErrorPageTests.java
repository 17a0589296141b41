package dev.blogroll.web;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;
import dev.blogroll.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error, whoever answers it (Tomcat before the application, Spring Security's firewall,
 * a filter, Spring MVC), is the site's own HTML page for every client (a crawler sending no
 * Accept header, {@code curl}'s {@code *}{@code /*}, a browser, a client asking for JSON), with
 * the security headers and {@code Cache-Control: private, no-store}. (The 429 of a full search
 * queue and the 503 of a database outage are tested the same way in {@code SearchBulkheadTests}
 * and {@code DatabaseOutageTests}.)
 */
@BlogrollTest
class ErrorPageTests {

	/** No Accept header at all (many crawlers and feed readers), curl's, a browser's, an API client's. */
	static final List<String> ACCEPTS = List.of("", "*/*", "text/html", "application/json");

	/** The stylesheet under its content-hashed URL, as every page links it. */
	static final String HASHED_STYLESHEET = "/css/site-[0-9a-f]{32}\\.css";

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	/** Request targets, each with the status it must answer and who answers it. */
	static List<Object[]> errors() {
		return List.of(new Object[] { "/blog/%252e%252e/x", 400, "Spring Security's firewall (an encoded %)" },
				new Object[] { "/css/..%2f..", 400, "Tomcat (an encoded slash), before the application" },
				new Object[] { "/blog/no-such-category", 404, "Spring MVC (a typed not-found)" },
				new Object[] { "/no/such/page", 404, "Spring MVC (no handler)" },
				new Object[] { "/error", 404, "/error asked for directly" },
				new Object[] { "/blog/" + "x".repeat(3000), 414, "the request limits (a long path)" },
				new Object[] { "/search?q=" + "x".repeat(3000), 414, "the request limits (a long query)" },
				new Object[] { "/blog/" + "x".repeat(9000), 400, "Tomcat (a request line over 8 KB)" });
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("errors")
	void everyErrorIsTheSitesOwnPageWithTheSecurityHeadersAndNoSharedCaching(String target, int status,
			String answeredBy) {
		for (String accept : ACCEPTS) {
			RawHttp.Response response = accept.isEmpty() ? RawHttp.get(this.port, target)
					: RawHttp.get(this.port, target, "Accept: " + accept);
			String what = target.substring(0, Math.min(60, target.length())) + " (Accept: " + accept + ")";
			assertThat(response.status()).as(what).isEqualTo(status);
			assertThat(response.contentType()).as(what).startsWith("text/html");
			assertThat(response.body()).as(what).doesNotContain("Whitelabel", "\"status\"", "Apache Tomcat");
			Document page = response.html();
			assertThat(page.select("link[rel=stylesheet]").attr("href")).as(what).matches(HASHED_STYLESHEET);
			assertThat(page.select("h1").text()).as(what).isNotBlank();
			assertThat(page.select(".status-code, .status-page").text()).as(what).isNotBlank();
			assertThat(response.header("Cache-Control")).as(what).isEqualTo("private, no-store");
			assertThat(response.headers("Cache-Control")).as(what).hasSize(1);
			assertThat(response.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
			assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
			assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
			assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
		}
	}

	@Test
	void aRemovedPostAndARefusedWriteAreTheSitesOwnPageForEveryClient() {
		this.testPosts.add(PostBuilder.post().slug("error-page-trashed").title("Error page trashed"));
		this.jdbc.sql("""
				update post set trashed_status = status, status = 'TRASHED', trashed_at = now()
				where slug = 'error-page-trashed'""").update();
		try {
			for (String accept : ACCEPTS) {
				String header = accept.isEmpty() ? "X-No-Accept: 1" : "Accept: " + accept;
				RawHttp.Response gone = RawHttp.get(this.port, "/blog/engineering/error-page-trashed", header);
				assertThat(gone.status()).as(accept).isEqualTo(410);
				assertThat(gone.contentType()).as(accept).startsWith("text/html");
				assertThat(gone.html().select("h1").text()).as(accept).isEqualTo("This post has been removed");
				assertThat(gone.header("Cache-Control")).as(accept).isEqualTo("private, no-store");
				RawHttp.Response refused = RawHttp.send(this.port, "POST /blog HTTP/1.0\r\nHost: 127.0.0.1\r\n" + header
						+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=b");
				assertThat(refused.status()).as(accept).isEqualTo(403);
				assertThat(refused.contentType()).as(accept).startsWith("text/html");
				assertThat(refused.html().select(".status-code").text()).as(accept).isEqualTo("403");
				assertThat(refused.header("Cache-Control")).as(accept).isEqualTo("private, no-store");
			}
		}
		finally {
			this.testPosts.remove(List.of("error-page-trashed"), List.of(), List.of(), List.of());
		}
	}

	@Test
	void errorPagesSayWhatWentWrongInWords() {
		assertThat(RawHttp.get(this.port, "/blog/" + "x".repeat(3000)).html().select("p").text())
			.contains("The address is too long");
		assertThat(RawHttp.get(this.port, "/css/..%2f..").html().select("p").text())
			.contains("could not be understood");
		assertThat(RawHttp.get(this.port, "/error").html().select("h1").text()).isEqualTo("We couldn't find that page");
	}

}
