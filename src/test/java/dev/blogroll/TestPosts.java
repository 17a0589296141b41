package dev.blogroll;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.importer.ImportResult;
import dev.blogroll.importer.PostImporter;

/**
 * Puts test posts into the shared test database through the real importer, and takes them
 * out again, along with any categories, tags and authors the test created. A bean of every
 * {@link BlogrollTest}.
 */
public class TestPosts {

	private final PostImporter importer;

	private final JdbcClient jdbc;

	public TestPosts(PostImporter importer, JdbcClient jdbc) {
		this.importer = importer;
		this.jdbc = jdbc;
	}

	/** Imports the posts; fails the test if any line is refused. */
	public ImportResult add(PostBuilder... posts) {
		ImportResult result = importNdjson(Arrays.stream(posts)
			.map(PostBuilder::build)
			.map(JsonMapper.shared()::writeValueAsString)
			.collect(Collectors.joining("\n")));
		if (result.hasFailures()) {
			throw new AssertionError("Test posts were refused: " + result.errors());
		}
		return result;
	}

	public ImportResult importNdjson(String ndjson) {
		return this.importer.importFrom(new BufferedReader(new StringReader(ndjson)), -1);
	}

	/** Removes posts by slug, and categories, tags and authors by slug, if they exist. */
	public void remove(List<String> postSlugs, List<String> categorySlugs, List<String> tagSlugs,
			List<String> authorSlugs) {
		deleteWhereSlugIn("post", postSlugs);
		deleteWhereSlugIn("category", categorySlugs);
		deleteWhereSlugIn("tag", tagSlugs);
		deleteWhereSlugIn("author", authorSlugs);
	}

	private void deleteWhereSlugIn(String table, List<String> slugs) {
		if (!slugs.isEmpty()) {
			this.jdbc.sql("delete from " + table + " where slug in (:slugs)").param("slugs", slugs).update();
		}
	}

}
