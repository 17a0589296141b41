package dev.blogroll.listing;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a listing's header and cards show: a Subscribe link to the listing's own Atom and RSS
 * feeds on every listing, the post count on tag and author pages, an author's bio and avatar
 * when an editor set them, and text cards (no image area, no alt text) for posts without an
 * image.
 */
@BlogrollTest
class ListingHeaderTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPosts testPosts;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("header-with-image", "header-without-image"), List.of(), List.of("header-mixed"),
				List.of("header-writer"));
	}

	private Document page(String path) {
		return new SiteClient(this.port).page(path);
	}

	@ParameterizedTest
	@CsvSource({ "/blog, /feed.atom, /feed.rss", "/blog/page/2, /feed.atom, /feed.rss",
			"/blog/engineering/page/17, /blog/engineering/feed.atom, /blog/engineering/feed.rss",
			"/blog/tag/api-gateway, /blog/tag/api-gateway/feed.atom, /blog/tag/api-gateway/feed.rss",
			"/blog/author/marco-palladino, /blog/author/marco-palladino/feed.atom, /blog/author/marco-palladino/feed.rss" })
	void everyListingHasAVisibleSubscribeLinkToItsOwnFeeds(String path, String atom, String rss) {
		Element subscribe = page(path).selectFirst(".listing-header .subscribe");
		assertThat(subscribe.text()).isEqualTo("Subscribe: Atom RSS");
		assertThat(subscribe.select("a").eachAttr("href")).containsExactly(atom, rss);
		SiteClient client = new SiteClient(this.port);
		assertThat(client.get(atom).contentType()).startsWith("application/atom+xml");
		assertThat(client.get(rss).contentType()).startsWith("application/rss+xml");
	}

	@Test
	void tagAndAuthorPagesSayHowManyPostsTheyHave() {
		long tagged = this.jdbc.sql("""
				select count(*) from post p join post_tag pt on pt.post_id = p.id join tag t on t.id = pt.tag_id
				where t.slug = 'api-gateway' and p.status = 'PUBLISHED' and p.published_at <= now()""")
			.query(Long.class)
			.single();
		assertThat(page("/blog/tag/api-gateway").select(".listing-count").text()).isEqualTo(tagged + " posts");
		assertThat(page("/blog/author/marco-palladino").select(".listing-count").text()).isEqualTo("2 posts");
		this.testPosts.add(PostBuilder.post().slug("header-without-image").author("Header Writer"));
		assertThat(page("/blog/author/header-writer").select(".listing-count").text()).isEqualTo("1 post");
		// categories and every post keep the reference view's header
		assertThat(page("/blog/engineering/page/17").select(".listing-count")).isEmpty();
	}

	@Test
	void anAuthorsPageShowsTheirBioAndAvatarWhenSet() {
		this.testPosts.add(PostBuilder.post().slug("header-without-image").author("Header Writer"));
		Document plain = page("/blog/author/header-writer");
		assertThat(plain.select(".listing-description").text()).isEqualTo("Posts by Header Writer.");
		assertThat(plain.select(".listing-image")).isEmpty();
		this.jdbc.sql("""
				update author set bio = 'Writes about gateways at night.', avatar_url = 'https://images.example/hw.jpg'
				where slug = 'header-writer'""").update();
		Document described = page("/blog/author/header-writer");
		assertThat(described.select(".listing-description").text()).isEqualTo("Writes about gateways at night.");
		Element avatar = described.selectFirst(".listing-header img.listing-image");
		assertThat(avatar.attr("src")).isEqualTo("https://images.example/hw.jpg");
		assertThat(avatar.attr("alt")).as("the name is the heading next to it").isEmpty();
		assertThat(avatar.attr("width")).isEqualTo("96");
		assertThat(described.select("meta[name=description]").attr("content")).isEqualTo("Writes about gateways at night.");
	}

	@Test
	void aCardWithoutAnImageIsATextCardAndOneWithAnImageShowsItWithItsAltText() {
		this.testPosts.add(
				PostBuilder.post().slug("header-with-image").tags("Header Mixed").imageUrl("https://images.example/a.png")
					.imageAlt("A diagram of the gateway").publishedAt("2020-01-02T12:00:00Z"),
				PostBuilder.post().slug("header-without-image").tags("Header Mixed").imageAlt("background"));
		List<Element> cards = page("/blog/tag/header-mixed").select("article.card");
		assertThat(cards).hasSize(2);
		Element withImage = cards.get(0);
		assertThat(withImage.hasClass("card-text")).isFalse();
		assertThat(withImage.select(".card-media img").attr("alt")).isEqualTo("A diagram of the gateway");
		Element textCard = cards.get(1);
		assertThat(textCard.hasClass("card-text")).isTrue();
		assertThat(textCard.select(".card-media, img, [role=img]")).isEmpty();
		assertThat(textCard.text()).doesNotContain("background");
	}

	@Test
	void noPageShowsAnImagePlaceholder() {
		for (String path : List.of("/", "/blog", "/blog/engineering/page/17", "/search?q=gateway",
				"/blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes")) {
			assertThat(page(path).select(".card-placeholder, [role=img]")).as(path).isEmpty();
		}
	}

}
