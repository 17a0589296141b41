package dev.blogroll.web;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every status-code rule of the reader's site, over real HTTP.
 */
@BlogrollTest
class StatusCodeTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("status-draft-post", "status-scheduled-post", "status-trashed-post"), List.of("empty-shelf"),
				List.of(), List.of());
	}

	private Response get(String path) {
		return new SiteClient(this.port).get(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/blog", "/blog/page/2", "/blog/engineering", "/blog/engineering/page/20",
			"/blog/tag/api-gateway", "/blog/author/marco-palladino",
			"/blog/engineering/getting-started-kuma-service-mesh" })
	void pagesThatExistAnswer200WithHtml(String path) {
		Response response = get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/html");
	}

	@ParameterizedTest
	@CsvSource({ "/blog/page/1, /blog", "/blog/engineering/page/1, /blog/engineering",
			"/blog/tag/api-gateway/page/1, /blog/tag/api-gateway",
			"/blog/author/marco-palladino/page/1, /blog/author/marco-palladino" })
	void pageOneRedirectsPermanentlyToTheListing(String path, String listing) {
		Response response = get(path);
		assertThat(response.status()).isEqualTo(301);
		assertThat(response.location()).isEqualTo(listing);
	}

	@ParameterizedTest
	@CsvSource({ "/blog/, /blog", "/blog/engineering/, /blog/engineering",
			"/blog/engineering/page/17/, /blog/engineering/page/17", "'/blog/engineering//', /blog/engineering",
			"'//evil.example/', /evil.example", "'/blog/?utm_source=x', '/blog?utm_source=x'" })
	void trailingSlashRedirectsPermanentlyToThePathWithoutIt(String path, String target) {
		Response response = get(path);
		assertThat(response.status()).isEqualTo(301);
		assertThat(response.location()).isEqualTo(target);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/blog/engineering/page/0", "/blog/engineering/page/-1", "/blog/engineering/page/21",
			"/blog/engineering/page/abc", "/blog/engineering/page/1e3", "/blog/engineering/page/017",
			"/blog/engineering/page/99999999999999999999", "/blog/page/0", "/blog/page/999",
			"/blog/tag/api-gateway/page/99", "/blog/author/marco-palladino/page/0" })
	void pagesOutsideTheListingAreNotFound(String path) {
		Response response = get(path);
		assertThat(response.status()).as(path).isEqualTo(404);
		assertThat(response.html().select("h1").text()).isEqualTo("We couldn't find that page");
		assertThat(response.html().select("nav[aria-label=Categories] a").eachText()).contains("Engineering");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/blog/no-such-category", "/blog/no-such-category/page/2", "/blog/tag/no-such-tag",
			"/blog/author/nobody-at-all", "/blog/engineering/no-such-post", "/blog/tag", "/blog/author",
			"/blog/page", "/no/such/thing", "/blog/engineering/page" })
	void unknownThingsAreNotFound(String path) {
		Response response = get(path);
		assertThat(response.status()).as(path).isEqualTo(404);
		assertThat(response.html().select("h1").text()).isEqualTo("We couldn't find that page");
	}

	@Test
	void aPostUnderAnotherCategoryRedirectsToItsOwnUrl() {
		Response response = get("/blog/news/getting-started-kuma-service-mesh");
		assertThat(response.status()).isEqualTo(301);
		assertThat(response.location()).isEqualTo("/blog/engineering/getting-started-kuma-service-mesh");
	}

	@Test
	void anEmptyCategoryShowsAFriendlyFirstPageAndNoSecondPage() {
		this.jdbc.sql("insert into category (slug, name, description) values ('empty-shelf', 'Empty Shelf', 'Nothing here')")
			.update();
		Response first = get("/blog/empty-shelf");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.html().select(".listing-empty").text()).isEqualTo("No posts yet. Check back soon!");
		assertThat(first.html().select("article.card")).isEmpty();
		assertThat(first.html().select("nav[aria-label=Pagination]")).isEmpty();
		assertThat(get("/blog/empty-shelf/page/2").status()).isEqualTo(404);
	}

	@Test
	void aTrashedPostIsGoneWithTheSitesOwnPage() {
		this.testPosts.add(PostBuilder.post().slug("status-trashed-post").title("Status trashed"));
		this.jdbc.sql("""
				update post set trashed_status = status, status = 'TRASHED', trashed_at = now()
				where slug = 'status-trashed-post'""").update();
		Response response = get("/blog/engineering/status-trashed-post");
		assertThat(response.status()).isEqualTo(410);
		assertThat(response.html().select("h1").text()).isEqualTo("This post has been removed");
		assertThat(response.html().select("meta[name=robots]").attr("content")).isEqualTo("noindex");
	}

	@Test
	void draftsAndScheduledPostsAreNotFound() {
		this.testPosts.add(PostBuilder.post().slug("status-draft-post").title("Status draft").status("draft"),
				PostBuilder.post().slug("status-scheduled-post").title("Status scheduled")
					.publishedAt("2099-12-31T12:00:00Z"));
		assertThat(get("/blog/engineering/status-draft-post").status()).isEqualTo(404);
		assertThat(get("/blog/engineering/status-scheduled-post").status()).isEqualTo(404);
	}

}
