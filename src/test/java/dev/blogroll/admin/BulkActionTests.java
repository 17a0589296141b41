package dev.blogroll.admin;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableSiteLocale;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Bulk actions on the posts ticked in the table: each says how many posts it changed, and its
 * "Undo" puts back exactly what it changed, no more.
 */
@BlogrollTest
class BulkActionTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private MutableSiteLocale siteLocale;

	private long draft;

	private long published;

	@BeforeEach
	void createPosts() {
		this.testPosts.add(PostBuilder.post().title("Bulk Draft").slug("bulk-draft").status("draft").tags("Bulk Old"),
				PostBuilder.post().title("Bulk Published").slug("bulk-published").tags("Bulk Old"));
		this.draft = id("bulk-draft");
		this.published = id("bulk-published");
	}

	@AfterEach
	void removePosts() {
		this.testPosts.remove(List.of("bulk-draft", "bulk-published"), List.of(), List.of("bulk-old", "bulk-new"),
				List.of());
	}

	private long id(String slug) {
		return this.jdbc.sql("select id from post where slug = :slug").param("slug", slug).query(Long.class).single();
	}

	private String column(String column, long id) {
		return this.jdbc.sql("select " + column + " from post where id = :id").param("id", id).query(String.class)
			.single();
	}

	private MvcResult bulk(String action, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post("/admin/posts/bulk").param("action", action)
			.param("ids", String.valueOf(this.draft), String.valueOf(this.published))
			.with(csrf())
			.with(user("bulky").roles("EDITOR"));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request).andReturn();
	}

	private void undo(MvcResult done) throws Exception {
		// what the page's Undo form sends: the action and its changes, from the flash attribute
		Object undo = done.getFlashMap().get("bulkUndo");
		java.lang.reflect.Method actionOf = undo.getClass().getDeclaredMethod("action");
		java.lang.reflect.Method changesOf = undo.getClass().getDeclaredMethod("changes");
		actionOf.setAccessible(true);
		changesOf.setAccessible(true);
		String action = (String) actionOf.invoke(undo);
		@SuppressWarnings("unchecked")
		List<String> changes = (List<String>) changesOf.invoke(undo);
		MvcResult undone = this.mvc.perform(post("/admin/posts/bulk/undo").param("action", action)
			.param("changes", changes.toArray(String[]::new))
			.with(csrf())
			.with(user("bulky").roles("EDITOR"))).andReturn();
		assertThat(undone.getFlashMap().get("message")).isEqualTo("Undone: " + changes.size()
				+ (changes.size() == 1 ? " post" : " posts") + " changed back.");
	}

	@Test
	void publishCountsWhatChangedAndUndoPutsBackOnlyThat() throws Exception {
		String version = column("version", this.draft);
		MvcResult done = bulk("publish");
		assertThat(done.getFlashMap().get("message")).isEqualTo("Published 1 post (of 2 ticked).");
		assertThat(column("status", this.draft)).isEqualTo("PUBLISHED");
		assertThat(column("version", this.draft)).as("an open form of it gets the conflict page").isNotEqualTo(version);
		undo(done);
		assertThat(column("status", this.draft)).isEqualTo("DRAFT");
		assertThat(column("status", this.published)).as("it was published before").isEqualTo("PUBLISHED");
	}

	@Test
	void moveTagAndTrashAreUndoneExactly() throws Exception {
		String before = column("category_id", this.draft);
		long news = this.jdbc.sql("select id from category where slug = 'news'").query(Long.class).single();
		MvcResult moved = bulk("move", "categoryId", String.valueOf(news));
		assertThat(moved.getFlashMap().get("message")).isEqualTo("Moved to another category: 2 posts (of 2 ticked).");
		assertThat(column("category_id", this.draft)).isEqualTo(String.valueOf(news));
		undo(moved);
		assertThat(column("category_id", this.draft)).isEqualTo(before);

		MvcResult tagged = bulk("tag", "tag", "Bulk New");
		assertThat(tagged.getFlashMap().get("message")).isEqualTo("Tagged “Bulk New”: 2 posts (of 2 ticked).");
		assertThat(tags(this.draft)).containsExactlyInAnyOrder("bulk-old", "bulk-new");
		undo(tagged);
		assertThat(tags(this.draft)).containsExactly("bulk-old");

		MvcResult trashed = bulk("trash");
		assertThat(trashed.getFlashMap().get("message")).isEqualTo("Moved to the trash: 2 posts (of 2 ticked).");
		assertThat(column("status", this.published)).isEqualTo("TRASHED");
		undo(trashed);
		assertThat(column("status", this.published)).isEqualTo("PUBLISHED");
		assertThat(column("status", this.draft)).isEqualTo("DRAFT");

		assertThat(bulk("move").getFlashMap().get("error")).isEqualTo("Choose the category to move the posts to.");
		assertThat(bulk("nonsense").getFlashMap().get("error")).isEqualTo("Choose what to do with the ticked posts.");
	}

	@Test
	void everyBulkWriteTrashAndRestoreKeepsARevisionOfEachPostItChangedSayingWhatKind() throws Exception {
		long news = this.jdbc.sql("select id from category where slug = 'news'").query(Long.class).single();
		String newsName = this.jdbc.sql("select name from category where id = :id").param("id", news)
			.query(String.class).single();
		undo(bulk("publish"));
		undo(bulk("move", "categoryId", String.valueOf(news)));
		undo(bulk("tag", "tag", "Bulk New"));
		undo(bulk("trash"));

		// the note names what the write did it with; the list words it in the site's language
		assertThat(revisions(this.draft)).containsExactly("publish bulky ", "undo bulky publish",
				"move bulky " + newsName, "undo bulky move", "tag bulky Bulk New",
				"undo bulky tag", "trash bulky ", "restore bulky ");
		assertThat(revisions(this.published)).as("publishing a published post changed nothing").containsExactly(
				"move bulky " + newsName, "undo bulky move", "tag bulky Bulk New",
				"undo bulky tag", "trash bulky ", "restore bulky ");
		assertThat(this.jdbc.sql("""
				select count(*) from post_revision r join post p on p.id = r.post_id
				where r.post_id = :id and r.kind = 'trash' and r.version = p.version - 1
				and r.fields like '%status=TRASHED%'""").param("id", this.draft).query(Long.class).single())
			.as("the trash's revision is the post as trashed, at the version it made").isOne();

		org.jsoup.nodes.Document edit = org.jsoup.Jsoup.parse(this.mvc.perform(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/posts/" + this.draft + "/edit")
					.with(user("bulky").roles("EDITOR")))
			.andReturn().getResponse().getContentAsString());
		assertThat(edit.select(".revisions tbody tr td.revision-kind").eachText()).containsExactly(
				"Restored from the trash", "Moved to the trash", "Undone: of “tag” in bulk", "Tagged in bulk: “Bulk New” added",
				"Undone: of “move” in bulk", "Moved in bulk: to " + newsName, "Undone: of “publish” in bulk",
				"Published in bulk");
		assertThat(edit.select(".revisions tbody tr").get(2).select("td").eachText()).contains("bulky", "Tags");
	}

	@Test
	void theRevisionListAndTheTagRulesAreGermanOnAGermanSite() throws Exception {
		this.siteLocale.use(Locale.GERMAN);
		long news = this.jdbc.sql("select id from category where slug = 'news'").query(Long.class).single();
		String newsName = this.jdbc.sql("select name from category where id = :id").param("id", news)
			.query(String.class).single();
		assertThat(bulk("tag", "tag", "---").getFlashMap().get("error"))
			.isEqualTo("Das Schlagwort „---“ braucht einen Buchstaben oder eine Ziffer.");
		bulk("publish");
		bulk("move", "categoryId", String.valueOf(news));
		bulk("tag", "tag", "Bulk New");

		org.jsoup.nodes.Document edit = org.jsoup.Jsoup.parse(this.mvc.perform(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/posts/" + this.draft + "/edit")
					.with(user("bulky").roles("EDITOR")))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(edit.select(".revisions tbody tr td.revision-kind").eachText()).containsSubsequence(
				"Per Sammelaktion verschlagwortet: „Bulk New“ hinzugefügt", "Per Sammelaktion verschoben: nach " + newsName,
				"Per Sammelaktion veröffentlicht");
	}

	/** The post's revisions, oldest first: kind, who, note. */
	private List<String> revisions(long post) {
		return this.jdbc.sql("select kind || ' ' || saved_by || ' ' || note from post_revision where post_id = :id order by id")
			.param("id", post).query(String.class).list();
	}

	private List<String> tags(long post) {
		return this.jdbc.sql("select t.slug from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id = :id")
			.param("id", post).query(String.class).list();
	}

}
