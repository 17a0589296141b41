package dev.blogroll.importer;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;
import dev.blogroll.importer.ImportResult.LineError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NDJSON importer against PostgreSQL: idempotent by slug, and precise about bad lines.
 */
@SpringBootTest
@Import(TestPosts.class)
class PostImporterTests {

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("import-one", "import-two", "import-three", "import-four"),
				List.of("import-shelf"), List.of("import-tag", "second-import-tag"), List.of("import-writer"));
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
		ImportResult second = this.testPosts.add(post("import-one"), post("import-two"));
		assertThat(first).extracting(ImportResult::created, ImportResult::updated, ImportResult::unchanged)
			.containsExactly(2L, 0L, 0L);
		assertThat(second).extracting(ImportResult::created, ImportResult::updated, ImportResult::unchanged)
			.containsExactly(0L, 0L, 2L);
		assertThat(this.jdbc.sql("select count(*) from post where slug like 'import-%'").query(Long.class).single())
			.isEqualTo(2);
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
