package dev.blogroll.listing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.TestPosts;
import dev.blogroll.content.ContentVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages are found from the per-month and per-day counts, not by OFFSET: they must show
 * exactly what "order by published_at desc, id desc limit/offset" would, with exact page
 * counts, while posts are added, removed, unpublished, moved, re-tagged, and while scheduled
 * posts come due. A category's pages are read from {@code post}'s index, a tag's from
 * {@code post_tag}'s, whose copies of each post's date and status triggers keep; what OFFSET
 * would show is read from {@code post} alone.
 */
@BlogrollTest
class DeepPaginationTests {

	private static final String CATEGORY = "deep-paging";

	private static final String TAG = "deep-tag";

	private static final Instant START = Instant.parse("2020-01-30T00:00:00Z");

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private BlogrollProperties properties;

	@Autowired
	private ListingQueries appQueries;

	@Autowired
	private Listings listings;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(this.jdbc.sql("select slug from post where slug like 'deep-%'").query(String.class).list(),
				List.of(CATEGORY, "deep-elsewhere"), List.of(TAG, "deep-other"), List.of("deep-writer"));
	}

	@Test
	void everyPageShowsWhatOffsetWouldShowWhilePostsComeAndGo() {
		// 200 posts over three months, several on the same day and some at the same instant
		this.testPosts.add(IntStream.range(0, 200)
			.mapToObj((i) -> post("deep-" + i, START.plus(Duration.ofHours(11L * (i / 3)))))
			.toArray(PostBuilder[]::new));
		assertEveryPageMatchesOffset(Clock.systemUTC());

		// some removed, one unpublished, one moved to another category, one moved in time
		this.jdbc.sql("delete from post where slug in ('deep-0', 'deep-77', 'deep-78', 'deep-199')").update();
		this.jdbc.sql("update post set status = 'DRAFT' where slug = 'deep-100'").update();
		this.testPosts.add(post("deep-101", START.plus(Duration.ofHours(11L * 33))).category("Deep Elsewhere"));
		this.testPosts.add(post("deep-150", Instant.parse("2019-03-01T10:00:00Z")));
		assertEveryPageMatchesOffset(Clock.systemUTC());

		// more added, at the top, at the bottom, inside
		this.testPosts.add(post("deep-new-top", Instant.parse("2024-01-01T00:00:00Z")),
				post("deep-new-bottom", Instant.parse("2001-01-01T00:00:00Z")),
				post("deep-new-inside", START.plus(Duration.ofHours(11L * 40))));
		assertEveryPageMatchesOffset(Clock.systemUTC());
		assertThat(count()).isEqualTo(200 - 4 - 1 - 1 + 3);
	}

	@Test
	void scheduledPostsAndDraftsAreNotCountedUntilTheirTimeComes() {
		Instant now = Instant.now();
		List<PostBuilder> posts = new ArrayList<>();
		IntStream.range(0, 40).forEach((i) -> posts.add(post("deep-" + i, START.plus(Duration.ofDays(i)))));
		posts.add(post("deep-draft", START.plus(Duration.ofDays(3))).status("draft"));
		posts.add(post("deep-soon", now.plus(Duration.ofDays(2))));
		posts.add(post("deep-later", now.plus(Duration.ofDays(40))));
		this.testPosts.add(posts.toArray(PostBuilder[]::new));

		assertThat(count()).isEqualTo(40);
		Document last = new SiteClient(this.port).page("/blog/" + CATEGORY + "/page/3");
		assertThat(last.title()).startsWith("Deep Paging – Page 3 of 3");
		assertThat(last.select("article.card")).hasSize(10);
		assertEveryPageMatchesOffset(Clock.systemUTC());
		Document lastOfTag = new SiteClient(this.port).page("/blog/tag/" + TAG + "/page/3");
		assertThat(lastOfTag.title()).startsWith("Deep Tag – Page 3 of 3");
		assertThat(lastOfTag.select("article.card")).hasSize(10);
		assertEveryPageMatchesOffset(Clock.systemUTC(), tag());

		// three days later the first scheduled post is visible, with no job having run
		Clock inThreeDays = Clock.offset(Clock.systemUTC(), Duration.ofDays(3));
		ListingQueries later = queries(inThreeDays);
		assertThat(later.stats(filter()).total()).isEqualTo(41);
		assertThat(later.page(filter(), 1, 15).get(0).path()).endsWith("/deep-soon");
		assertEveryPageMatchesOffset(inThreeDays);
		assertThat(later.stats(tag()).total()).isEqualTo(41);
		assertThat(later.page(tag(), 1, 15).get(0).path()).endsWith("/deep-soon");
		assertEveryPageMatchesOffset(inThreeDays, tag());

		// the draft published, and the later post unpublished: the tag follows its posts
		this.jdbc.sql("update post set status = 'PUBLISHED' where slug = 'deep-draft'").update();
		this.jdbc.sql("update post set status = 'DRAFT' where slug = 'deep-later'").update();
		assertThat(queries(Clock.offset(Clock.systemUTC(), Duration.ofDays(50))).stats(tag()).total()).isEqualTo(42);
		assertEveryPageMatchesOffset(Clock.offset(Clock.systemUTC(), Duration.ofDays(50)), tag());
	}

	@Test
	void everyPageOfATagShowsWhatOffsetWouldShowWhilePostsAreRetagged() {
		// 200 posts over three months, several on the same day and some at the same instant; two
		// in three have the tag
		this.testPosts.add(IntStream.range(0, 200)
			.mapToObj((i) -> post("deep-" + i, START.plus(Duration.ofHours(11L * (i / 3))))
				.tags((i % 3 == 0) ? "Deep Other" : "Deep Tag"))
			.toArray(PostBuilder[]::new));
		assertEveryPageMatchesOffset(Clock.systemUTC(), tag());
		assertThat(queries(Clock.systemUTC()).stats(tag()).total()).isEqualTo(133);

		// some removed (their tags go with them), one unpublished, one re-dated by an editor
		this.jdbc.sql("delete from post where slug in ('deep-1', 'deep-77', 'deep-78', 'deep-199')").update();
		this.jdbc.sql("update post set status = 'DRAFT' where slug = 'deep-100'").update();
		this.jdbc.sql("update post set published_at = published_at - interval '40 days' where slug = 'deep-101'")
			.update();
		// the tag taken off two posts and put on three, as the bulk actions and tag merges write
		this.jdbc.sql("""
				delete from post_tag where tag_id = (select id from tag where slug = 'deep-tag')
				and post_id in (select id from post where slug in ('deep-2', 'deep-50'))""").update();
		this.jdbc.sql("""
				insert into post_tag (post_id, tag_id) select p.id, t.id from post p, tag t
				where p.slug in ('deep-3', 'deep-60', 'deep-150') and t.slug = 'deep-tag'""").update();
		assertEveryPageMatchesOffset(Clock.systemUTC(), tag());

		// imported again: one re-dated and given the tag, one losing it, one re-dated keeping it
		this.testPosts.add(post("deep-6", Instant.parse("2019-03-01T10:00:00Z")).tags("Deep Tag", "Deep Other"),
				post("deep-4", START.plus(Duration.ofHours(11L))).tags("Deep Other"),
				post("deep-5", START.plus(Duration.ofDays(80))).tags("Deep Tag"));
		assertEveryPageMatchesOffset(Clock.systemUTC(), tag());

		// the draft published again, more added at the top, at the bottom, inside
		this.jdbc.sql("update post set status = 'PUBLISHED' where slug = 'deep-100'").update();
		this.testPosts.add(post("deep-new-top", Instant.parse("2024-01-01T00:00:00Z")),
				post("deep-new-bottom", Instant.parse("2001-01-01T00:00:00Z")),
				post("deep-new-inside", START.plus(Duration.ofHours(11L * 40))));
		assertEveryPageMatchesOffset(Clock.systemUTC(), tag());
		// 133, 3 deleted with the tag, 2 taken off, 3 put on, 1 given and 1 taken by the import, 3 added
		assertThat(queries(Clock.systemUTC()).stats(tag()).total()).isEqualTo(133 - 3 - 2 + 3 + 1 - 1 + 3);
		assertThat(new SiteClient(this.port).page("/blog/tag/" + TAG).select(".listing-count").text())
			.isEqualTo("134 posts");
	}

	@Test
	void theListingOfEveryPostAndOfAnAuthorAreCountedExactlyToo() {
		long allBefore = countWithOffsetQuery(this.listings.all().filter(), Clock.systemUTC());
		this.testPosts.add(IntStream.range(0, 31)
			.mapToObj((i) -> post("deep-" + i, START.plus(Duration.ofMinutes(i))))
			.toArray(PostBuilder[]::new));
		ListingQueries queries = queries(Clock.systemUTC());
		assertThat(queries.stats(this.listings.all().filter()).total()).isEqualTo(allBefore + 31);
		ListingFilter author = this.listings.resolve(ListingKind.AUTHOR, "deep-writer").filter();
		assertThat(queries.stats(author).total()).isEqualTo(31);
		assertThat(queries.page(author, 3, 15)).hasSize(1);
		for (int page = 1; page <= (allBefore + 31 + 14) / 15; page++) {
			assertThat(urls(queries.page(this.listings.all().filter(), page, 15)))
				.as("all posts, page %d", page)
				.isEqualTo(pageWithOffsetQuery(this.listings.all().filter(), Clock.systemUTC(), page));
		}
	}

	private void assertEveryPageMatchesOffset(Clock clock) {
		assertEveryPageMatchesOffset(clock, filter());
	}

	private void assertEveryPageMatchesOffset(Clock clock, ListingFilter filter) {
		ListingQueries queries = queries(clock);
		long expected = countWithOffsetQuery(filter, clock);
		assertThat(queries.stats(filter).total()).as("count").isEqualTo(expected);
		int pages = (int) ((expected + 14) / 15);
		for (int page = 1; page <= pages + 1; page++) {
			assertThat(urls(queries.page(filter, page, 15))).as("page %d of %d", page, pages)
				.isEqualTo(pageWithOffsetQuery(filter, clock, page));
		}
	}

	/**
	 * The application's own queries at the real time (so its counts, kept until something
	 * changes, are checked across every write of a test), new ones at any other time.
	 */
	private ListingQueries queries(Clock clock) {
		return clock.equals(Clock.systemUTC()) ? this.appQueries
				: new ListingQueries(this.jdbc, clock, this.properties, new ContentVersion(this.jdbcTemplate, clock),
						new SimpleMeterRegistry());
	}

	private long count() {
		return queries(Clock.systemUTC()).stats(filter()).total();
	}

	private ListingFilter filter() {
		return this.listings.resolve(ListingKind.CATEGORY, CATEGORY).filter();
	}

	private ListingFilter tag() {
		return this.listings.resolve(ListingKind.TAG, TAG).filter();
	}

	/** The plain, obviously right but slow way. */
	private long countWithOffsetQuery(ListingFilter filter, Clock clock) {
		return filter.bind(this.jdbc.sql("select count(*) from post p where p.status = 'PUBLISHED' and p.published_at <= :now"
				+ filter.sql())).param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	private List<String> pageWithOffsetQuery(ListingFilter filter, Clock clock, int page) {
		return filter.bind(this.jdbc.sql("""
				select '/blog/' || c.slug || '/' || p.slug from post p join category c on c.id = p.category_id
				where p.status = 'PUBLISHED' and p.published_at <= :now%s
				order by p.published_at desc, p.id desc limit 15 offset :offset""".formatted(filter.sql())))
			.param("now", Timestamp.from(clock.instant()))
			.param("offset", (page - 1) * 15)
			.query(String.class)
			.list();
	}

	private static List<String> urls(List<PostCard> cards) {
		return cards.stream().map(PostCard::path).toList();
	}

	private static PostBuilder post(String slug, Instant publishedAt) {
		return PostBuilder.post()
			.slug(slug)
			.title("Deep " + slug)
			.category("Deep Paging")
			.tags("Deep Tag")
			.author("Deep Writer")
			.publishedAt(publishedAt.atOffset(ZoneOffset.UTC).toInstant());
	}

}
