package dev.blogroll.search;

import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;
import dev.blogroll.TestPosts;
import dev.blogroll.listing.Pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Searching the site over real HTTP, with invented words so that only these fixtures match.
 */
@BlogrollTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTests {

	private static final SearchFixture FIXTURE = new SearchFixture("Search Writer", "Search Other Tag");

	/** Any script but the site's own theme script (under its content-hashed URL). */
	private static final String INJECTED_SCRIPT = "script:not([src~=^/js/theme-[0-9a-f]{32}\\.js$])";

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Clock clock;

	@Autowired
	private BlogrollProperties properties;

	@Autowired
	private dev.blogroll.web.SiteLocale siteLocale;

	@BeforeAll
	void addPosts() {
		List<PostBuilder> posts = new ArrayList<>(List.of(
				post("zephyr-in-title", "Scaling Zephyrine Gateways", "2021-01-01T00:00:00Z")
					.body("How we grew the fleet without drama."),
				post("zephyr-in-body", "A Quiet Week In Operations", "2024-01-01T00:00:00Z")
					.body("On Tuesday the zephyrine cluster paged us twice."),
				post("zephyr-older-twin", "Zephyrine Twins", "2019-01-01T00:00:00Z").body("Same words."),
				post("zephyr-newer-twin", "Zephyrine Twins", "2019-06-01T00:00:00Z").body("Same words."),
				post("phrase-exact", "Notes on Quillwort", "2022-01-01T00:00:00Z")
					.body("The velvet quillwort protocol is our favourite."),
				post("phrase-apart", "More Quillwort", "2022-02-01T00:00:00Z")
					.body("Quillwort is not velvet at all, but it is fast."),
				post("excluded-helm", "Quillwort With Helm", "2022-03-01T00:00:00Z").body("Charts for helm."),
				post("or-left", "Marlinspike Basics", "2022-04-01T00:00:00Z").body("Ropes."),
				post("or-right", "Fernbrake Basics", "2022-05-01T00:00:00Z").body("Brakes."),
				post("hostile-search", "Hostile Snippet", "2022-06-01T00:00:00Z")
					.body("Before <script>alert('x')</script> the grimbleweed <img src=x onerror=alert(1)> after"),
				post("filter-other-category", "Filterfowl In Culture", "2022-07-01T00:00:00Z")
					.category("Search Lab")
					.tags("Search Fixture Tag")
					.body("Filterfowl everywhere."),
				post("filter-engineering", "Filterfowl In Engineering", "2022-08-01T00:00:00Z")
					.body("Filterfowl here too."),
				post("hidden-draft", "Zephyrine Draft", "2022-09-01T00:00:00Z").status("draft"),
				post("hidden-scheduled", "Zephyrine Scheduled", Instant.now().plus(30, ChronoUnit.DAYS).toString())));
		IntStream.rangeClosed(1, 17)
			.mapToObj((i) -> post("paged-" + i, "Pagewidget Story " + i, "2023-01-%02dT00:00:00Z".formatted(i)))
			.forEach(posts::add);
		// 36 posts over twelve years that match "quorvex" in different ways (title, summary, body,
		// once or often, some with the phrase "quorvex lattice"), for comparing with an exhaustive ranking
		for (int i = 1; i <= 36; i++) {
			String words = "quorvex ".repeat(1 + (i * 7) % 5);
			String body = ((i % 3 == 0) ? "The quorvex lattice holds. " : "A lattice, then quorvex. ") + words
					+ ((i % 3 == 1) ? "filler ".repeat(1 + (i * 13) % 40) : "");
			posts.add(post("quorvex-" + i, ((i % 4 == 0) ? "Quorvex Notes " : "Field Notes ") + i,
					"%d-%02d-%02dT%02d:00:00Z".formatted(2014 + i % 12, 1 + (i * 5) % 12, 1 + (i * 11) % 28, i % 24))
				.category((i % 2 == 0) ? "Search Lab" : "Engineering")
				.tags((i % 3 == 0) ? "Search Fixture Tag" : "Search Other Tag")
				.excerpt((i % 5 == 0) ? "Why quorvex matters." : null)
				.body(body));
		}
		this.testPosts.add(posts.toArray(PostBuilder[]::new));
	}

	private static PostBuilder post(String slug, String title, String publishedAt) {
		return FIXTURE.post(slug, title, publishedAt);
	}

	@AfterAll
	void removePosts() {
		this.testPosts.remove(FIXTURE.slugs(), List.of("search-lab"), List.of("search-fixture-tag", "search-other-tag"),
				List.of("search-writer"));
	}

	private Document search(String query) {
		Response response = new SiteClient(this.port)
			.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
		assertThat(response.status()).as("status for a query of %d characters", query.length()).isEqualTo(200);
		return response.html();
	}

	private static List<String> resultPaths(Document page) {
		return page.select(".search-results .card-title a").eachAttr("href");
	}

	@Test
	void stemmedMatchesInTheTitleRankAboveMatchesInTheBodyAndTiesGoToTheNewer() {
		Document page = search("zephyrine gateway");
		assertThat(resultPaths(page)).containsExactly("/blog/engineering/zephyr-in-title");
		List<String> paths = resultPaths(search("zephyrine"));
		assertThat(paths).hasSize(4).endsWith("/blog/engineering/zephyr-in-body");
		assertThat(paths.indexOf("/blog/engineering/zephyr-newer-twin"))
			.isLessThan(paths.indexOf("/blog/engineering/zephyr-older-twin"));
	}

	@Test
	void draftsAndScheduledPostsAreNotFound() {
		assertThat(resultPaths(search("zephyrine"))).noneMatch((path) -> path.contains("hidden"));
	}

	@Test
	void eachResultShowsItsCardWithTheMatchHighlighted() {
		Document page = search("zephyrine");
		assertThat(page.select(".search-results .card")).hasSize(4);
		assertThat(page.select(".search-results .card").last().select(".card-snippet").html())
			.contains("the <mark>zephyrine</mark> cluster paged us");
		assertThat(page.select("h1").text()).isEqualTo("Results for zephyrine");
		assertThat(page.select(".listing-description").text()).startsWith("4 posts found");
	}

	@Test
	void markupInAPostIsShownAsTextInItsSnippet() {
		Document page = search("grimbleweed alert");
		assertThat(resultPaths(page)).containsExactly("/blog/engineering/hostile-search");
		assertThat(page.select(INJECTED_SCRIPT)).isEmpty();
		assertThat(page.select("img")).isEmpty();
		assertThat(page.select("[onerror]")).isEmpty();
		assertThat(page.select(".card-snippet mark").eachText()).contains("grimbleweed", "alert");
		// PostgreSQL's headline drops <script> tags itself; what is left is shown as text
		assertThat(page.select(".card-snippet").text()).contains("<img src=x onerror=alert(1)>");
	}

	@Test
	void quotedPhrasesExcludedWordsAndOrWork() {
		assertThat(resultPaths(search("\"velvet quillwort\""))).containsExactly("/blog/engineering/phrase-exact");
		assertThat(resultPaths(search("quillwort -helm"))).containsExactlyInAnyOrder(
				"/blog/engineering/phrase-exact", "/blog/engineering/phrase-apart");
		assertThat(resultPaths(search("marlinspike OR fernbrake"))).containsExactly(
				"/blog/engineering/or-right", "/blog/engineering/or-left");
	}

	@Test
	void resultsAreNarrowedByCategoryAndTag() {
		SiteClient client = new SiteClient(this.port);
		assertThat(resultPaths(search("filterfowl"))).hasSize(2);
		assertThat(resultPaths(client.page("/search?q=filterfowl&category=engineering")))
			.containsExactly("/blog/engineering/filter-engineering");
		assertThat(resultPaths(client.page("/search?q=filterfowl&tag=search-fixture-tag")))
			.containsExactly("/blog/search-lab/filter-other-category");
		Document narrowed = client.page("/search?q=filterfowl&category=search-lab&tag=search-fixture-tag");
		assertThat(resultPaths(narrowed)).containsExactly("/blog/search-lab/filter-other-category");
		assertThat(narrowed.select("#search-category option[selected]").attr("value")).isEqualTo("search-lab");
		assertThat(narrowed.select("#search-tag option[selected]").attr("value")).isEqualTo("search-fixture-tag");
		assertThat(client.page("/search?q=filterfowl&category=&tag=").select(".search-results .card")).hasSize(2);
		assertThat(client.get("/search?q=filterfowl&category=no-such-category").status()).isEqualTo(404);
		assertThat(client.get("/search?q=filterfowl&tag=no-such-tag").status()).isEqualTo(404);
	}

	@Test
	void theFilterListsEveryTagByNameWithItsNameEscapedAndTheChosenOneSelected() {
		this.jdbc.sql("insert into tag (slug, name) values ('search-markup-tag', :name)")
			.param("name", "<b>Bold</b> & \"quoted\" 'tag'")
			.update();
		try {
			SiteClient client = new SiteClient(this.port);
			Document page = client.page("/search?q=filterfowl&tag=search-markup-tag");
			List<String> names = this.jdbc.sql("select name from tag order by name").query(String.class).list();
			assertThat(page.select("#search-tag option:not([value=''])").eachText()).containsExactlyElementsOf(names);
			assertThat(page.select("#search-tag b")).isEmpty();
			assertThat(page.select("#search-tag option[selected]")).singleElement()
				.satisfies((option) -> assertThat(option.attr("value")).isEqualTo("search-markup-tag"))
				.satisfies((option) -> assertThat(option.text()).isEqualTo("<b>Bold</b> & \"quoted\" 'tag'"));
			assertThat(client.page("/search?q=filterfowl").select("#search-category option[selected], #search-tag option[selected]"))
				.isEmpty();
		}
		finally {
			this.jdbc.sql("delete from tag where slug = 'search-markup-tag'").update();
		}
	}

	@Test
	void resultsArePagedWithLinksThatKeepTheQueryAndFilters() {
		SiteClient client = new SiteClient(this.port);
		Document first = client.page("/search?q=pagewidget&category=engineering");
		assertThat(first.select(".search-results .card")).hasSize(15);
		assertThat(first.select(".pagination").first().select("a").eachAttr("href"))
			.containsExactly("/search?q=pagewidget&category=engineering&page=2",
					"/search?q=pagewidget&category=engineering&page=2");
		Document second = client.page("/search?q=pagewidget&category=engineering&page=2");
		assertThat(second.select(".search-results .card")).hasSize(2);
		assertThat(second.select(".pagination a.page-prev").attr("href"))
			.isEqualTo("/search?q=pagewidget&category=engineering");
		assertThat(second.title()).startsWith("Search results for “pagewidget” – Page 2 of 2");
		List<String> all = new ArrayList<>(resultPaths(first));
		all.addAll(resultPaths(second));
		assertThat(all).hasSize(17).doesNotHaveDuplicates();
	}

	@Test
	void whenMoreMatchThanTheBoundOnlyTheNewestMatchesAreRanked() {
		SearchQueries bounded = new SearchQueries(this.jdbc, this.clock, this.properties, 3);
		Hits hits = bounded.search(SearchTerms.of("pagewidget"), null, null, 1, 15);
		assertThat(hits.more()).isTrue();
		assertThat(hits.total()).isEqualTo(3);
		assertThat(hits.results()).extracting((result) -> result.card().path())
			.containsExactly("/blog/engineering/paged-17", "/blog/engineering/paged-16", "/blog/engineering/paged-15");
		Hits few = bounded.search(SearchTerms.of("quillwort"), null, null, 1, 15);
		assertThat(few.more()).isFalse();
		assertThat(few.total()).isEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "quorvex", "\"quorvex lattice\"", "quorvex -filler", "quorvex OR pagewidget",
			"lattice notes" })
	void underTheBoundEveryPageIsWhatRankingEveryMatchGives(String query) {
		// bounds just above the matches: the matches are found in several slices of dates, cut
		// from every post's counts, the category's (by day) or the tag's (by month)
		FilterOption lab = filter("category", "search-lab");
		FilterOption tag = filter("tag", "search-fixture-tag");
		FilterOption[][] filters = { { null, null }, { lab, null }, { null, tag }, { lab, tag } };
		for (FilterOption[] filter : filters) {
			FilterOption category = filter[0];
			long matches = exhaustive(query, category, filter[1], Integer.MAX_VALUE, 0).size();
			assertThat(matches).as("matches of %s", query).isBetween(1L, 60L);
			SearchQueries queries = new SearchQueries(this.jdbc, this.clock, this.properties, (int) matches);
			for (int page = 1; page <= 3; page++) {
				Hits hits = queries.search(SearchTerms.of(query), category, filter[1], page, 15);
				assertThat(hits.more()).isFalse();
				assertThat(hits.total()).isEqualTo(matches);
				assertThat(hits.results()).extracting((result) -> result.card().path().replaceAll(".*/", ""))
					.as("page %d of %s in %s, %s", page, query, category, filter[1])
					.containsExactlyElementsOf(exhaustive(query, category, filter[1], 15, (page - 1) * 15));
			}
		}
	}

	@Test
	void overTheBoundThePageIsTheRankingOfTheNewestMatchesAndSaysSo() {
		SearchQueries bounded = new SearchQueries(this.jdbc, this.clock, this.properties, 10);
		Hits hits = bounded.search(SearchTerms.of("quorvex"), null, null, 1, 15);
		assertThat(hits.more()).isTrue();
		assertThat(hits.total()).isEqualTo(10);
		List<String> newest = this.jdbc.sql("""
				select p.slug from post p
				where p.search_vector @@ websearch_to_tsquery('english', 'quorvex')
				  and p.status = 'PUBLISHED' and p.published_at <= :now
				order by p.published_at desc, p.id desc limit 10""")
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.query(String.class)
			.list();
		List<String> ranked = this.jdbc.sql("""
				select p.slug from post p
				where p.slug in (:newest)
				order by ts_rank_cd(p.search_vector, websearch_to_tsquery('english', 'quorvex'), 1) desc,
				         p.published_at desc, p.id desc""")
			.param("newest", newest)
			.query(String.class)
			.list();
		assertThat(hits.results()).extracting((result) -> result.card().path().replaceAll(".*/", ""))
			.containsExactlyElementsOf(ranked);
		SearchPage page = new SearchPage("quorvex", false, null, null, List.of(), List.of(), hits.results(),
				hits.total(), hits.more(), false, false, 10, Pagination.withPageParameter("/search?q=quorvex", 1, 1));
		assertThat(page.summary(this.siteLocale)).isEqualTo("More than 10 posts match; these are the best of the newest 10.");
		assertThat(search("quorvex").select(".listing-description").text()).isEqualTo("36 posts found, best matches first.");
	}

	private FilterOption filter(String kind, String slug) {
		return this.jdbc.sql("select id from " + kind + " where slug = :slug")
			.param("slug", slug)
			.query((rs, row) -> new FilterOption(rs.getLong("id"), slug, slug))
			.single();
	}

	/** The slugs of one page of the ranking of every visible match, with no bound. */
	private List<String> exhaustive(String query, FilterOption category, FilterOption tag, int limit, int offset) {
		return this.jdbc.sql("""
				select p.slug from post p
				where p.search_vector @@ websearch_to_tsquery('english', :q)
				  and p.status = 'PUBLISHED' and p.published_at <= :now and (:category = 0 or p.category_id = :category)
				  and (:tag = 0 or exists (select from post_tag pt where pt.post_id = p.id and pt.tag_id = :tag))
				order by ts_rank_cd(p.search_vector, websearch_to_tsquery('english', :q), 1) desc,
				         p.published_at desc, p.id desc
				limit :limit offset :offset""")
			.param("q", query)
			.param("category", (category != null) ? category.id() : 0)
			.param("tag", (tag != null) ? tag.id() : 0)
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("limit", limit)
			.param("offset", offset)
			.query(String.class)
			.list();
	}

	@Test
	void aSearchThatPostgresqlCancelsGivesNoResultsInsteadOfAnError() {
		DataSource cancelling = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					if (method.getName().equals("getConnection")) {
						throw new SQLException("canceling statement due to statement timeout", "57014");
					}
					throw new UnsupportedOperationException(method.getName());
				});
		SearchQueries queries = new SearchQueries(JdbcClient.create(cancelling), this.clock, this.properties, 10);
		Hits hits = queries.search(SearchTerms.of("zephyrine"), null, null, 1, 15);
		assertThat(hits.timedOut()).isTrue();
		assertThat(hits.results()).isEmpty();
		DataSource failing = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					throw new SQLException("connection refused", "08001");
				});
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(
				() -> new SearchQueries(JdbcClient.create(failing), this.clock, this.properties, 10)
					.search(SearchTerms.of("zephyrine"), null, null, 1, 15));
	}

	@Test
	void pageNumbersFollowTheListingRules() {
		SiteClient client = new SiteClient(this.port);
		Response one = client.get("/search?q=kong+gateway&page=1");
		assertThat(one.status()).isEqualTo(301);
		assertThat(one.location()).isEqualTo("/search?q=kong+gateway");
		for (String page : List.of("0", "-1", "abc", "", "2.0", "99", "1000000000")) {
			assertThat(client.get("/search?q=pagewidget&page=" + page).status()).as("page=" + page).isEqualTo(404);
		}
		assertThat(client.get("/search?q=nothingmatchesthis&page=2").status()).isEqualTo(404);
		assertThat(client.get("/search?page=2").status()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "!!! ??? ...", "the", "-zephyrine", "\"", "OR", "Привет мир", "東京 検索",
			"مرحبا", "<script>alert(1)</script>", "' or 1=1; --", "a:b & c | !d <-> e" })
	void oddQueriesGiveANormalPage(String query) {
		Document page = search(query);
		assertThat(page.select("main h1")).hasSize(1);
		assertThat(page.select(INJECTED_SCRIPT)).isEmpty();
	}

	@Test
	void aLongQueryGivesANormalPageAndAnAbsurdOneTheSitesOwn414() {
		assertThat(search("zephyrine ".repeat(150)).select("main h1").text()).startsWith("Results for");
		assertThat(search("x".repeat(2000)).select("main h1").text()).startsWith("Results for");
		Response tooLong = new SiteClient(this.port).get("/search?q=" + "x".repeat(5_000));
		assertThat(tooLong.status()).isEqualTo(414);
		assertThat(tooLong.html().select("h1").text()).isEqualTo("That request could not be answered");
	}

	@Test
	void anEmptyQueryShowsAFriendlyPrompt() {
		Document page = new SiteClient(this.port).page("/search");
		assertThat(page.select("h1").text()).isEqualTo("Search the blog");
		assertThat(page.select(".search-help")).hasSize(1);
		assertThat(page.select(".card")).isEmpty();
		assertThat(page.select(".pagination")).isEmpty();
	}

	@Test
	void noMatchesSaySo() {
		Document page = search("nothingmatchesthis");
		assertThat(page.select(".search-empty").text()).contains("Nothing matches");
		assertThat(page.select(".card")).isEmpty();
	}

	@Test
	void resultsPagesAreNotIndexed() {
		for (String path : List.of("/search", "/search?q=zephyrine", "/search?q=nothingmatchesthis")) {
			Document page = new SiteClient(this.port).page(path);
			assertThat(page.select("meta[name=robots]").attr("content")).as(path).isEqualTo("noindex");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/blog", "/blog/engineering/page/17", "/blog/engineering/zephyr-in-title",
			"/no-such-page" })
	void everyPageHasTheSearchBoxInItsHeaderAndInThePhoneMenu(String path) {
		Document page = new SiteClient(this.port).get(path).html();
		assertThat(page.select(".site-header-inner > .search-form[role=search][action=/search][method=get]")).hasSize(1);
		assertThat(page.select("header .search-form label[for=site-search]").text()).isEqualTo("Search posts");
		assertThat(page.select("header .search-form input#site-search[type=search][name=q]")).hasSize(1);
		assertThat(page.select(".site-menu .search-form[role=search][action=/search] input#menu-search[name=q]")).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/search", "/search?q=zephyrine", "/search?q=nothingmatchesthis" })
	void theSearchPageHasOneSearchFormItsOwn(String path) {
		Document page = new SiteClient(this.port).page(path);
		assertThat(page.select("form[role=search]")).hasSize(1);
		assertThat(page.select("main form.search-page-form[role=search][action=/search] input#search-query[name=q]"))
			.hasSize(1);
		assertThat(page.select("label[for=search-query]").text()).isEqualTo("Search for");
	}

	@Test
	void theFiltersFoldAwayUnlessOneIsInUse() {
		assertThat(search("zephyrine").select("details.search-page-filters").hasAttr("open")).isFalse();
		Document filtered = new SiteClient(this.port).page("/search?q=zephyrine&category=engineering");
		assertThat(filtered.select("details.search-page-filters").hasAttr("open")).isTrue();
		assertThat(filtered.select("details.search-page-filters > summary").text()).isEqualTo("Filters (1)");
	}

	@Test
	void theSearchPageDescribesItselfButIsNotIndexed() {
		Document prompt = new SiteClient(this.port).page("/search");
		assertThat(prompt.select("meta[name=description]").attr("content")).startsWith("Search every post");
		Document results = search("zephyrine");
		assertThat(results.select("meta[name=description]").attr("content"))
			.isEqualTo("Search results for “zephyrine”: 4 posts found, best matches first.");
		assertThat(results.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
	}

	@Test
	void theSearchFormKeepsTheQuery() {
		assertThat(search("zephyrine  gateway").select("#search-query").val()).isEqualTo("zephyrine gateway");
		Document post = new SiteClient(this.port).page("/blog/engineering/zephyr-in-title");
		assertThat(post.select("#site-search").val()).isEmpty();
	}

}
