package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;
import dev.blogroll.importer.ImportResult.LineError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NDJSON importer against PostgreSQL: idempotent by slug, and precise about bad lines.
 */
@BlogrollTest
class PostImporterTests {

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private TransactionTemplate transaction;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(this.jdbc.sql("select slug from post where slug like 'import-%'").query(String.class).list(),
				List.of("import-shelf", "import-shelf-two", "import-shelf-elsewhere"),
				List.of("import-tag", "second-import-tag"), List.of("import-writer"));
	}

	/** The importer with chunks of three posts, written by two writers at once. */
	private PostImporter smallChunks() {
		return new PostImporter(this.jdbcTemplate, this.transaction, 3, 2);
	}

	private static PostBuilder post(String slug) {
		return PostBuilder.post()
			.slug(slug)
			.title("Title of " + slug)
			.category("Import Shelf")
			.author("Import Writer")
			.tags("Import Tag");
	}

	@Test
	void importingTheSameLinesTwiceChangesNothing() {
		ImportResult first = this.testPosts.add(post("import-one"), post("import-two"));
		String rowVersions = rowVersions();
		ImportResult second = this.testPosts.add(post("import-one"), post("import-two"));
		assertThat(first).extracting(ImportResult::created, ImportResult::updated, ImportResult::unchanged)
			.containsExactly(2L, 0L, 0L);
		assertThat(second).extracting(ImportResult::created, ImportResult::updated, ImportResult::unchanged)
			.containsExactly(0L, 0L, 2L);
		assertThat(this.jdbc.sql("select count(*) from post where slug like 'import-%'").query(Long.class).single())
			.isEqualTo(2);
		assertThat(rowVersions()).as("neither the posts nor their tags were written or locked again")
			.isEqualTo(rowVersions);
	}

	/** Which transaction wrote and last locked each test post and post tag, and the posts' versions. */
	private String rowVersions() {
		return this.jdbc.sql("""
				select string_agg(p.slug || ' ' || p.xmin || ' ' || p.xmax || ' ' || p.version
				                  || ' ' || pt.tag_id || ' ' || pt.xmin || ' ' || pt.xmax, ', ' order by p.slug, pt.tag_id)
				from post p join post_tag pt on pt.post_id = p.id
				where p.slug like 'import-%'""").query(String.class).single();
	}

	@Test
	void aLineWhoseOnlyChangeIsItsTagsUpdatesThePost() {
		this.testPosts.add(post("import-one"), post("import-two"));
		ImportResult result = this.testPosts.add(post("import-one").tags("Import Tag", "Second Import Tag"),
				post("import-two"));
		assertThat(result).extracting(ImportResult::created, ImportResult::updated, ImportResult::unchanged)
			.containsExactly(0L, 1L, 1L);
		assertThat(this.jdbc.sql("""
				select t.name from tag t join post_tag pt on pt.tag_id = t.id join post p on p.id = pt.post_id
				where p.slug = 'import-one' order by t.name""").query(String.class).list())
			.containsExactly("Import Tag", "Second Import Tag");
	}

	@Test
	void aFileOfManyChunksIsWrittenByTwoWritersAsOneWouldWriteIt() {
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			PostBuilder post = post("import-many-" + i).publishedAt(Instant.parse("2020-01-01T00:00:00Z")
				.plus(Duration.ofDays(13L * i)))
				.status((i % 7 == 0) ? "draft" : "published");
			lines.add(json(post));
		}
		lines.set(4, "{not json");
		lines.set(11, json(post("import-many-12").body("nul \u0000 byte")));
		lines.set(25, json(post("import-many-26").body("another nul \u0000 byte")));
		// the same slug again, several chunks later: the later line wins
		lines.set(19, json(post("import-many-2").title("The later line").publishedAt("2024-06-01T00:00:00Z")));
		ImportResult result = smallChunks().importFrom(new BufferedReader(new StringReader(String.join("\n", lines))),
				-1);
		assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(5L, 12L, 26L);
		assertThat(result.errors().get(1).message())
			.isEqualTo("the body contains an invisible NUL character (\\u0000), which no post can store; remove it and "
					+ "import the line again");
		assertThat(result).extracting(ImportResult::created, ImportResult::updated, ImportResult::unchanged,
				ImportResult::failed)
			.containsExactly(36L, 1L, 0L, 3L);
		assertThat(this.jdbc.sql("select count(*) from post where slug like 'import-many-%'").query(Long.class).single())
			.isEqualTo(36);
		assertThat(this.jdbc.sql("select title from post where slug = 'import-many-2'").query(String.class).single())
			.isEqualTo("The later line");
		assertThat(this.jdbc.sql("""
				select count(*) from post p join post_tag pt on pt.post_id = p.id where p.slug like 'import-many-%'""")
			.query(Long.class)
			.single()).isEqualTo(36);
		assertListingCountsMatchPosts("import-shelf");
		assertTagRowsCopyTheirPosts();
	}

	@Test
	void reimportedPostsRedatedOrUnpublishedKeepTheirTagsCopiesAndCountsRight() {
		this.testPosts.add(post("import-one").publishedAt("2021-03-05T10:00:00Z"),
				post("import-two").publishedAt("2021-03-06T10:00:00Z"));
		ImportResult result = this.testPosts.add(
				post("import-one").publishedAt("2022-07-01T10:00:00Z").tags("Import Tag", "Second Import Tag"),
				post("import-two").status("draft"), post("import-three").publishedAt("2021-03-07T10:00:00Z"));
		assertThat(result).extracting(ImportResult::created, ImportResult::updated).containsExactly(1L, 2L);
		assertTagRowsCopyTheirPosts();
		assertThat(this.jdbc.sql("""
				select string_agg(to_char(lc.starts_at at time zone 'UTC', 'YYYY-MM') || '=' || lc.posts, ' '
				                  order by lc.starts_at)
				from listing_count lc join tag t on t.id = lc.listing_id
				where lc.kind = 'tag' and t.slug = 'import-tag' and lc.posts > 0""").query(String.class).single())
			.as("the tag's months: import-three in March 2021, import-one moved to July 2022, import-two a draft")
			.isEqualTo("2021-03=1 2022-07=1");
	}

	/** Each tag row of the test posts has its post's date and status (V95), however it was written. */
	private void assertTagRowsCopyTheirPosts() {
		assertThat(this.jdbc.sql("""
				select count(*) from post p join post_tag pt on pt.post_id = p.id
				where p.slug like 'import-%'
				  and (pt.published_at, pt.published) is distinct from (p.published_at, p.status = 'PUBLISHED')""")
			.query(Long.class)
			.single()).as("tag rows whose copies differ from their post").isZero();
	}

	@Test
	void aNameTakenUnderAnotherSlugIsThatRowAsForEveryWriter() {
		// an editor changed the category's slug: its name still finds it (PostNames)
		long shelf = this.jdbc.sql("insert into category (slug, name) values ('import-shelf-elsewhere', 'Import Shelf Two') returning id")
			.query(Long.class)
			.single();
		ImportResult result = this.testPosts
			.importNdjson(String.join("\n", json(post("import-one")), json(post("import-two").category("Import Shelf Two"))));
		assertThat(result.created()).isEqualTo(2);
		assertThat(result.errors()).isEmpty();
		assertThat(this.jdbc.sql("select category_id from post where slug = 'import-two'").query(Long.class).single())
			.isEqualTo(shelf);
		assertThat(this.jdbc.sql("select count(*) from category where slug = 'import-shelf-two'").query(Long.class).single())
			.isZero();
	}

	/** The category's listing counts (V30) per month and per day equal its published posts. */
	private void assertListingCountsMatchPosts(String categorySlug) {
		for (String unit : List.of("month", "day")) {
			assertThat(this.jdbc.sql("""
					with counted as (
					    select lc.starts_at, lc.posts from listing_count lc join category c on c.id = lc.listing_id
					    where lc.kind = 'category' and c.slug = :category and lc.unit = :unit and lc.posts > 0),
					actual as (
					    select date_trunc(:unit, p.published_at at time zone 'UTC') at time zone 'UTC' as starts_at,
					           count(*)::integer as posts
					    from post p join category c on c.id = p.category_id
					    where c.slug = :category and p.status = 'PUBLISHED' group by 1)
					select count(*) from counted full join actual using (starts_at)
					where counted.posts is distinct from actual.posts""")
				.param("category", categorySlug)
				.param("unit", unit)
				.query(Long.class)
				.single()).as("%s rows that differ from the posts", unit).isZero();
		}
	}

	@Test
	void aChangedLineUpdatesThePostWithTheSameSlug() {
		this.testPosts.add(post("import-one"));
		ImportResult result = this.testPosts
			.add(post("import-one").title("A New Title").tags("Second Import Tag").excerpt(null));
		assertThat(result.updated()).isEqualTo(1);
		assertThat(this.jdbc.sql("select title from post where slug = 'import-one'").query(String.class).single())
			.isEqualTo("A New Title");
		assertThat(this.jdbc.sql("""
				select t.name from tag t join post_tag pt on pt.tag_id = t.id join post p on p.id = pt.post_id
				where p.slug = 'import-one'""").query(String.class).list()).containsExactly("Second Import Tag");
		assertThat(this.jdbc.sql("select summary from post where slug = 'import-one'").query(String.class).single())
			.as("without an excerpt the card shows the body's text").isEqualTo("Some Markdown body.");
	}

	@Test
	void badLinesAreReportedByNumberAndTheRestIsImported() {
		String ndjson = String.join("\n", json(post("import-one")), "{not json", json(post("import-two").title("")),
				"", json(post("import-three").publishedAt("yesterday")), json(post("import-four").category("Search")),
				json(post("import-four").slug("Not A Slug")),
				"{\"title\":\"x\",\"slug\":\"import-four\",\"colour\":\"red\"}", json(post("import-four")));
		ImportResult result = this.testPosts.importNdjson(ndjson);
		assertThat(result.created()).isEqualTo(2);
		assertThat(result.failed()).isEqualTo(6);
		assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(2L, 3L, 5L, 6L, 7L, 8L);
		assertThat(result.errors().get(1).message()).isEqualTo("the title is missing");
		assertThat(result.errors().get(2).message()).contains("“yesterday”", "ISO-8601");
		assertThat(result.errors().get(3).message()).contains("category “Search”");
		assertThat(result.errors().get(4).message()).contains("slug “Not A Slug” is not valid");
		assertThat(result.errors().get(5).message()).contains("colour");
		assertThat(this.jdbc.sql("select slug from post where slug like 'import-%' order by slug")
			.query(String.class)
			.list()).containsExactly("import-four", "import-one");
	}

	@Test
	void aLineTheDatabaseRefusesIsReportedWithoutLosingTheRestOfItsBatch() {
		ImportResult result = this.testPosts.importNdjson(String.join("\n", json(post("import-one")),
				json(post("import-two").body("nul \u0000 byte")), json(post("import-three"))));
		assertThat(result.created()).isEqualTo(2);
		assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(2L);
		assertThat(this.jdbc.sql("select slug from post where slug like 'import-%' order by slug")
			.query(String.class)
			.list()).containsExactly("import-one", "import-three");
	}

	@Test
	void theSameSlugTwiceInOneFileKeepsTheLaterLine() {
		ImportResult result = this.testPosts.importNdjson(
				String.join("\n", json(post("import-one").title("Earlier")), json(post("import-one").title("Later"))));
		assertThat(result.failed()).isZero();
		assertThat(this.jdbc.sql("select title from post where slug = 'import-one'").query(String.class).single())
			.isEqualTo("Later");
	}

	private static String json(PostBuilder post) {
		return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(post.build());
	}

}
