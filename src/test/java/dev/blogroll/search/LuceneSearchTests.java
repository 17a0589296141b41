package dev.blogroll.search;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.lucene.index.TieredMergePolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.ui.ExtendedModelMap;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;
import dev.blogroll.content.ContentVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lucene engine against the shared test database: what it matches (the same syntax as
 * PostgreSQL's websearch), how it narrows, that it follows every write on the next search
 * (however the writing transactions commit), and that its pages are the ranking of every match.
 * Invented words keep these posts the only matches.
 */
@BlogrollTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneSearchTests {

	private static final SearchFixture FIXTURE = new SearchFixture("Lucene Writer", "Lucene Other Tag");

	/** More catch-ups than the segments at which an index opened again is merged. */
	private static final int MERGE_ROUNDS = 4 * LuceneIndex.MERGED_SEGMENTS + 2;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ContentVersion contentVersion;

	@Autowired
	private SearchQueries postgresql;

	@Autowired
	private BlogrollProperties properties;

	@Autowired
	private dev.blogroll.web.SiteLocale siteLocale;

	@Autowired
	private SearchBulkhead bulkhead;

	@Autowired
	private dev.blogroll.category.Categories categories;

	@Autowired
	private dev.blogroll.tag.Tags tags;

	@TempDir
	private Path indexes;

	private final List<LuceneIndex> opened = new ArrayList<>();

	@BeforeAll
	void addPosts() {
		List<PostBuilder> posts = new ArrayList<>(List.of(
				post("lux-title", "Scaling Glimmerwick Gateways", "2021-01-01T00:00:00Z").body("How we grew the fleet."),
				post("lux-body", "A Quiet Week", "2024-01-01T00:00:00Z").body("On Tuesday the glimmerwick routes paged us."),
				post("lux-phrase", "Notes", "2022-01-01T00:00:00Z").body("The velvet brambleshaw protocol is our favourite."),
				post("lux-apart", "More Notes", "2022-02-01T00:00:00Z").body("Brambleshaw is not velvet at all."),
				post("lux-excluded", "Brambleshaw With Helm", "2022-03-01T00:00:00Z").body("Charts for helm."),
				post("lux-or-left", "Tarnquill Basics", "2022-04-01T00:00:00Z").body("Ropes."),
				post("lux-or-right", "Fennimore Basics", "2022-05-01T00:00:00Z").body("Brakes."),
				post("lux-category", "Quibblefern In Culture", "2022-07-01T00:00:00Z").category("Lucene Lab")
					.tags("Lucene Fixture Tag")
					.body("Quibblefern everywhere."),
				post("lux-engineering", "Quibblefern In Engineering", "2022-08-01T00:00:00Z").body("Quibblefern here too."),
				post("lux-draft", "Glimmerwick Draft", "2022-09-01T00:00:00Z").status("draft"),
				post("lux-scheduled", "Glimmerwick Scheduled", Instant.now().plus(Duration.ofDays(30)).toString()),
				// changed by one test each
				post("lux-edit", "Hobnail Subject", "2023-01-01T00:00:00Z").body("Original hobnail words."),
				post("lux-slow", "Slow Writer", "2023-01-02T00:00:00Z").body("Nothing yet."),
				post("lux-quick", "Quick Writer", "2023-01-03T00:00:00Z").body("Nothing yet."),
				post("lux-reopen", "Reopened", "2023-01-04T00:00:00Z").body("Nothing yet."),
				post("lux-race-first", "First Racer", "2023-01-05T00:00:00Z").body("Nothing yet."),
				post("lux-race-second", "Second Racer", "2023-01-06T00:00:00Z").body("Nothing yet.")));
		// edited one by one into many segments of the index
		for (int i = 1; i <= MERGE_ROUNDS; i++) {
			posts.add(post("lux-merge-" + i, "Merged " + i, "2023-02-%02dT00:00:00Z".formatted(i)).body("Before quellmoss."));
		}
		// 40 posts matching "zindlerock" in different ways, for comparing bounded and exhaustive rankings
		for (int i = 1; i <= 40; i++) {
			String body = ((i % 3 == 0) ? "The zindlerock lattice holds. " : "A lattice, then zindlerock. ")
					+ "zindlerock ".repeat(1 + (i * 7) % 5) + "filler ".repeat(1 + (i * 13) % 40);
			posts.add(post("lux-rank-" + i, ((i % 4 == 0) ? "Zindlerock Notes " : "Field Notes ") + i,
					"%d-%02d-01T00:00:00Z".formatted(2014 + i % 12, 1 + (i * 5) % 12))
				.body(body));
		}
		this.testPosts.add(posts.toArray(PostBuilder[]::new));
	}

	private static PostBuilder post(String slug, String title, String publishedAt) {
		return FIXTURE.post(slug, title, publishedAt);
	}

	@AfterAll
	void removePosts() {
		this.testPosts.remove(FIXTURE.slugs(), List.of("lucene-lab"), List.of("lucene-fixture-tag", "lucene-other-tag"),
				List.of("lucene-writer"));
	}

	@AfterEach
	void closeIndexes() throws Exception {
		for (LuceneIndex index : this.opened) {
			index.close();
		}
		this.opened.clear();
		this.clock.reset();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			glimmerwick                     | lux-body lux-title
			glimmerwicks                    | lux-body lux-title
			"glimmerwick routes"            | lux-body
			"brambleshaw protocol"          | lux-phrase
			"the velvet brambleshaw protocol is our" | lux-phrase
			"velvet brambleshaw protocol"   | lux-phrase
			"brambleshaw velvet"            |
			brambleshaw velvet              | lux-apart lux-phrase
			brambleshaw -helm               | lux-apart lux-phrase
			brambleshaw -"brambleshaw protocol" | lux-apart lux-excluded
			tarnquill OR fennimore          | lux-or-right lux-or-left
			tarnquill or fennimore          | lux-or-right lux-or-left
			"brambleshaw protocol           | lux-phrase
			the                             |
			-glimmerwick                    |
			glimmerwick nosuchwordanywhere  |
			""")
	void findsWhatPostgresqlWebsearchFinds(String query, String expected) {
		LuceneSearch search = search(1_000);
		List<String> slugs = slugs(search.search(SearchTerms.of(query), null, null, 1, 15));
		assertThat(slugs).as(query).containsExactlyInAnyOrder((expected == null) ? new String[0] : expected.split(" "));
		assertThat(slugs(this.postgresql.search(SearchTerms.of(query), null, null, 1, 15))).as("PostgreSQL, " + query)
			.containsExactlyInAnyOrderElementsOf(slugs);
	}

	@Test
	void titleMatchesRankFirstAndDraftsAndScheduledPostsAreNotFoundUntilTheirTime() {
		LuceneSearch search = search(1_000);
		Hits hits = search.search(SearchTerms.of("glimmerwick"), null, null, 1, 15);
		assertThat(slugs(hits)).containsExactly("lux-title", "lux-body");
		assertThat(hits.results().get(1).snippetHtml()).contains("<mark>glimmerwick</mark>");
		this.clock.set(Instant.now().plus(Duration.ofDays(31)));
		assertThat(slugs(search.search(SearchTerms.of("glimmerwick"), null, null, 1, 15))).contains("lux-scheduled")
			.doesNotContain("lux-draft");
	}

	@Test
	void categoryAndTagNarrowTheResults() {
		LuceneSearch search = search(1_000);
		FilterOption lab = filter("category", "lucene-lab");
		FilterOption tag = filter("tag", "lucene-fixture-tag");
		assertThat(slugs(search.search(SearchTerms.of("quibblefern"), null, null, 1, 15)))
			.containsExactlyInAnyOrder("lux-category", "lux-engineering");
		assertThat(slugs(search.search(SearchTerms.of("quibblefern"), lab, null, 1, 15))).containsExactly("lux-category");
		assertThat(slugs(search.search(SearchTerms.of("quibblefern"), null, tag, 1, 15))).containsExactly("lux-category");
	}

	@Test
	void aPhraseNeverJoinsTheLastWordOfTheSummaryToTheFirstOfTheBody() {
		// lux-apart's summary (its body's opening) ends "… velvet at all." and its body starts
		// "Brambleshaw": PostgreSQL's search_vector joins the two, so "velvet brambleshaw" finds it there
		assertThat(slugs(this.postgresql.search(SearchTerms.of("\"velvet brambleshaw\""), null, null, 1, 15)))
			.containsExactlyInAnyOrder("lux-phrase", "lux-apart");
		assertThat(slugs(search(1_000).search(SearchTerms.of("\"velvet brambleshaw\""), null, null, 1, 15)))
			.containsExactly("lux-phrase");
	}

	@Test
	void everyWriteShowsOnTheNextSearchEditsTrashTagsAndDeletes() {
		LuceneSearch search = search(1_000);
		assertThat(slugs(search.search(SearchTerms.of("hobnail"), null, null, 1, 15))).containsExactly("lux-edit");
		edit("lux-edit", "Now about wobblethorn.");
		assertThat(slugs(search.search(SearchTerms.of("wobblethorn"), null, null, 1, 15))).containsExactly("lux-edit");
		assertThat(slugs(search.search(SearchTerms.of("original"), null, null, 1, 15))).doesNotContain("lux-edit");
		this.jdbc.sql("""
				update post set status = 'TRASHED', trashed_at = now(), trashed_status = 'PUBLISHED'
				where slug = 'lux-edit'""").update();
		assertThat(slugs(search.search(SearchTerms.of("wobblethorn"), null, null, 1, 15))).isEmpty();
		this.jdbc.sql("""
				update post set status = 'PUBLISHED', trashed_at = null, trashed_status = null
				where slug = 'lux-edit'""").update();
		assertThat(slugs(search.search(SearchTerms.of("wobblethorn"), null, null, 1, 15))).containsExactly("lux-edit");
		FilterOption tag = filter("tag", "lucene-fixture-tag");
		this.jdbc.sql("insert into post_tag (post_id, tag_id) select id, :tag from post where slug = 'lux-edit'")
			.param("tag", tag.id())
			.update();
		assertThat(slugs(search.search(SearchTerms.of("wobblethorn"), null, tag, 1, 15))).containsExactly("lux-edit");
		this.jdbc.sql("delete from post_tag where tag_id = :tag and post_id = (select id from post where slug = 'lux-edit')")
			.param("tag", tag.id())
			.update();
		assertThat(slugs(search.search(SearchTerms.of("wobblethorn"), null, tag, 1, 15))).isEmpty();
		this.jdbc.sql("delete from post where slug = 'lux-edit'").update();
		assertThat(slugs(search.search(SearchTerms.of("wobblethorn"), null, null, 1, 15))).isEmpty();
		this.testPosts.add(post("lux-edit", "Hobnail Subject", "2023-01-01T00:00:00Z").body("Original hobnail words."));
		assertThat(slugs(search.search(SearchTerms.of("hobnail"), null, null, 1, 15))).containsExactly("lux-edit");
	}

	@Test
	void aTransactionThatStartedFirstAndCommitsLastIsNotMissed() throws Exception {
		LuceneSearch search = search(1_000);
		assertThat(slugs(search.search(SearchTerms.of("plinkerhaw"), null, null, 1, 15))).isEmpty();
		try (Connection slow = this.dataSource.getConnection()) {
			slow.setAutoCommit(false);
			try (Statement statement = slow.createStatement()) {
				statement.executeUpdate("""
						update post set body = 'The slow one mentions plinkerhaw.', summary = 'Plinkerhaw.'
						where slug = 'lux-slow'""");
			}
			// a quick write after the slow one took its transaction id, committed before it
			edit("lux-quick", "The quick one mentions plinkerhaw.");
			assertThat(slugs(search.search(SearchTerms.of("plinkerhaw"), null, null, 1, 15))).containsExactly("lux-quick");
			slow.commit();
		}
		assertThat(slugs(search.search(SearchTerms.of("plinkerhaw"), null, null, 1, 15)))
			.containsExactlyInAnyOrder("lux-quick", "lux-slow");
	}

	/**
	 * The interleaving the catch-up's queueing exists for: a catch-up has read the changes and
	 * not yet finished when an edit commits and a search sees the new content version. That
	 * search must wait for a catch-up that reads the edit, not for the one under way (which
	 * read before the edit's commit and would leave the search without it).
	 */
	@Test
	void aSearchThatSawALaterVersionThanTheCatchUpUnderWayFindsWhatCommittedMeanwhile() throws Exception {
		HeldConnections held = new HeldConnections(this.dataSource);
		LuceneIndex index = new LuceneIndex(held, this.contentVersion, this.indexes.resolve("race"));
		this.opened.add(index);
		build(index);
		LuceneSearch search = new LuceneSearch(index, this.postgresql, this.jdbc, this.clock, this.properties, 1_000,
				new SimpleMeterRegistry());
		held.holdNextClose();
		edit("lux-race-first", "The first mentions pellucidor.");
		Thread first = new Thread(() -> search.search(SearchTerms.of("pellucidor"), null, null, 1, 15), "first search");
		first.start();
		held.awaitHeld(); // the first search's catch-up has read the changes and committed them, and is held
		edit("lux-race-second", "The second mentions pellucidor.");
		List<List<String>> found = new ArrayList<>();
		Thread second = new Thread(() -> found.add(slugs(search.search(SearchTerms.of("pellucidor"), null, null, 1, 15))),
				"second search");
		second.start();
		awaitWaitingForTheIndex(second);
		held.release();
		second.join(Duration.ofSeconds(10).toMillis());
		first.join(Duration.ofSeconds(10).toMillis());
		assertThat(found).as("the second search answered").hasSize(1);
		assertThat(found.get(0)).containsExactlyInAnyOrder("lux-race-first", "lux-race-second");
	}

	/** Waits until {@code thread} waits for the index to catch up, in {@link LuceneIndex#acquire}. */
	private static void awaitWaitingForTheIndex(Thread thread) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!(thread.getState() == Thread.State.TIMED_WAITING && Arrays.stream(thread.getStackTrace())
			.anyMatch((frame) -> frame.getClassName().equals(LuceneIndex.class.getName())
					&& frame.getMethodName().equals("acquire")))) {
			assertThat(System.nanoTime()).as("the second search waits for the index").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	/**
	 * A data source whose next connection, once asked for, is held open when its user closes it
	 * (after everything it did with it) until {@link #release}.
	 */
	private static final class HeldConnections extends DelegatingDataSource {

		private final CountDownLatch held = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		private volatile boolean holdNext;

		HeldConnections(DataSource dataSource) {
			super(dataSource);
		}

		void holdNextClose() {
			this.holdNext = true;
		}

		void awaitHeld() throws InterruptedException {
			assertThat(this.held.await(10, TimeUnit.SECONDS)).as("a catch-up used a connection").isTrue();
		}

		void release() {
			this.released.countDown();
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = super.getConnection();
			if (!this.holdNext) {
				return connection;
			}
			this.holdNext = false;
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().equals("close")) {
							this.held.countDown();
							this.released.await(10, TimeUnit.SECONDS);
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

	@Test
	void anIndexOpenedAgainIsReadyAtOnceAndCatchesUpWithWhatChangedWhileItWasClosed() throws Exception {
		Path path = this.indexes.resolve("reopened");
		LuceneIndex first = index(path);
		build(first);
		first.close();
		this.opened.remove(first);
		edit("lux-reopen", "Closed-time quarnock.");
		LuceneIndex again = index(path);
		assertThat(again.isReady()).isTrue();
		LuceneSearch search = new LuceneSearch(again, this.postgresql, this.jdbc, this.clock, this.properties, 1_000,
				new SimpleMeterRegistry());
		assertThat(slugs(search.search(SearchTerms.of("quarnock"), null, null, 1, 15))).containsExactly("lux-reopen");
	}

	/**
	 * An index of many segments (each catch-up commits one; here the writer's own merges are held
	 * back) is merged into {@link LuceneIndex#MERGED_SEGMENTS} in the background when it is
	 * opened again, and finds afterwards what it found before: the last version of each edited
	 * post, none of the earlier ones, and the posts of the first build.
	 */
	@Test
	void anIndexOfManySegmentsIsMergedWhenOpenedAgainAndFindsTheSamePosts() throws Exception {
		Path path = this.indexes.resolve("segments");
		LuceneIndex first = new LuceneIndex(this.dataSource, this.contentVersion, path, mergingOnlyWhenForced());
		this.opened.add(first);
		build(first);
		LuceneSearch search = new LuceneSearch(first, this.postgresql, this.jdbc, this.clock, this.properties, 1_000,
				new SimpleMeterRegistry());
		List<String> before = slugs(search.search(SearchTerms.of("glimmerwick"), null, null, 1, 15));
		for (int round = 1; round <= MERGE_ROUNDS; round++) {
			edit("lux-merge-" + round, "After zorvanite" + round + ".");
			assertThat(slugs(search.search(SearchTerms.of("zorvanite" + round), null, null, 1, 15)))
				.containsExactly("lux-merge-" + round);
		}
		assertThat(first.segments()).isGreaterThan(4 * LuceneIndex.MERGED_SEGMENTS);
		first.close();
		this.opened.remove(first);

		LuceneIndex again = new LuceneIndex(this.dataSource, this.contentVersion, path, mergingOnlyWhenForced());
		this.opened.add(again);
		assertThat(again.isReady()).isTrue();
		again.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (again.segments() > LuceneIndex.MERGED_SEGMENTS && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(again.segments()).as("segments after the merge").isLessThanOrEqualTo(LuceneIndex.MERGED_SEGMENTS);
		LuceneSearch merged = new LuceneSearch(again, this.postgresql, this.jdbc, this.clock, this.properties, 1_000,
				new SimpleMeterRegistry());
		for (int round = 1; round <= MERGE_ROUNDS; round++) {
			assertThat(slugs(merged.search(SearchTerms.of("zorvanite" + round), null, null, 1, 15)))
				.containsExactly("lux-merge-" + round);
		}
		assertThat(slugs(merged.search(SearchTerms.of("quellmoss"), null, null, 1, 15))).as("the versions before")
			.isEmpty();
		assertThat(slugs(merged.search(SearchTerms.of("glimmerwick"), null, null, 1, 15))).isEqualTo(before)
			.isNotEmpty();
	}

	/** Lucene's merge policy, but with so many segments allowed per tier that only a forced merge merges. */
	private static TieredMergePolicy mergingOnlyWhenForced() {
		return new TieredMergePolicy().setSegmentsPerTier(1_000);
	}

	@Test
	void notesOfChangedPostsAreKeptForThreeDaysWhateverTheEngine() {
		this.jdbc.sql("""
				insert into post_search_change (post_id, changed_at)
				values (-7, now() - interval '4 days'), (-8, now() - interval '2 days')""").update();
		assertThat(new SearchChangeNotes(this.jdbc).forgetOld()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("select post_id from post_search_change where post_id in (-7, -8)")
			.query(Long.class)
			.list()).containsExactly(-8L);
		this.jdbc.sql("delete from post_search_change where post_id = -8").update();
	}

	/** What an editor's save does to the words: the body, and the summary made from it. */
	private void edit(String slug, String body) {
		this.jdbc.sql("update post set body = :body, summary = :body, version = version + 1 where slug = :slug")
			.param("body", body)
			.param("slug", slug)
			.update();
	}

	@Test
	void untilTheIndexIsBuiltPostgresqlAnswers() {
		LuceneIndex empty = index(this.indexes.resolve("empty"));
		assertThat(empty.isReady()).isFalse();
		LuceneSearch search = new LuceneSearch(empty, this.postgresql, this.jdbc, this.clock, this.properties, 1_000,
				new SimpleMeterRegistry());
		Hits hits = search.search(SearchTerms.of("glimmerwick"), null, null, 1, 15);
		assertThat(slugs(hits)).containsExactly("lux-title", "lux-body");
		assertThat(hits.allRanked()).isFalse();
	}

	@Test
	void pagesAreTheRankingOfEveryMatchAndABoundOnlyCutsTheCount() {
		List<String> everything = new ArrayList<>();
		LuceneSearch unbounded = search(1_000);
		for (int page = 1; page <= 3; page++) {
			Hits hits = unbounded.search(SearchTerms.of("zindlerock"), null, null, page, 15);
			assertThat(hits.more()).isFalse();
			assertThat(hits.total()).isEqualTo(40);
			everything.addAll(slugs(hits));
		}
		assertThat(everything).hasSize(40).doesNotHaveDuplicates();
		LuceneSearch bounded = search(20);
		Hits first = bounded.search(SearchTerms.of("zindlerock"), null, null, 1, 15);
		assertThat(first.more()).isTrue();
		assertThat(first.allRanked()).isTrue();
		assertThat(first.total()).isEqualTo(20);
		assertThat(slugs(first)).containsExactlyElementsOf(everything.subList(0, 15));
		Hits second = bounded.search(SearchTerms.of("zindlerock"), null, null, 2, 15);
		assertThat(slugs(second)).containsExactlyElementsOf(everything.subList(15, 20));
		assertThat(bounded.search(SearchTerms.of("zindlerock"), null, null, 3, 15).results()).isEmpty();
		SearchPage page = new SearchPage("zindlerock", false, null, null, List.of(), List.of(), first.results(),
				first.total(), first.more(), first.allRanked(), false, 20,
				dev.blogroll.listing.Pagination.withPageParameter("/search?q=zindlerock", 1, 2));
		assertThat(page.summary(this.siteLocale))
			.isEqualTo("More than 20 posts match; these are the best 20 of them.");
	}

	@Test
	void theSearchPageSaysThatTheBestOfEveryMatchAreShown() {
		SearchController controller = new SearchController(search(20), this.bulkhead, this.categories, this.tags,
				this.properties, this.siteLocale);
		ExtendedModelMap model = new ExtendedModelMap();
		assertThat(controller.showResults("zindlerock", null, null, null, model)).isEqualTo("search/search");
		assertThat(model.getAttribute("searchSummary")).isEqualTo("More than 20 posts match; these are the best 20 of them.");
		SearchPage page = (SearchPage) model.getAttribute("search");
		assertThat(page.results()).hasSize(15);
		assertThat(page.pagination().last()).isEqualTo(2);
		controller = new SearchController(search(1_000), this.bulkhead, this.categories, this.tags, this.properties,
				this.siteLocale);
		controller.showResults("zindlerock", null, null, "3", model);
		assertThat(model.getAttribute("searchSummary")).isEqualTo("40 posts found, best matches first.");
		assertThat(((SearchPage) model.getAttribute("search")).results()).hasSize(10);
	}

	@Test
	void queriesNobodyMeantStillGetAnAnswer() {
		LuceneSearch search = search(1_000);
		for (String query : List.of("\"", "-", "- -", "OR", "OR OR glimmerwick", "glimmerwick OR", "\"\"",
				"-\"\"", "ü∑漢字", "a".repeat(200), "glimmerwick ".repeat(10))) {
			Hits hits = search.search(SearchTerms.of(query), null, null, 1, 15);
			assertThat(hits.timedOut()).as(query).isFalse();
		}
		assertThat(slugs(search.search(SearchTerms.of("OR OR glimmerwick"), null, null, 1, 15))).hasSize(2);
	}

	private LuceneSearch search(int rankedUpTo) {
		LuceneIndex index = index(this.indexes.resolve("index-" + this.opened.size()));
		build(index);
		return new LuceneSearch(index, this.postgresql, this.jdbc, this.clock, this.properties, rankedUpTo,
				new SimpleMeterRegistry());
	}

	private LuceneIndex index(Path path) {
		LuceneIndex index = new LuceneIndex(this.dataSource, this.contentVersion, path);
		this.opened.add(index);
		return index;
	}

	private static void build(LuceneIndex index) {
		index.start();
		index.awaitWrites(Duration.ofMinutes(1));
		assertThat(index.isReady()).as("the index is built").isTrue();
	}

	private FilterOption filter(String kind, String slug) {
		return this.jdbc.sql("select id from " + kind + " where slug = :slug")
			.param("slug", slug)
			.query((rs, row) -> new FilterOption(rs.getLong("id"), slug, slug))
			.single();
	}

	private static List<String> slugs(Hits hits) {
		return hits.results().stream().map((result) -> result.card().path().replaceAll(".*/", "")).toList();
	}

}
