package dev.blogroll.listing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference view, {@code /blog/engineering/page/17}, compared field by field with
 * {@code reference/engineering-page-17.json} (the Kong blog's page as captured). The demo's
 * posts have no images, so their cards are text cards; the reference's alt texts are kept with
 * the posts, for the images they may get.
 */
@BlogrollTest
class ReferencePageTests {

	private static JsonNode reference;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void readReference() throws IOException {
		try (InputStream in = ReferencePageTests.class.getResourceAsStream("/reference/engineering-page-17.json")) {
			reference = JsonMapper.shared().readTree(in);
		}
	}

	private Document page17() {
		return new SiteClient(this.port).page("/blog/engineering/page/17");
	}

	@Test
	void page17ShowsTheFifteenReferencePostsInOrder() {
		Elements cards = page17().select("article.card");
		JsonNode posts = reference.get("posts");
		assertThat(cards).hasSize(posts.size()).hasSize(15);
		for (int i = 0; i < posts.size(); i++) {
			JsonNode expected = posts.get(i);
			Element card = cards.get(i);
			String slug = expected.get("slug").asString();
			Element title = card.selectFirst(".card-title a");
			assertThat(title.text()).as("title of card %d", i + 1).isEqualTo(expected.get("title").asString());
			assertThat(title.attr("href")).isEqualTo("/blog/engineering/" + slug);
			Element category = card.selectFirst("a.card-category");
			assertThat(category.text()).isEqualTo("Engineering");
			assertThat(category.attr("href")).isEqualTo("/blog/engineering");
			assertThat(card.selectFirst("time").text()).as("date of %s", slug)
				.isEqualTo(expected.get("displayedDate").asString());
			assertThat(card.selectFirst("time").attr("datetime")).isEqualTo(expected.get("publishedOn").asString());
			assertThat(card.selectFirst(".card-excerpt").text()).as("excerpt of %s", slug)
				.isEqualTo(expected.get("excerpt").asString());
			Element author = card.selectFirst(".card-author a");
			assertThat(author.text()).isEqualTo(expected.get("author").asString());
			assertThat(author.attr("href")).startsWith("/blog/author/");
			assertThat(imageAlt(card, slug)).as("image alt text of %s", slug).isEqualTo(expected.get("imageAlt").asString());
		}
	}

	@Test
	void paginationAboveAndBelowTheListMatchesTheReference() {
		Document page = page17();
		Elements navs = page.select("nav[aria-label=Pagination]");
		assertThat(navs).hasSize(2);
		assertThat(navs.first().nextElementSiblings().select("article.card")).hasSize(15);
		List<String> expectedLabels = reference.get("pagination").valueStream().map((item) -> item.get("label").asString()).toList();
		List<String> expectedHrefs = reference.get("pagination").valueStream()
			.map((item) -> item.has("href") ? item.get("href").asString() : null)
			.toList();
		for (Element nav : navs) {
			assertThat(nav.text()).isEqualTo("‹Prev 1 … 16 17 18 … 20 Next›");
			Elements items = nav.select("li > *");
			assertThat(items.eachText()).isEqualTo(expectedLabels);
			assertThat(items.stream().map((item) -> item.is("a") ? item.attr("href") : null).toList())
				.isEqualTo(expectedHrefs);
			Element current = nav.selectFirst("[aria-current=page]");
			assertThat(current.text()).isEqualTo("17");
			assertThat(current.is("a")).as("the current page is not a link").isFalse();
			assertThat(nav.select(".page-gap")).hasSize(2)
				.allSatisfy((gap) -> assertThat(gap.attr("aria-hidden")).isEqualTo("true"))
				.allSatisfy((gap) -> assertThat(gap.is("a")).isFalse());
		}
	}

	@Test
	void page17HasTheCategoryHeadingDescriptionAndBreadcrumbs() {
		Document page = page17();
		assertThat(page.select("h1").eachText()).containsExactly("Engineering");
		assertThat(page.selectFirst(".listing-description").text())
			.isEqualTo(reference.get("category").get("description").asString());
		assertThat(page.select("nav[aria-label=Breadcrumb] li").eachText())
			.containsExactly("Home", "Blog", "Engineering");
		assertThat(page.title()).startsWith("Engineering – Page 17 of 20");
	}

	@Test
	void everyPageShowsTheReferenceTagStrip() {
		List<String> tags = reference.get("tags").valueStream().map(JsonNode::asString).toList();
		Elements links = page17().select("nav[aria-label=Topics] a");
		assertThat(links.eachText()).isEqualTo(tags);
		assertThat(links.first().attr("href")).isEqualTo("/blog/tag/ai-gateway");
	}

	/**
	 * The card's image alt text: its image's, or, for a text card (the demo has no images), the
	 * alt text the post keeps for when it gets one; a text card shows no image area and no alt
	 * text.
	 */
	private String imageAlt(Element card, String slug) {
		Element image = card.selectFirst(".card-media img");
		if (image != null) {
			return image.attr("alt");
		}
		assertThat(card.hasClass("card-text")).as("%s is a text card", slug).isTrue();
		assertThat(card.select(".card-media, .card-placeholder, [role=img]")).as("image area of %s", slug).isEmpty();
		return this.jdbc.sql("select image_alt from post where slug = :slug").param("slug", slug).query(String.class).single();
	}

}
