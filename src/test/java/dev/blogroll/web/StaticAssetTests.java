package dev.blogroll.web;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import dev.blogroll.BlogrollTest;
import dev.blogroll.RawHttp;
import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static assets are linked under content-hashed URLs, which browsers and CDNs may keep for a
 * year; pages keep their short cache; the plain URLs still answer, with the short cache; a
 * hash that is not the asset's current one is a 404 nobody keeps.
 */
@BlogrollTest
class StaticAssetTests {

	private static final String HASHED = "/(css|js|images)?/?[\\w.-]+-[0-9a-f]{32}\\.(css|js|svg|png)";

	private static final List<String> PAGES = List.of("/", "/blog", "/blog/engineering/page/17", "/blog/tag/api-gateway",
			"/blog/author/marco-palladino", "/blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes",
			"/search?q=gateway", "/search", "/feeds", "/blog/no-such-category", "/admin/login");

	@Autowired
	private ApplicationContext context;

	@LocalServerPort
	private int port;

	@Test
	void everyAssetAPageLinksIsUnderItsHashedUrl() {
		SiteClient client = new SiteClient(this.port);
		for (String path : PAGES) {
			Document page = client.get(path).html();
			List<String> assets = assetUrls(page);
			assertThat(assets).as(path).hasSizeGreaterThanOrEqualTo(3).allSatisfy((url) -> assertThat(url).matches(HASHED));
		}
		// error pages that stand alone: Tomcat's own (an encoded slash) and the others
		for (String target : List.of("/css/..%2f..", "/blog/" + "x".repeat(3000))) {
			Document page = RawHttp.get(this.port, target).html();
			assertThat(assetUrls(page)).as(target).isNotEmpty().allSatisfy((url) -> assertThat(url).matches(HASHED));
		}
	}

	@Test
	void hashedAssetsAreKeptForAYearAndPagesForAMinute() {
		SiteClient client = new SiteClient(this.port);
		Document home = client.page("/");
		for (String asset : assetUrls(home)) {
			Response response = client.get(asset, java.util.Map.of("Accept", "*/*"));
			assertThat(response.status()).as(asset).isEqualTo(200);
			assertThat(response.header("Cache-Control")).as(asset).isEqualTo("public, max-age=31536000, immutable");
			// a client that revalidates anyway, with the ETag it was given, is told it has the file
			String etag = response.header("ETag");
			assertThat(etag).as(asset).isNotNull();
			Response again = client.get(asset, java.util.Map.of("Accept", "*/*", "If-None-Match", etag));
			assertThat(again.status()).as(asset + " revalidated").isEqualTo(304);
			assertThat(again.header("Cache-Control")).as(asset).isEqualTo("public, max-age=31536000, immutable");
		}
		assertThat(client.get("/").header("Cache-Control")).isEqualTo("public, max-age=60, stale-while-revalidate=600");
		assertThat(client.get("/feed.atom").header("Cache-Control"))
			.isEqualTo("public, max-age=60, stale-while-revalidate=600");
	}

	@Test
	void thePlainUrlsStillAnswerWithTheShortCacheAndAWrongHashIsNotFound() {
		SiteClient client = new SiteClient(this.port);
		Response plain = client.get("/css/site.css", java.util.Map.of("Accept", "text/css"));
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.header("Cache-Control")).isEqualTo("public, max-age=60, stale-while-revalidate=600");
		assertThat(client.get("/js/theme.js").status()).isEqualTo(200);
		Response stale = client.get("/css/site-0123456789abcdef0123456789abcdef.css");
		assertThat(stale.status()).isEqualTo(404);
		assertThat(stale.header("Cache-Control")).isEqualTo("private, no-store");
		Document page = client.page("/");
		String css = page.select("link[rel=stylesheet]").attr("href");
		assertThat(client.get(css).body()).isEqualTo(plain.body());
	}

	/** The stylesheets, scripts, icons and images of this site a page loads. */
	private static List<String> assetUrls(Document page) {
		List<String> urls = new ArrayList<>();
		for (Element link : page.select("link[rel=stylesheet], link[rel=icon], script[src], img[src]")) {
			String url = link.hasAttr("href") ? link.attr("href") : link.attr("src");
			if (url.startsWith("/")) {
				urls.add(url);
			}
		}
		return urls;
	}

	/**
	 * Links are made hashed by {@link HashedAssetLinks} alone: with Spring's filter registered as
	 * well, every link of every page would still be looked up on the class path.
	 */
	@Test
	void linksAreHashedByOneFilterThatAsksOnlyAboutStaticFiles() {
		List<Object> encoders = new ArrayList<>();
		for (FilterRegistrationBean<?> registration : this.context.getBeansOfType(FilterRegistrationBean.class)
			.values()) {
			if (registration.getFilter() instanceof ResourceUrlEncodingFilter filter) {
				encoders.add(filter);
			}
		}
		encoders.addAll(this.context.getBeansOfType(ResourceUrlEncodingFilter.class).values());
		assertThat(encoders).singleElement().isInstanceOf(HashedAssetLinks.class);
	}

}
