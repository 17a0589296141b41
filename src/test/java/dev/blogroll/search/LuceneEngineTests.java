package dev.blogroll.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.blogroll.BlogrollApplication;
import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.PostFormFields;
import dev.blogroll.RawHttp;
import dev.blogroll.SiteClient;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Lucene engine as a site runs it: a second Blogroll started with
 * {@code blogroll.search.engine=lucene} on the shared test database, beside the suite's own
 * instance, which searches with PostgreSQL. Its index is built from the database once the site
 * serves; after that its {@code /search} pages, fetched over HTTP as a browser and as curl would,
 * show what the PostgreSQL instance shows for the same query, and an editor's post published on
 * the other instance is found on the next search.
 */
@BlogrollTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneEngineTests {

	private static final SearchFixture FIXTURE = new SearchFixture("Lucene Http Writer", "Lucene Http Tag");

	@TempDir
	static Path index;

	@LocalServerPort
	private int postgresqlPort;

	@Autowired
	private Environment environment;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	private ConfigurableApplicationContext lucene;

	private int lucenePort;

	@BeforeAll
	void startASecondInstanceSearchingWithLucene() throws Exception {
		List<PostBuilder> posts = new ArrayList<>();
		// "sprocketmoss" in titles, summaries and bodies, once or often, over the years: a ranking to compare
		for (int i = 1; i <= 20; i++) {
			posts.add(post("lucene-http-" + i, ((i % 4 == 0) ? "Sprocketmoss Field Notes " : "Field Notes ") + i,
					"%d-%02d-03T10:00:00Z".formatted(2012 + i % 13, 1 + (i * 5) % 12))
				.body(((i % 3 == 0) ? "The sprocketmoss relay holds. " : "A relay, then sprocketmoss. ")
						+ "sprocketmoss ".repeat(1 + (i * 7) % 5) + "filler ".repeat(1 + (i * 13) % 30)));
		}
		this.testPosts.add(posts.toArray(PostBuilder[]::new));
		Files.createDirectories(index);
		// command-line arguments, so they win over application.properties; BlogrollTest's settings beside them
		this.lucene = new SpringApplicationBuilder(BlogrollApplication.class).run("--server.port=0",
				"--management.server.port=0",
				"--spring.datasource.url=" + this.environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + this.environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password", ""),
				"--blogroll.demo-data=false", "--blogroll.site-url=https://blogroll.example",
				"--blogroll.ingest.scheduler-enabled=false", "--blogroll.housekeeping-interval=365d",
				"--blogroll.search.engine=lucene", "--blogroll.search.index=" + index.resolve("site"));
		this.lucenePort = ((WebServerApplicationContext) this.lucene).getWebServer().getPort();
		LuceneSearch search = this.lucene.getBean(LuceneSearch.class);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!search.isReady() && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(search.isReady()).as("the index built from the database within a minute").isTrue();
	}

	@AfterAll
	void stopTheSecondInstance() {
		if (this.lucene != null) {
			this.lucene.close();
		}
		this.jdbc.sql("delete from post where slug like 'lucene-http-%'").update();
		this.testPosts.remove(FIXTURE.slugs(), List.of(), List.of("lucene-http-tag"), List.of("lucene-http-writer"));
	}

	private static PostBuilder post(String slug, String title, String publishedAt) {
		return FIXTURE.post(slug, title, publishedAt);
	}

	@Test
	void theSiteSearchingWithLuceneAnswersWhatThePostgresqlSiteAnswers() {
		assertThat(this.lucene.getBean(SearchEngine.class)).isInstanceOf(LuceneSearch.class);
		for (String query : List.of("sprocketmoss", "\"sprocketmoss relay\"", "sprocketmoss -holds",
				"sprocketmoss notes", "kong gateway", "\"service mesh\"")) {
			// the engines rank differently (BM25 against ts_rank_cd): the same posts, on every page
			assertThat(everyResult(this.lucenePort, query)).as(query)
				.isNotEmpty()
				.containsExactlyInAnyOrderElementsOf(everyResult(this.postgresqlPort, query));
			assertThat(search(this.lucenePort, query).select(".listing-description").text()).as(query)
				.isEqualTo(search(this.postgresqlPort, query).select(".listing-description").text());
		}
		// the order within a page is BM25's, covered by LuceneSearchTests; here: 15 a page, the best of all 20
		assertThat(resultPaths(search(this.lucenePort, "sprocketmoss"))).hasSize(15);
	}

	@Test
	void theSnippetsOnTheLuceneSitesPagesMarkAPhraseOnlyWhereItsWordsAreInARow() {
		// "The sprocketmoss relay holds. sprocketmoss sprocketmoss …": the phrase is one mark, the
		// word alone further on is none
		Document phrase = search(this.lucenePort, "\"sprocketmoss relay\"");
		assertThat(phrase.select(".search-results .card")).isNotEmpty()
			.allSatisfy((card) -> assertThat(card.select(".card-snippet mark").eachText()).contains("sprocketmoss relay")
				.allMatch("sprocketmoss relay"::equals));
	}

	@Test
	void everyClientGetsTheResultsPageAndBadInputIsAnsweredInWords() {
		for (String accept : List.of("*/*", "text/html", "application/json")) {
			RawHttp.Response response = RawHttp.get(this.lucenePort, "/search?q=sprocketmoss", "Accept: " + accept);
			assertThat(response.status()).as(accept).isEqualTo(200);
			assertThat(response.contentType()).as(accept).startsWith("text/html");
			assertThat(response.html().select(".search-results .card")).as(accept).hasSize(15);
		}
		RawHttp.Response crawler = RawHttp.get(this.lucenePort, "/search?q=sprocketmoss&page=2");
		assertThat(crawler.status()).isEqualTo(200);
		assertThat(crawler.html().select(".search-results .card")).hasSize(5);
		assertThat(RawHttp.get(this.lucenePort, "/search?q=sprocketmoss&page=3", "Accept: */*").status()).isEqualTo(404);
		// a query nobody meant: ten thousand characters of operators, quotes and words
		String hostile = "\"a OR -\" ".repeat(1_250);
		RawHttp.Response answered = RawHttp.get(this.lucenePort,
				"/search?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8), "Accept: */*");
		assertThat(answered.status()).isIn(200, 400, 414);
		assertThat(answered.contentType()).startsWith("text/html");
		assertThat(answered.body()).doesNotContain("Exception", "at dev.");
	}

	@Test
	void aPostAnEditorPublishesOnTheOtherInstanceIsFoundOnTheNextSearch() throws Exception {
		assertThat(search(this.lucenePort, "quillgrommet").select(".search-results .card")).isEmpty();
		String engineering = this.jdbc.sql("select id from category where slug = 'engineering'")
			.query(String.class)
			.single();
		String author = this.jdbc.sql("select id from author where slug = 'marco-palladino'").query(String.class).single();
		this.mvc
			.perform(PostFormFields.post("/admin/posts/new", "alice",
					PostFormFields.with(PostFormFields.draft(engineering, author), "title", "Quillgrommet Arrives",
							"slug", "lucene-http-published", "status", "PUBLISHED", "publishedAt", "2024-05-01T09:00",
							"body", "The quillgrommet, described.")))
			.andExpect(status().isFound());

		assertThat(resultPaths(search(this.lucenePort, "quillgrommet")))
			.containsExactly("/blog/engineering/lucene-http-published");
	}

	private static Document search(int port, String query) {
		SiteClient.Response response = new SiteClient(port)
			.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
		assertThat(response.status()).as("%s on port %d", query, port).isEqualTo(200);
		return response.html();
	}

	/** The results of every page of a search, following its "next" links as a crawler would. */
	private static List<String> everyResult(int port, String query) {
		List<String> paths = new ArrayList<>();
		String next = "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
		for (int page = 1; next != null && page <= 20; page++) {
			SiteClient.Response response = new SiteClient(port).get(next);
			assertThat(response.status()).as("%s on port %d", next, port).isEqualTo(200);
			Document html = response.html();
			paths.addAll(resultPaths(html));
			String href = html.select(".pagination a[rel=next]").attr("href");
			next = href.isEmpty() ? null : href;
		}
		return paths;
	}

	private static List<String> resultPaths(Document page) {
		return page.select(".search-results .card-title a").eachAttr("href");
	}

}
