package dev.blogroll.post;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of one post, rendered over real HTTP.
 */
@BlogrollTest
class PostPageTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("markdown-post", "hostile-post", "nearby-oldest", "nearby-middle",
				"nearby-newest", "nearby-elsewhere-two-tags", "nearby-elsewhere-one-tag", "nearby-unrelated"),
				List.of("nearby-lab", "nearby-elsewhere"), List.of("hostile-tag", "nearby-x", "nearby-y", "nearby-z"),
				List.of("post-page-writer"));
	}

	private Document page(String path) {
		return new SiteClient(this.port).page(path);
	}

	@Test
	void aPostShowsTitleAuthorDateCategoryTagsAndItsRenderedBody() {
		this.testPosts.add(PostBuilder.post()
			.slug("markdown-post")
			.title("Markdown, Rendered")
			.author("Post Page Writer")
			.tags("API Gateway", "Service Mesh")
			.publishedAt("2020-02-03T12:00:00Z")
			.body("## Setting up\n\nRun `kong start`:\n\n```bash\nkong start\n```\n"));
		Document page = page("/blog/engineering/markdown-post");
		assertThat(page.select("h1").text()).isEqualTo("Markdown, Rendered");
		assertThat(page.select(".post-author a").text()).isEqualTo("Post Page Writer");
		assertThat(page.select(".post-author a").attr("href")).isEqualTo("/blog/author/post-page-writer");
		assertThat(page.select(".post-meta time").text()).isEqualTo("February 3, 2020");
		assertThat(page.select(".post-category").attr("href")).isEqualTo("/blog/engineering");
		assertThat(page.select(".post-tags a").eachText()).containsExactly("API Gateway", "Service Mesh");
		assertThat(page.select(".post-body h2").text()).isEqualTo("Setting up");
		assertThat(page.select(".post-body pre code.language-bash").text()).isEqualTo("kong start");
		assertThat(page.select(".post-source")).isEmpty();
		assertThat(page.select("nav[aria-label=Breadcrumb] li").eachText())
			.containsExactly("Home", "Blog", "Engineering", "Markdown, Rendered");
	}

	@Test
	void aPostTellsSocialSitesWhichCardToShow() {
		this.testPosts.add(PostBuilder.post().slug("markdown-post").imageUrl("https://images.example/cover.png"),
				PostBuilder.post().slug("hostile-post").title("No image here"));
		Document withImage = page("/blog/engineering/markdown-post");
		assertThat(withImage.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
		assertThat(withImage.select(".post-media img").attr("src")).isEqualTo("https://images.example/cover.png");
		Document without = page("/blog/engineering/hostile-post");
		assertThat(without.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
		assertThat(without.select(".post-media, .card-placeholder, [role=img]")).as("no image area").isEmpty();
	}

	@Test
	void aSummaryIsMadeFromTheRenderedTextForCardsSocialSitesAndStructuredData() {
		this.testPosts.add(PostBuilder.post()
			.slug("markdown-post")
			.title("Summarized From Its Text")
			.tags("Nearby X")
			.excerpt("")
			.body("""
					![Header](https://images.example/header.png)

					## Setting up

					- Install the gateway
					- Add a route

					| col a | col b |
					|-------|-------|
					| 1     | 2     |

					```bash
					kong start
					```
					"""));
		String expected = "Setting up. Install the gateway. Add a route.";
		assertThat(page("/blog/tag/nearby-x").select(".card-excerpt").text()).isEqualTo(expected);
		Document post = page("/blog/engineering/markdown-post");
		assertThat(post.select("meta[name=description]").attr("content")).isEqualTo(expected);
		assertThat(post.select("meta[property=og:description]").attr("content")).isEqualTo(expected);
		assertThat(post.select("script[type=application/ld+json]").first().data())
			.contains("\"description\":\"" + expected + "\"");
	}

	@Test
	void aPostShowsItsReadingTime() {
		this.testPosts.add(PostBuilder.post()
			.slug("markdown-post")
			.author("Post Page Writer")
			.body("A paragraph of words. ".repeat(200)));
		assertThat(page("/blog/engineering/markdown-post").select(".post-reading-time").text())
			.isEqualTo("4 min read");
	}

	@Test
	void aPostLinksToThePreviousAndNextPostInItsCategoryAndToPostsSharingItsTags() {
		this.testPosts.add(nearby("nearby-oldest", "Nearby Lab", "2020-01-01T00:00:00Z", "Nearby Z"),
				nearby("nearby-middle", "Nearby Lab", "2020-02-01T00:00:00Z", "Nearby X", "Nearby Y"),
				nearby("nearby-newest", "Nearby Lab", "2020-03-01T00:00:00Z", "Nearby Z"),
				nearby("nearby-elsewhere-one-tag", "Nearby Elsewhere", "2020-05-01T00:00:00Z", "Nearby X"),
				nearby("nearby-elsewhere-two-tags", "Nearby Elsewhere", "2020-04-01T00:00:00Z", "Nearby X",
						"Nearby Y"),
				nearby("nearby-unrelated", "Nearby Elsewhere", "2020-06-01T00:00:00Z", "Nearby Z"));
		Document middle = page("/blog/nearby-lab/nearby-middle");
		assertThat(middle.select(".post-nav-previous").attr("href")).isEqualTo("/blog/nearby-lab/nearby-oldest");
		assertThat(middle.select(".post-nav-previous .post-nav-title").text()).isEqualTo("Title of nearby-oldest");
		assertThat(middle.select(".post-nav-next").attr("href")).isEqualTo("/blog/nearby-lab/nearby-newest");
		assertThat(middle.select(".post-nav").attr("aria-label")).isEqualTo("More in Nearby Lab");
		assertThat(middle.select(".related-posts a").eachAttr("href")).containsExactly(
				"/blog/nearby-elsewhere/nearby-elsewhere-two-tags", "/blog/nearby-elsewhere/nearby-elsewhere-one-tag");
		Document oldest = page("/blog/nearby-lab/nearby-oldest");
		assertThat(oldest.select(".post-nav-previous")).isEmpty();
		assertThat(oldest.select(".post-nav-next").attr("href")).isEqualTo("/blog/nearby-lab/nearby-middle");
		assertThat(oldest.select(".related-posts a").eachAttr("href"))
			.containsExactly("/blog/nearby-elsewhere/nearby-unrelated", "/blog/nearby-lab/nearby-newest");
		assertThat(page("/blog/nearby-lab/nearby-newest").select(".post-nav-next")).isEmpty();
	}

	@Test
	void aNeighbourThatIsRenamedTrashedOrPublishedChangesThePostPagesValidators() {
		this.testPosts.add(nearby("nearby-oldest", "Nearby Lab", "2020-01-01T00:00:00Z", "Nearby Z"),
				nearby("nearby-middle", "Nearby Lab", "2020-02-01T00:00:00Z", "Nearby X"),
				nearby("nearby-newest", "Nearby Lab", "2020-03-01T00:00:00Z", "Nearby Z"),
				nearby("nearby-elsewhere-one-tag", "Nearby Elsewhere", "2020-05-01T00:00:00Z", "Nearby X"));
		String path = "/blog/nearby-lab/nearby-middle";
		SiteClient client = new SiteClient(this.port);
		String original = client.get(path).header("ETag");

		this.testPosts.add(nearby("nearby-oldest", "Nearby Lab", "2020-01-01T00:00:00Z", "Nearby Z")
			.title("The Oldest, Renamed"));
		SiteClient.Response renamed = client.get(path, Map.of("If-None-Match", original));
		assertThat(renamed.status()).as("the previous post was renamed").isEqualTo(200);
		assertThat(renamed.html().select(".post-nav-previous .post-nav-title").text()).isEqualTo("The Oldest, Renamed");

		String beforeRelatedRename = renamed.header("ETag");
		this.testPosts.add(nearby("nearby-elsewhere-one-tag", "Nearby Elsewhere", "2020-05-01T00:00:00Z", "Nearby X")
			.title("Related, Renamed"));
		SiteClient.Response relatedRenamed = client.get(path, Map.of("If-None-Match", beforeRelatedRename));
		assertThat(relatedRenamed.status()).as("a related post was renamed").isEqualTo(200);
		assertThat(relatedRenamed.html().select(".related-posts a").eachText()).containsExactly("Related, Renamed");

		String beforeTrash = relatedRenamed.header("ETag");
		this.jdbc.sql("""
				update post set status = 'TRASHED', trashed_status = 'PUBLISHED', trashed_at = now(), trashed_by = 'test'
				where slug = 'nearby-newest'""")
			.update();
		SiteClient.Response trashed = client.get(path, Map.of("If-None-Match", beforeTrash));
		assertThat(trashed.status()).as("the next post was trashed").isEqualTo(200);
		assertThat(trashed.html().select(".post-nav-next")).isEmpty();

		String beforePublish = trashed.header("ETag");
		this.testPosts.add(nearby("nearby-unrelated", "Nearby Lab", "2020-02-15T00:00:00Z", "Nearby Z").title("A New Next"));
		SiteClient.Response published = client.get(path, Map.of("If-None-Match", beforePublish));
		assertThat(published.status()).as("a newer post was published").isEqualTo(200);
		assertThat(published.html().select(".post-nav-next .post-nav-title").text()).isEqualTo("A New Next");
		assertThat(client.get(path, Map.of("If-None-Match", published.header("ETag"))).status()).isEqualTo(304);
	}

	private static PostBuilder nearby(String slug, String category, String publishedAt, String... tags) {
		return PostBuilder.post()
			.slug(slug)
			.title("Title of " + slug)
			.category(category)
			.publishedAt(publishedAt)
			.author("Post Page Writer")
			.tags(tags);
	}

	@Test
	void anAggregatedPostShowsItsExcerptAndLeadsToTheOriginal() {
		Document page = page("/blog/engineering/kong-gateway-rate-limiting");
		assertThat(page.select("h1").text()).isEqualTo("Protecting Services With Kong Gateway Rate Limiting");
		assertThat(page.select(".post-aggregated").text()).startsWith("The Kong Gateway Rate Limiting plugin");
		assertThat(page.select(".post-source a").text()).isEqualTo("Read the full post on konghq.com");
		assertThat(page.select(".post-source a").attr("href"))
			.isEqualTo("https://konghq.com/blog/engineering/kong-gateway-rate-limiting");
	}

	@Test
	void scriptsInAnyFieldAreInert() {
		String payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
		this.testPosts.add(PostBuilder.post()
			.slug("hostile-post")
			.title("Hostile " + payload)
			.author("Post Page Writer")
			.tags("Hostile Tag")
			.excerpt("Excerpt " + payload)
			.imageAlt("Alt " + payload)
			.body("Body " + payload + "\n\n[link](javascript:alert(2))"));
		SiteClient client = new SiteClient(this.port);
		for (String path : List.of("/blog/engineering/hostile-post", "/blog/tag/hostile-tag",
				"/blog/author/post-page-writer")) {
			Document page = client.page(path);
			// the only scripts are the site's own, from its own folder (the theme toggle)
			assertThat(page.select("script:not([type=application/ld+json])")).as(path)
				.allSatisfy((script) -> assertThat(script.attr("src")).matches("/js/theme-[0-9a-f]{32}\\.js"));
			assertThat(page.select("script[type=application/ld+json]").html()).as(path).doesNotContain("<");
			assertThat(page.select("[onerror]")).as(path).isEmpty();
			assertThat(page.select("a[href^=javascript]")).as(path).isEmpty();
			assertThat(page.text()).as(path).contains("Hostile <script>alert('x')</script>");
		}
	}

}
