package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The site export, restored into a database of its own: every table editors fill comes back
 * row for row (ids, microsecond times, who wrote what, the trash, old slugs, feed sources with
 * their settings, featured tags, category descriptions), accounts without their password
 * hashes unless asked for, and nothing is written into a database that has content already.
 */
@BlogrollTest
class SiteExportTests {

	/** The tables compared row for row, each with the order its rows are read in. */
	private static final Map<String, String> CONTENT = Map.of("category", "id", "author", "id", "tag", "id",
			"feed_source", "id", "post", "id", "post_revision", "id", "post_tag", "post_id, tag_id", "post_old_slug",
			"slug", "media", "id", "media_variant", "media_id, width");

	@Autowired
	private SiteExporter exporter;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Value("${spring.datasource.url}")
	private String url;

	@Value("${spring.datasource.username}")
	private String username;

	@Value("${spring.datasource.password}")
	private String password;

	private String copyName;

	private HikariDataSource copy;

	@BeforeEach
	void makeContentOfEveryKindAndAnEmptyDatabase() {
		long engineering = this.jdbc.sql("select id from category where slug = 'engineering'").query(Long.class).single();
		this.jdbc.sql("""
				insert into feed_source (name, site_url, feed_url, category_id, default_tags, active, fetch_interval_minutes)
				values ('Site Export Source', 'https://example.com/', 'https://example.com/site-export.xml', :category,
				        'Go, Rust', false, 90)""").param("category", engineering).update();
		this.jdbc.sql("""
				insert into post (slug, title, category_id, author_id, published_at, summary, body, status, created_by,
				                  updated_by, trashed_at, trashed_by, trashed_status, created_at)
				select 'site-export-trashed', 'Trashed, with microseconds', :category, min(a.id),
				       '2021-02-03 04:05:06.123456+00', 'Gone for now.', 'Body', 'TRASHED', 'alice', 'bob',
				       '2024-01-02 03:04:05.654321+00', 'bob', 'PUBLISHED', '2020-01-01 00:00:00.000001+00'
				from author a""").param("category", engineering).update();
		// a library image the post shows: the post cannot be restored without it
		this.jdbc.sql("""
				insert into media (hash, file_name, content_type, width, height, uploaded_by, uploaded_at)
				values (repeat('e', 32), 'site-export.png', 'image/png', 2, 1, 'alice', '2024-01-02 03:04:05.5+00')""")
			.update();
		this.jdbc.sql("""
				insert into media_variant (media_id, width, height, bytes)
				select id, 2, 1, '\\x89504e470d0a1a0a00'::bytea from media where file_name = 'site-export.png'""").update();
		this.jdbc.sql("""
				update post set image_url = '/media/' || repeat('e', 32) || '-2x1.png', image_alt = 'Two pixels'
				where slug = 'site-export-trashed'""").update();
		this.jdbc.sql("""
				insert into post_old_slug (slug, post_id)
				select 'site-export-old-address', id from post where slug = 'site-export-trashed'""").update();
		this.jdbc.sql("""
				insert into account (username, password_hash, role, enabled)
				values ('site-export-editor', '{noop}not exported', 'EDITOR', false)""").update();
		this.copyName = "site_copy_" + UUID.randomUUID().toString().replace("-", "");
		this.jdbc.sql("create database " + this.copyName).update();
		this.copy = new HikariDataSource();
		this.copy.setJdbcUrl(this.url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + this.copyName));
		this.copy.setUsername(this.username);
		this.copy.setPassword(this.password);
		Flyway.configure().dataSource(this.copy).locations("classpath:db/migration").load().migrate();
		// as when Blogroll starts on a new database: its first admin is there before the import
		new JdbcTemplate(this.copy).update(
				"insert into account (username, password_hash, role) values ('admin', '{noop}first admin password', 'ADMIN')");
	}

	@AfterEach
	void removeContentAndTheCopy() {
		this.copy.close();
		this.jdbc.sql("drop database " + this.copyName + " with (force)").update();
		this.jdbc.sql("delete from post where slug = 'site-export-trashed'").update();
		this.jdbc.sql("delete from media where file_name = 'site-export.png'").update();
		this.jdbc.sql("delete from feed_source where name = 'Site Export Source'").update();
		this.jdbc.sql("delete from account where username = 'site-export-editor'").update();
	}

	@Test
	void aSiteImportedIntoAnEmptyDatabaseIsTheSiteRowForRow() {
		String export = export(true, false);
		assertThat(export.lines().findFirst().orElseThrow()).contains("\"type\": \"blogroll-site\"", "\"version\": 1");
		assertThat(export).doesNotContain("password_hash", "not exported");

		Map<String, Long> imported = importer().importFrom(new BufferedReader(new StringReader(export)));

		JdbcClient copy = JdbcClient.create(this.copy);
		for (Map.Entry<String, String> table : CONTENT.entrySet()) {
			String checksum = "select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by "
					+ table.getValue() + ")), '') from " + table.getKey() + " t";
			assertThat(copy.sql(checksum).query(String.class).single()).as(table.getKey())
				.isEqualTo(this.jdbc.sql(checksum).query(String.class).single());
		}
		assertThat(imported.get("post")).isPositive();
		assertThat(copy.sql("select description from category where slug = 'engineering'").query(String.class).single())
			.isNotBlank();
		assertThat(copy.sql("select count(*) from tag where featured_rank is not null").query(Long.class).single())
			.isPositive();
		// the listing counts were rebuilt by the triggers as the posts went in
		String counts = "select coalesce(md5(string_agg(concat_ws(',', kind, listing_id, unit, starts_at, posts), '|' "
				+ "order by kind, listing_id, unit, starts_at)), '') from listing_count where posts > 0";
		assertThat(copy.sql(counts).query(String.class).single()).isEqualTo(this.jdbc.sql(counts).query(String.class).single());
		// new ids continue after the restored ones
		long next = copy.sql("insert into author (slug, name) values ('after-restore', 'After Restore') returning id")
			.query(Long.class).single();
		assertThat(next).isGreaterThan(this.jdbc.sql("select max(id) from author").query(Long.class).single());
		// accounts: the roles and states, not the passwords; the first admin keeps hers
		assertThat(copy.sql("select role || ' ' || enabled from account where username = 'site-export-editor'")
			.query(String.class).single()).isEqualTo("EDITOR false");
		assertThat(copy.sql("select password_hash from account where username = 'site-export-editor'")
			.query(String.class).single()).doesNotContain("not exported");
		assertThat(copy.sql("select password_hash from account where username = 'admin'").query(String.class).single())
			.isEqualTo("{noop}first admin password");
	}

	@Test
	void passwordHashesTravelOnlyWhenAskedFor() {
		String export = export(true, true);
		assertThat(export).contains("\"password_hash\": \"{noop}not exported\"");
		importer().importFrom(new BufferedReader(new StringReader(export)));
		assertThat(JdbcClient.create(this.copy)
			.sql("select password_hash from account where username = 'site-export-editor'")
			.query(String.class)
			.single()).isEqualTo("{noop}not exported");
	}

	@Test
	void aDatabaseWithContentIsRefusedAndNothingIsWritten() {
		String export = export(false, false);
		new JdbcTemplate(this.copy).update("insert into category (slug, name) values ('already-here', 'Already Here')");
		assertThatExceptionOfType(SiteImporter.SiteImportException.class)
			.isThrownBy(() -> importer().importFrom(new BufferedReader(new StringReader(export))))
			.withMessageContaining("empty database")
			.withMessageContaining("category");
		assertThat(JdbcClient.create(this.copy).sql("select count(*) from post").query(Long.class).single()).isZero();
	}

	@Test
	void aFileThatIsNotASiteOrHasABrokenLineIsRefusedWholeWithTheLineNamed() {
		String export = export(false, false);
		String broken = export.lines().limit(5).reduce("", (all, line) -> all + line + "\n") + "{\"type\": \"post\", oops\n";
		assertThatExceptionOfType(SiteImporter.SiteImportException.class)
			.isThrownBy(() -> importer().importFrom(new BufferedReader(new StringReader(broken))))
			.withMessageContaining("not JSON")
			.withMessageContaining("line 6");
		String posts = "{\"title\":\"A post\",\"slug\":\"a-post\",\"category\":\"Engineering\"}\n";
		assertThatExceptionOfType(SiteImporter.SiteImportException.class)
			.isThrownBy(() -> importer().importFrom(new BufferedReader(new StringReader(posts))))
			.withMessageContaining("not a site export");
		assertThat(JdbcClient.create(this.copy).sql("select count(*) from category").query(Long.class).single()).isZero();
	}

	@Test
	void adminsDownloadTheSiteWithAccountsAndEditorsWithout() throws Exception {
		MvcResult admin = this.mvc.perform(get("/admin/export/site").with(user("ada").roles("ADMIN", "EDITOR")))
			.andReturn();
		MvcResult editor = this.mvc.perform(get("/admin/export/site").with(user("ed").roles("EDITOR"))).andReturn();
		for (MvcResult result : List.of(admin, editor)) {
			this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result));
			assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"blogroll-site-");
		}
		assertThat(admin.getResponse().getContentAsString()).contains("\"type\": \"account\"", "site-export-editor")
			.doesNotContain("password_hash");
		assertThat(editor.getResponse().getContentAsString()).contains("\"type\": \"post\"")
			.doesNotContain("\"type\": \"account\"");
	}

	private String export(boolean accounts, boolean passwordHashes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.exporter.exportTo(out, accounts, passwordHashes);
		return out.toString(StandardCharsets.UTF_8);
	}

	private SiteImporter importer() {
		return new SiteImporter(new JdbcTemplate(this.copy),
				new TransactionTemplate(new DataSourceTransactionManager(this.copy)),
				PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

}
