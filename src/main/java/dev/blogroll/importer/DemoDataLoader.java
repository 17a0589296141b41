package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.database.StartedEmbeddedDatabase;
import dev.blogroll.text.Slugs;

/**
 * Loads the demo site ({@code db/demo/}) into an empty database at start-up: the categories
 * and tag strip from {@code taxonomy.json}, then the posts from {@code posts.ndjson} through
 * the ordinary {@link PostImporter}. It runs when {@code blogroll.demo-data} is true, or when
 * it is unset and Blogroll runs on its embedded database; a database that has posts is left
 * alone, so editors' work is never overwritten.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private static final Resource TAXONOMY = new ClassPathResource("db/demo/taxonomy.json");

	private static final Resource POSTS = new ClassPathResource("db/demo/posts.ndjson");

	private final boolean enabled;

	private final JdbcClient jdbc;

	private final PostImporter importer;

	DemoDataLoader(BlogrollProperties properties, ObjectProvider<StartedEmbeddedDatabase> embedded, JdbcClient jdbc,
			PostImporter importer) {
		Boolean demoData = properties.demoData();
		this.enabled = (demoData != null) ? demoData : embedded.getIfAvailable() != null;
		this.jdbc = jdbc;
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.enabled) {
			return;
		}
		if (this.jdbc.sql("select exists (select 1 from post)").query(Boolean.class).single()) {
			log.info("The database already has posts; the demo data is not loaded");
			return;
		}
		loadTaxonomy();
		try (InputStream in = POSTS.getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			ImportResult result = this.importer.importFrom(reader, POSTS.contentLength());
			log.info("Demo data loaded: {}", result);
			result.errors().forEach((error) -> log.warn("Demo data {}", error));
		}
	}

	private void loadTaxonomy() throws IOException {
		Taxonomy taxonomy;
		try (InputStream in = TAXONOMY.getInputStream()) {
			taxonomy = JsonMapper.shared().readValue(in, Taxonomy.class);
		}
		// by name: the navigation shows categories in the order they were created (V60) until an
		// editor reorders them, and the demo's navigation is the reference's, alphabetical
		List<Taxonomy.CategoryEntry> categories = taxonomy.categories()
			.stream()
			.sorted(Comparator.comparing(Taxonomy.CategoryEntry::name))
			.toList();
		for (Taxonomy.CategoryEntry category : categories) {
			this.jdbc.sql("""
					insert into category (slug, name, description) values (:slug, :name, :description)
					on conflict (slug) do update set description = excluded.description""")
				.param("slug", category.slug())
				.param("name", category.name())
				.param("description", category.description())
				.update();
		}
		int rank = 1;
		for (String tag : taxonomy.featuredTags()) {
			this.jdbc.sql("""
					insert into tag (slug, name, featured_rank) values (:slug, :name, :rank)
					on conflict (slug) do update set featured_rank = excluded.featured_rank""")
				.param("slug", Slugs.slugify(tag))
				.param("name", tag)
				.param("rank", rank++)
				.update();
		}
	}

	/** The shape of {@code taxonomy.json}. */
	record Taxonomy(List<CategoryEntry> categories, List<String> featuredTags) {

		record CategoryEntry(String name, String slug, String description) {
		}

	}

}
