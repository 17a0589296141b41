package dev.blogroll.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validators, conditional requests, {@code Cache-Control} and compression, over real HTTP.
 */
@BlogrollTest
class HttpCachingTests {

	private static final String PAGE_17 = "/blog/engineering/page/17";

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("caching-newest-post"), List.of(), List.of(), List.of());
	}

	private SiteClient client() {
		return new SiteClient(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/blog", "/blog/page/2", PAGE_17, "/blog/tag/api-gateway",
			"/blog/author/marco-palladino", "/blog/engineering/getting-started-kuma-service-mesh" })
	void pagesCarryValidatorsAndAnswer304WhenTheClientHasThem(String path) {
		Response first = client().get(path);
		assertThat(first.status()).isEqualTo(200);
		String etag = first.header("ETag");
		String lastModified = first.header("Last-Modified");
		assertThat(etag).as(path).startsWith("W/\"");
		assertThat(lastModified).as(path).isNotNull();
		assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60, stale-while-revalidate=600");

		Response byEtag = client().get(path, Map.of("If-None-Match", etag));
		assertThat(byEtag.status()).as(path).isEqualTo(304);
		assertThat(byEtag.body()).isEmpty();
		assertThat(byEtag.header("ETag")).isEqualTo(etag);
		Response byDate = client().get(path, Map.of("If-Modified-Since", lastModified));
		assertThat(byDate.status()).as(path).isEqualTo(304);
		Response otherEtag = client().get(path, Map.of("If-None-Match", "W/\"something-else\""));
		assertThat(otherEtag.status()).isEqualTo(200);
	}

	/**
	 * A new post, scheduled a minute ahead, comes due and shifts page 17. HTTP dates have whole
	 * seconds, so the clock moves two minutes on: a client holding only the date of the page
	 * before also sees the change (with the ETag it sees every change, as asserted first).
	 */
	@Test
	void aNewPostThatShiftsPage17ChangesItsValidators() {
		this.testPosts.add(PostBuilder.post()
			.slug("caching-newest-post")
			.title("The Newest Post Of All")
			.publishedAt(this.clock.instant().plus(Duration.ofMinutes(1))));
		Response before = client().get(PAGE_17);
		this.clock.advance(Duration.ofMinutes(2));
		Response after = client().get(PAGE_17);
		assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
		assertThat(client().get(PAGE_17, Map.of("If-None-Match", before.header("ETag"))).status()).isEqualTo(200);
		assertThat(client().get(PAGE_17, Map.of("If-Modified-Since", before.header("Last-Modified"))).status())
			.as("a client that only knows the date also sees the change")
			.isEqualTo(200);
	}

	@Test
	void anEditOfAPostOnPage3ChangesPage3ButNotPage17() {
		Map<String, Object> onPage3 = this.jdbc.sql("""
				select p.id, p.title from post p join category c on c.id = p.category_id
				where c.slug = 'engineering' and p.status = 'PUBLISHED' and p.published_at <= now()
				order by p.published_at desc, p.id desc offset 30 limit 1""").query().singleRow();
		Response page3Before = client().get("/blog/engineering/page/3");
		Response page17Before = client().get(PAGE_17);
		try {
			this.jdbc.sql("update post set title = 'Edited For Caching', updated_at = now(), version = version + 1 where id = :id")
				.param("id", onPage3.get("id"))
				.update();
			Response page3After = client().get("/blog/engineering/page/3");
			assertThat(page3After.html().select(".card-title").eachText()).contains("Edited For Caching");
			assertThat(page3After.header("ETag")).isNotEqualTo(page3Before.header("ETag"));
			assertThat(client().get(PAGE_17, Map.of("If-None-Match", page17Before.header("ETag"))).status())
				.isEqualTo(304);
			assertThat(client().get(PAGE_17, Map.of("If-Modified-Since", page17Before.header("Last-Modified")))
				.status()).isEqualTo(304);
		}
		finally {
			this.jdbc.sql("update post set title = :title where id = :id")
				.param("title", onPage3.get("title"))
				.param("id", onPage3.get("id"))
				.update();
		}
	}

	@Test
	void anEditOfAPostChangesItsPageValidators() {
		String path = "/blog/engineering/getting-started-kuma-service-mesh";
		Response before = client().get(path);
		this.jdbc.sql("update post set updated_at = now(), version = version + 1 where slug = 'getting-started-kuma-service-mesh'")
			.update();
		assertThat(client().get(path, Map.of("If-None-Match", before.header("ETag"))).status()).isEqualTo(200);
	}

	@Test
	void junkQueryParametersDoNotChangeTheValidators() {
		assertThat(client().get(PAGE_17 + "?utm_source=x&page=3").header("ETag"))
			.isEqualTo(client().get(PAGE_17).header("ETag"));
	}

	@Test
	void notFoundPagesCarryNoValidators() {
		Response notFound = client().get("/blog/no-such-category");
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.header("ETag")).isNull();
	}

	@Test
	void adminPagesAreNeverStored() {
		Response admin = client().get("/admin/posts");
		assertThat(admin.header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(client().get("/admin").header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(client().get("/blog").header("Cache-Control")).startsWith("public");
		assertThat(client().get("/administrivia").header("Cache-Control")).as("a missing page")
			.isEqualTo("private, no-store");
	}

	@Test
	void pagesAreGzippedWhenTheClientAcceptsIt() {
		Response gzipped = client().get(PAGE_17, Map.of("Accept-Encoding", "gzip"));
		assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(gzipped.html().select("h1").text()).isEqualTo("Engineering");
		assertThat(client().get(PAGE_17).header("Content-Encoding")).isNull();
	}

}
