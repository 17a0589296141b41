package dev.blogroll.listing;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * Listings by category, tag and author, walked page by page as a reader would.
 */
@BlogrollTest
class ListingTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("tie-one", "tie-two", "tie-three", "tie-four"), List.of("tie-break"),
				List.of("tie-tag"), List.of("tie-writer"));
	}

	@Test
	void editingACategoryChangesEveryPagesValidatorsAndMovesItsLastModified() {
		SiteClient client = new SiteClient(this.port);
		String path = "/blog/engineering/getting-started-kuma-service-mesh";
		SiteClient.Response before = client.get(path);
		String description = this.jdbc.sql("select description from category where slug = 'culture'")
			.query(String.class)
			.single();
		try {
			this.jdbc.sql("update category set name = 'Culture, Renamed' where slug = 'culture'").update();
			Instant edited = this.jdbc.sql("select updated_at from category where slug = 'culture'")
				.query(Instant.class)
				.single();
			SiteClient.Response after = client.get(path, Map.of("If-None-Match", before.header("ETag")));
			assertThat(after.status()).as("the navigation shows the new name").isEqualTo(200);
			assertThat(after.html().select(".site-nav a").eachText()).contains("Culture, Renamed");
			assertThat(ZonedDateTime.parse(after.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
				.as("Last-Modified covers the category's change, so If-Modified-Since sees it too")
				.isEqualTo(edited.truncatedTo(ChronoUnit.SECONDS));
		}
		finally {
			this.jdbc.sql("update category set name = 'Culture', description = :description where slug = 'culture'")
				.param("description", description)
				.update();
		}
	}

	@Test
	void walkingEveryEngineeringPageShowsEachPublishedPostOnceNewestFirst() {
		List<String> walked = walk("/blog/engineering");
		assertThat(walked).hasSize(300).doesNotHaveDuplicates();
		List<String> newestFirst = this.jdbc.sql("""
				select '/blog/engineering/' || p.slug from post p join category c on c.id = p.category_id
				where c.slug = 'engineering' and p.status = 'PUBLISHED' and p.published_at <= now()
				order by p.published_at desc, p.id desc""").query(String.class).list();
		assertThat(walked).isEqualTo(newestFirst);
	}

	@Test
	void tagListingsShowOnlyTheirPostsAndTheirLinksKeepTheTag() {
		List<String> walked = walk("/blog/tag/service-mesh");
		List<String> tagged = this.jdbc.sql("""
				select c.slug || '/' || p.slug from post p
				join category c on c.id = p.category_id
				join post_tag pt on pt.post_id = p.id join tag t on t.id = pt.tag_id
				where t.slug = 'service-mesh' and p.status = 'PUBLISHED' and p.published_at <= now()
				order by p.published_at desc, p.id desc""").query(String.class).list();
		assertThat(tagged).hasSizeGreaterThan(15);
		assertThat(walked).isEqualTo(tagged.stream().map((path) -> "/blog/" + path).toList());
	}

	@Test
	void authorListingsShowTheirPostsUnderTheAuthorsName() {
		Document page = new SiteClient(this.port).page("/blog/author/marco-palladino");
		assertThat(page.select("h1").text()).isEqualTo("Marco Palladino");
		assertThat(page.select("article.card .card-author a").eachText()).isNotEmpty()
			.allSatisfy((name) -> assertThat(name).isEqualTo("Marco Palladino"));
	}

	@Test
	void postsPublishedAtTheSameInstantAreOrderedByIdAndNeverRepeated() {
		String instant = "2019-06-01T12:00:00Z";
		this.testPosts.add(post("tie-one", instant), post("tie-two", instant), post("tie-three", instant),
				post("tie-four", "2019-06-02T12:00:00Z"));
		List<String> byId = this.jdbc
			.sql("select slug from post where slug like 'tie-%' order by published_at desc, id desc")
			.query(String.class)
			.list();
		List<String> shown = new SiteClient(this.port).page("/blog/tag/tie-tag")
			.select("article.card .card-title a")
			.eachAttr("href")
			.stream()
			.map((href) -> href.substring(href.lastIndexOf('/') + 1))
			.toList();
		assertThat(shown).isEqualTo(byId).startsWith("tie-four").doesNotHaveDuplicates().hasSize(4);
	}

	private static PostBuilder post(String slug, String publishedAt) {
		return PostBuilder.post()
			.slug(slug)
			.title("Tie " + slug)
			.category("Tie Break")
			.tags("Tie Tag")
			.author("Tie Writer")
			.publishedAt(publishedAt);
	}

	/** Follows "Next›" from the first page to the last, collecting the card links in order. */
	private List<String> walk(String listing) {
		SiteClient client = new SiteClient(this.port);
		List<String> posts = new ArrayList<>();
		Set<String> visited = new LinkedHashSet<>();
		String next = listing;
		while (next != null && visited.add(next)) {
			Document page = client.page(next);
			posts.addAll(page.select("article.card .card-title a").eachAttr("href"));
			for (Element link : page.select("nav[aria-label=Pagination] a")) {
				assertThat(link.attr("href")).as("page links keep the listing").startsWith(listing);
			}
			Element nextLink = page.selectFirst("nav[aria-label=Pagination] a[rel=next]");
			next = (nextLink != null) ? nextLink.attr("href") : null;
		}
		return posts;
	}

}
