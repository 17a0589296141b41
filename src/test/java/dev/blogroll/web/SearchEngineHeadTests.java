package dev.blogroll.web;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blogroll.BlogrollTest;
import dev.blogroll.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What search engines and social sites read in each page's head, parsed from real HTTP
 * responses: titles, descriptions, canonicals from the configured site URL, prev/next, Open
 * Graph, feed autodiscovery and JSON-LD.
 */
@BlogrollTest
class SearchEngineHeadTests {

	private static final String SITE = "https://blogroll.example";

	@LocalServerPort
	private int port;

	private Document page(String path) {
		return new SiteClient(this.port).page(path);
	}

	private static String canonical(Document page) {
		return page.select("link[rel=canonical]").attr("href");
	}

	private static String meta(Document page, String property) {
		return page.select("meta[property=" + property + "]").attr("content");
	}

	private static JsonNode jsonLd(Document page) {
		Element script = page.selectFirst("script[type=application/ld+json]");
		assertThat(script).isNotNull();
		return JsonMapper.shared().readTree(script.data());
	}

	private static JsonNode node(JsonNode jsonLd, String type) {
		for (JsonNode node : jsonLd.get("@graph")) {
			if (node.get("@type").asString().equals(type)) {
				return node;
			}
		}
		throw new AssertionError("No " + type + " in " + jsonLd);
	}

	@Test
	void aListingPageSaysWhereYouAreAndPointsAtItsNeighbours() {
		Document page = page("/blog/engineering/page/17?utm_source=newsletter&page=3");
		assertThat(page.title()).isEqualTo("Engineering – Page 17 of 20 – Blogroll");
		assertThat(page.select("meta[name=description]").attr("content")).isNotBlank().contains("Page 17 of 20");
		assertThat(canonical(page)).isEqualTo(SITE + "/blog/engineering/page/17");
		assertThat(page.select("link[rel=prev]").attr("href")).isEqualTo(SITE + "/blog/engineering/page/16");
		assertThat(page.select("link[rel=next]").attr("href")).isEqualTo(SITE + "/blog/engineering/page/18");
		assertThat(page.select("a[href*=utm_source]")).isEmpty();
		assertThat(meta(page, "og:title")).isEqualTo("Engineering – Page 17 of 20");
		assertThat(meta(page, "og:type")).isEqualTo("website");
		assertThat(meta(page, "og:url")).isEqualTo(canonical(page));
		assertThat(meta(page, "og:image")).isEqualTo(SITE + "/images/blogroll-card.png");
		assertThat(page.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
			.containsExactlyInAnyOrder(SITE + "/feed.atom", SITE + "/blog/engineering/feed.atom");
		assertThat(page.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href"))
			.containsExactlyInAnyOrder(SITE + "/feed.rss", SITE + "/blog/engineering/feed.rss");
		JsonNode breadcrumbs = node(jsonLd(page), "BreadcrumbList").get("itemListElement");
		assertThat(breadcrumbs.findValuesAsString("item")).containsExactly(SITE + "/", SITE + "/blog",
				SITE + "/blog/engineering");
	}

	@Test
	void theFirstAndLastPagesHaveOnlyOneNeighbour() {
		Document first = page("/blog/engineering");
		assertThat(first.title()).isEqualTo("Engineering – Blogroll");
		assertThat(canonical(first)).isEqualTo(SITE + "/blog/engineering");
		assertThat(first.select("link[rel=prev]")).isEmpty();
		assertThat(first.select("link[rel=next]").attr("href")).isEqualTo(SITE + "/blog/engineering/page/2");
		Document last = page("/blog/engineering/page/20");
		assertThat(last.select("link[rel=prev]").attr("href")).isEqualTo(SITE + "/blog/engineering/page/19");
		assertThat(last.select("link[rel=next]")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/blog", "/blog/page/2", "/blog/tag/api-gateway", "/blog/author/marco-palladino",
			"/blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes" })
	void everyPageHasOneAbsoluteCanonicalFromTheSiteUrlAndOpenGraph(String path) {
		Document page = page(path + "?utm_campaign=junk");
		assertThat(page.select("link[rel=canonical]")).hasSize(1);
		assertThat(canonical(page)).isEqualTo(SITE + path).doesNotContain("junk");
		assertThat(page.select("meta[name=description]").attr("content")).isNotBlank();
		assertThat(meta(page, "og:url")).isEqualTo(canonical(page));
		assertThat(meta(page, "og:title")).isNotBlank();
		assertThat(meta(page, "og:image")).startsWith("https://");
		assertThat(jsonLd(page).get("@context").asString()).isEqualTo("https://schema.org");
		assertThat(page.select("a[href*=junk], link[href*=junk]")).isEmpty();
	}

	@Test
	void aPostDescribesItselfAsABlogPosting() {
		Document page = page("/blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes");
		String canonical = SITE + "/blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes";
		assertThat(page.title()).endsWith(" – Blogroll");
		assertThat(meta(page, "og:type")).isEqualTo("article");
		JsonNode posting = node(jsonLd(page), "BlogPosting");
		assertThat(posting.get("headline").asString()).isEqualTo(page.select("h1").text());
		assertThat(posting.get("url").asString()).isEqualTo(canonical);
		assertThat(posting.get("datePublished").asString()).isEqualTo(page.select(".post-meta time").attr("datetime"));
		assertThat(posting.get("dateModified").asString()).isNotBlank();
		assertThat(posting.get("author").get("@type").asString()).isEqualTo("Person");
		assertThat(posting.get("author").get("url").asString())
			.isEqualTo(SITE + page.select(".post-author a").attr("href"));
		assertThat(posting.get("image").asString()).startsWith("http");
		List<String> crumbs = node(jsonLd(page), "BreadcrumbList").get("itemListElement").findValuesAsString("name");
		assertThat(crumbs).containsExactly("Home", "Blog", "Engineering", page.select("h1").text());
	}

	@Test
	void anAggregatedPostPointsItsCanonicalAtTheOriginal() {
		Document page = page("/blog/engineering/kong-gateway-rate-limiting");
		String source = "https://konghq.com/blog/engineering/kong-gateway-rate-limiting";
		assertThat(canonical(page)).isEqualTo(source);
		assertThat(meta(page, "og:url")).isEqualTo(source);
		assertThat(node(jsonLd(page), "BlogPosting").get("url").asString()).isEqualTo(source);
	}

	@Test
	void textInJsonLdCannotCloseItsScript() {
		Document page = page("/blog/engineering/getting-started-kuma-service-mesh");
		assertThat(page.select("script[type=application/ld+json]").first().data()).doesNotContain("<");
	}

}
