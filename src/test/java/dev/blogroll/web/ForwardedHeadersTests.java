package dev.blogroll.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blogroll.BlogrollTest;
import dev.blogroll.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy ({@code blogroll.trusted-proxies}: in the tests 127.0.0.2, which these
 * requests come from), {@code X-Forwarded-Proto} is believed: HTTPS gets HSTS and a
 * {@code Secure} session cookie, and nothing is replayed to the other scheme. Even a trusted
 * proxy cannot choose the host of a redirect. The same headers from any other client are
 * ignored (also {@code SecurityHeadersTests}, {@code HostileInputTests}).
 */
@BlogrollTest
class ForwardedHeadersTests {

	private static final String PROXY = "127.0.0.2";

	private static final String HTTPS = "X-Forwarded-Proto: https";

	@LocalServerPort
	private int port;

	@Test
	void hstsIsSentOverHttpsOnlyAndNeverReplayedToTheOtherScheme() {
		assertThat(fromProxy("/blog").header("Strict-Transport-Security")).isNull();
		assertThat(fromProxy("/blog").header("Strict-Transport-Security")).isNull();
		for (String path : List.of("/blog", "/blog", "/blog", "/admin/login", "/blog/no-such-page")) {
			assertThat(fromProxy(path, HTTPS).header("Strict-Transport-Security")).as(path).contains("max-age=");
		}
		assertThat(fromProxy("/blog").header("Strict-Transport-Security")).isNull();
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteAndSecureOverHttps() {
		assertThat(cookieAttributes(fromProxy("/admin/login"))).contains("httponly", "samesite=lax")
			.doesNotContain("secure");
		assertThat(cookieAttributes(fromProxy("/admin/login", HTTPS))).contains("httponly", "samesite=lax", "secure");
	}

	@Test
	void theSameHeadersFromAnotherClientAreIgnored() {
		RawHttp.Response stranger = RawHttp.get(this.port, "/admin/login", HTTPS);
		assertThat(stranger.header("Strict-Transport-Security")).isNull();
		assertThat(cookieAttributes(stranger)).doesNotContain("secure");
	}

	@Test
	void redirectsNeverGoToAHostAProxyForwards() {
		RawHttp.Response response = RawHttp.sendFrom(PROXY, this.port,
				"GET /admin/posts HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Forwarded-Host: evil.example\r\n"
						+ "X-Forwarded-Proto: https\r\nX-Forwarded-Port: 8443\r\nForwarded: host=evil.example\r\n\r\n");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).isEqualTo("/admin/login");
		// HTTP/1.0 needs an absolute Location: Tomcat builds it from the Host header, never from forwarded ones
		RawHttp.Response old = RawHttp.sendFrom(PROXY, this.port, "GET /admin/posts HTTP/1.0\r\nHost: 127.0.0.1\r\n"
				+ "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\nForwarded: host=evil.example\r\n\r\n");
		assertThat(old.header("Location")).isEqualTo("https://127.0.0.1/admin/login");
	}

	private RawHttp.Response fromProxy(String path, String... headers) {
		StringBuilder request = new StringBuilder("GET ").append(path)
			.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAccept: text/html\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		return RawHttp.sendFrom(PROXY, this.port, request.append("\r\n").toString());
	}

	private static List<String> cookieAttributes(RawHttp.Response response) {
		String cookie = response.header("Set-Cookie");
		assertThat(cookie).startsWith("SESSION=");
		return Arrays.stream(cookie.split(";")).skip(1).map((attribute) -> attribute.strip().toLowerCase(Locale.ROOT))
			.toList();
	}

}
