package dev.blogroll.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response, public or admin, page, feed, error or asset, fresh or replayed from the
 * rendered-page cache, carries the security headers; HSTS only over HTTPS.
 */
@BlogrollTest
class SecurityHeadersTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("headers-post"), List.of("headers-cat"), List.of(), List.of("headers-writer"));
	}

	@Test
	void everyKindOfResponseCarriesTheSecurityHeaders() {
		this.testPosts.add(PostBuilder.post()
			.slug("headers-post")
			.category("Headers Cat")
			.author("Headers Writer")
			.publishedAt(Instant.parse("2023-03-03T10:00:00Z")));
		SiteClient client = new SiteClient(this.port);
		for (String path : List.of("/", "/blog", "/blog/headers-cat", "/blog/headers-cat/headers-post",
				"/search?q=kong", "/feed.atom", "/feed.rss", "/sitemap.xml", "/robots.txt", "/css/site.css",
				"/blog/no-such-category", "/blog/page/abc", "/admin/login", "/admin/posts", "/readyz", "/actuator/health")) {
			assertSecurityHeaders(path, client.get(path));
		}
	}

	@Test
	void pagesReplayedFromTheCacheKeepTheSecurityHeaders() {
		SiteClient client = new SiteClient(this.port);
		client.get("/blog");
		client.get("/blog");
		SiteClient.Response hit = client.get("/blog");
		assertThat(hit.header(RenderedPageCache.HEADER)).isEqualTo("hit");
		assertSecurityHeaders("/blog (cache hit)", hit);
		assertThat(hit.header("Content-Security-Policy")).isEqualTo(client.get("/blog").header("Content-Security-Policy"));
	}

	@Test
	void aClientThatIsNotATrustedProxyCannotClaimHttps() {
		// over HTTPS behind a trusted proxy: ForwardedHeadersTests
		SiteClient client = new SiteClient(this.port);
		Map<String, String> https = Map.of("X-Forwarded-Proto", "https");
		assertThat(client.get("/blog", https).header("Strict-Transport-Security")).isNull();
		assertThat(client.get("/admin/login", https).header("Strict-Transport-Security")).isNull();
		assertThat(sessionCookieAttributes(client.get("/admin/login", https))).contains("httponly", "samesite=lax")
			.doesNotContain("secure");
	}

	@Test
	void noTemplateNeedsInlineScriptOrStyle() {
		SiteClient client = new SiteClient(this.port);
		for (String path : List.of("/", "/blog", "/search?q=api", "/admin/login", "/blog/no-such-category")) {
			var page = client.get(path).html();
			// JSON-LD is data; the one script is ours, from /js/, under its content-hashed URL
			assertThat(page.select("script:not([type=application/ld+json])").eachAttr("src")).as(path)
				.singleElement()
				.asString()
				.matches("/js/theme-[0-9a-f]{32}\\.js");
			assertThat(page.select("script:not([src]):not([type=application/ld+json])")).as(path).isEmpty();
			assertThat(page.select("[style], style")).as(path).isEmpty();
			assertThat(page.getAllElements().stream()
				.flatMap((element) -> element.attributes().asList().stream())
				.filter((attribute) -> attribute.getKey().startsWith("on"))).as(path).isEmpty();
		}
	}

	static List<String> sessionCookieAttributes(SiteClient.Response response) {
		String cookie = response.header("Set-Cookie");
		assertThat(cookie).startsWith("SESSION=");
		return Arrays.stream(cookie.split(";")).skip(1).map((attribute) -> attribute.strip().toLowerCase(Locale.ROOT))
			.toList();
	}

	static void assertSecurityHeaders(String path, SiteClient.Response response) {
		assertThat(response.header("Content-Security-Policy")).as(path)
			.contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
		assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
		assertThat(response.header("Permissions-Policy")).as(path).contains("camera=()");
	}

}
