package dev.blogroll.admin;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostFormFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every save keeps a revision (who, when, what changed) in PostgreSQL; the edit page lists them,
 * two are compared field by field and the body line by line, and restoring one is a new save.
 */
@BlogrollTest
class RevisionTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private final Map<String, String> fields = new LinkedHashMap<>();

	@BeforeEach
	void startForm() {
		this.fields.putAll(PostFormFields.with(PostFormFields.draft(
				this.jdbc.sql("select id from category where slug = 'engineering'").query(String.class).single(),
				this.jdbc.sql("select id from author where slug = 'marco-palladino'").query(String.class).single()),
				"title", "Revision Test Post", "slug", "revision-test-post", "body", "First line.\nSecond line."));
	}

	@AfterEach
	void removePost() {
		this.jdbc.sql("delete from post where slug like 'revision-test-%'").update();
	}

	private MvcResult save(String path, String username) throws Exception {
		MockHttpServletRequestBuilder request = post(path).with(csrf()).with(user(username).roles("EDITOR"));
		this.fields.forEach(request::param);
		return this.mvc.perform(request).andReturn();
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(URI.create(path)).with(user("rita").roles("EDITOR")))
			.andReturn().getResponse().getContentAsString());
	}

	private String current(String column, long id) {
		return this.jdbc.sql("select " + column + " from post where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void savesAreKeptComparedAndRestoredAsANewSave() throws Exception {
		save("/admin/posts/new", "rita");
		long id = this.jdbc.sql("select id from post where slug = 'revision-test-post'").query(Long.class).single();
		this.fields.put("version", current("version", id));
		this.fields.put("title", "Revision Test Post, Retitled");
		this.fields.put("body", "First line.\nSecond line, rewritten.\nThird line.");
		save("/admin/posts/" + id + "/edit", "sam");

		Document edit = page("/admin/posts/" + id + "/edit");
		assertThat(edit.select(".revisions tbody tr")).hasSize(2);
		assertThat(edit.select(".revisions tbody tr").get(0).select("td").eachText()).contains("sam", "Title, Body");
		assertThat(edit.select(".revisions tbody tr").get(1).select("td").eachText()).contains("rita", "Created");
		String newer = edit.select(".revisions tbody tr").get(0).select("input[name=newer]").val();
		String older = edit.select(".revisions tbody tr").get(1).select("input[name=older]").val();

		Document compare = page("/admin/posts/" + id + "/revisions/compare?older=" + older + "&newer=" + newer);
		assertThat(compare.select(".revision-fields tbody tr th").eachText()).containsExactly("Title");
		assertThat(compare.select(".revision-fields tbody tr td").eachText())
			.containsExactly("Revision Test Post", "Revision Test Post, Retitled");
		assertThat(compare.select(".body-diff span").eachText()).containsExactly("First line.", "- Second line.",
				"+ Second line, rewritten.", "+ Third line.");

		Document restoring = page("/admin/posts/" + id + "/revisions/" + older + "/restore");
		assertThat(restoring.select("#title").val()).isEqualTo("Revision Test Post");
		assertThat(restoring.select("#version").val()).as("over the current version").isEqualTo(current("version", id));
		assertThat(restoring.select("[role=alert]").text()).contains("Loaded the revision saved by rita");
		assertThat(current("title", id)).as("nothing changed until saved").isEqualTo("Revision Test Post, Retitled");

		this.fields.put("version", restoring.select("#version").val());
		this.fields.put("title", restoring.select("#title").val());
		assertThat(restoring.selectFirst("#body").wholeText()).isEqualToNormalizingNewlines("First line.\nSecond line.");
		this.fields.put("body", restoring.selectFirst("#body").wholeText());
		assertThat(save("/admin/posts/" + id + "/edit", "rita").getResponse().getStatus()).isEqualTo(302);
		assertThat(current("title", id)).isEqualTo("Revision Test Post");
		assertThat(this.jdbc.sql("select count(*) from post_revision where post_id = :id").param("id", id)
			.query(Long.class).single()).as("a restore is a new save").isEqualTo(3);
		assertThat(this.mvc.perform(get("/admin/posts/" + id + "/revisions/999999999/restore")
			.with(user("rita").roles("EDITOR"))).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

}
