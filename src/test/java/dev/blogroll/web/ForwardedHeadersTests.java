package dev.blogroll.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blogroll.RawHttp;
import dev.blogroll.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy ({@code blogroll.trusted-proxies}, here the loopback addresses the
 * tests connect from), {@code X-Forwarded-Proto} is believed: HTTPS gets HSTS and a
 * {@code Secure} session cookie, and nothing is replayed to the other scheme. Even a trusted
 * proxy cannot choose the host of a redirect. (What a client that is not a trusted proxy gets:
 * {@code SecurityHeadersTests}, {@code HostileInputTests}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "blogroll.trusted-proxies=127.0.0.1,::1")
class ForwardedHeadersTests {

	@LocalServerPort
	private int port;

	@Test
	void hstsIsSentOverHttpsOnlyAndNeverReplayedToTheOtherScheme() {
		SiteClient client = new SiteClient(this.port);
		assertThat(client.get("/blog").header("Strict-Transport-Security")).isNull();
		assertThat(client.get("/blog").header("Strict-Transport-Security")).isNull();
		Map<String, String> https = Map.of("X-Forwarded-Proto", "https");
		assertThat(client.get("/blog", https).header("Strict-Transport-Security")).contains("max-age=");
		assertThat(client.get("/blog", https).header("Strict-Transport-Security")).contains("max-age=");
		assertThat(client.get("/admin/login", https).header("Strict-Transport-Security")).contains("max-age=");
		assertThat(client.get("/blog/no-such-page", https).header("Strict-Transport-Security")).contains("max-age=");
		assertThat(client.get("/blog").header("Strict-Transport-Security")).isNull();
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteAndSecureOverHttps() {
		SiteClient client = new SiteClient(this.port);
		assertThat(SecurityHeadersTests.sessionCookieAttributes(client.get("/admin/login")))
			.contains("httponly", "samesite=lax")
			.doesNotContain("secure");
		assertThat(SecurityHeadersTests
			.sessionCookieAttributes(client.get("/admin/login", Map.of("X-Forwarded-Proto", "https"))))
			.contains("httponly", "samesite=lax", "secure");
	}

	@Test
	void redirectsNeverGoToAHostAProxyForwards() {
		Map<String, String> forwarded = Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
				"X-Forwarded-Port", "8443", "Forwarded", "host=evil.example");
		SiteClient.Response response = new SiteClient(this.port).get("/admin/posts", forwarded);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.location()).isEqualTo("/admin/login");
		// HTTP/1.0 needs an absolute Location: Tomcat builds it from the Host header, never from forwarded ones
		RawHttp.Response old = RawHttp.get(this.port, "/admin/posts", "X-Forwarded-Host: evil.example",
				"X-Forwarded-Proto: https", "X-Forwarded-Port: 8443", "Forwarded: host=evil.example");
		assertThat(old.header("Location")).isEqualTo("https://127.0.0.1/admin/login");
	}

}
