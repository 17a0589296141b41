package dev.blogroll.admin;

import java.util.Locale;
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
import dev.blogroll.MutableSiteLocale;
import dev.blogroll.PostFormFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The conflict page: it says when the other save was the same editor in another tab, shows the
 * other save's value of each field that differs, and lets the editor take theirs or keep mine
 * per field; nothing the other save did is reverted unless the editor chose to.
 */
@BlogrollTest
class ConflictMergeTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableSiteLocale siteLocale;

	private Map<String, String> fields() {
		return PostFormFields.with(PostFormFields.draft(
				this.jdbc.sql("select id from category where slug = 'engineering'").query(String.class).single(),
				this.jdbc.sql("select id from author where slug = 'marco-palladino'").query(String.class).single()),
				"title", "Conflict Merge Post", "slug", "conflict-merge-post", "body", "The body.");
	}

	private long id;

	private String version;

	@BeforeEach
	void createPost() throws Exception {
		save("/admin/posts/new", "tess", fields());
		this.id = this.jdbc.sql("select id from post where slug = 'conflict-merge-post'").query(Long.class).single();
		this.version = column("version");
	}

	@AfterEach
	void removePost() {
		this.jdbc.sql("delete from post where slug like 'conflict-merge-%'").update();
	}

	private MvcResult save(String path, String username, Map<String, String> fields, String... theirs) throws Exception {
		MockHttpServletRequestBuilder request = post(path).with(csrf()).with(user(username).roles("EDITOR"));
		fields.forEach(request::param);
		for (String field : theirs) {
			request.param("theirs", field);
		}
		return this.mvc.perform(request).andReturn();
	}

	private String column(String name) {
		return this.jdbc.sql("select " + name + " from post where id = :id").param("id", this.id).query(String.class)
			.single();
	}

	@Test
	void theConflictPageIsGermanOnAGermanSite() throws Exception {
		this.siteLocale.use(Locale.GERMAN);
		Map<String, String> otherTab = fields();
		otherTab.put("version", this.version);
		otherTab.put("title", "Conflict Merge Post, Their Title");
		otherTab.put("body", "Their body.");
		save("/admin/posts/" + this.id + "/edit", "tess", otherTab);

		Map<String, String> thisTab = fields();
		thisTab.put("version", this.version);
		thisTab.put("excerpt", "My excerpt.");
		thisTab.put("body", "My body.");
		MvcResult conflict = save("/admin/posts/" + this.id + "/edit", "tess", thisTab);
		conflict.getResponse().setCharacterEncoding("UTF-8");
		Document page = Jsoup.parse(conflict.getResponse().getContentAsString());
		assertThat(page.select(".conflict-field .conflict-label").eachText()).containsExactly("Titel", "Auszug",
				"Text");
		assertThat(page.select(".conflict-field input[type=radio][checked]").eachAttr("name"))
			.as("the choices' names stay the same in every language")
			.containsExactly("pick:Title", "pick:Excerpt", "pick:Body");
		assertThat(page.select(".conflict-why").eachText()).containsExactly(
				"Nur die andere Speicherung hat dies geändert: Deren Fassung bleibt, wenn Sie nicht Ihre wählen.",
				"Nur Sie haben dies geändert.",
				"Sie haben beide dieselben Zeilen geändert: Die Zusammenführung unten behält alles andere und markiert 1 Stelle zum Auflösen.");

		thisTab.put("version", page.select("#version").val());
		thisTab.put("pick:Body", "merged");
		thisTab.put("mergedBody", page.select("#merged-body").text());
		MvcResult marked = save("/admin/posts/" + this.id + "/edit", "tess", thisTab);
		marked.getResponse().setCharacterEncoding("UTF-8");
		assertThat(Jsoup.parse(marked.getResponse().getContentAsString()).select(".field-error").text())
			.contains("Der zusammengeführte Text hat noch Konfliktmarkierungen (<<<<<<< yours … >>>>>>> theirs)");
	}

	@Test
	void theSameEditorInAnotherTabIsToldSoAndMergesFieldByField() throws Exception {
		Map<String, String> otherTab = fields();
		otherTab.put("version", this.version);
		otherTab.put("title", "Conflict Merge Post, Their Title");
		otherTab.put("body", "Their body.");
		save("/admin/posts/" + this.id + "/edit", "tess", otherTab);

		Map<String, String> thisTab = fields();
		thisTab.put("version", this.version);
		thisTab.put("excerpt", "My excerpt.");
		thisTab.put("body", "My body.");
		MvcResult conflict = save("/admin/posts/" + this.id + "/edit", "tess", thisTab);
		assertThat(conflict.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(conflict.getResponse().getContentAsString());
		assertThat(page.select(".flash-warning").text()).contains("You saved this post in another tab or window")
			.doesNotContain("Someone else");
		assertThat(page.select(".conflict-field .conflict-label").eachText()).containsExactly("Title", "Excerpt", "Body");
		assertThat(page.select(".conflict-field input[type=radio]").eachAttr("form")).containsOnly("post-form");
		assertThat(page.select(".conflict-field input[type=radio][checked]").eachAttr("name"))
			.containsExactly("pick:Title", "pick:Excerpt", "pick:Body");
		assertThat(page.select(".conflict-field input[type=radio][checked]").eachAttr("value"))
			.as("only they changed the title: theirs unless I choose mine; only I the excerpt; both the body")
			.containsExactly("theirs", "mine", "merged");
		assertThat(page.select(".conflict-field").get(0).select(".conflict-why").text()).startsWith("Only the other save");
		assertThat(page.select(".conflict-theirs pre").stream().map(org.jsoup.nodes.Element::text).toList())
			.containsExactly("Conflict Merge Post, Their Title", "", "Their body.");
		assertThat(page.select(".conflict-mine pre").eachText()).containsExactly("Conflict Merge Post", "My excerpt.", "My body.");
		assertThat(page.select(".conflict-list pre.their-body").text()).isEqualTo("Their body.");
		assertThat(page.select("#merged-body").text())
			.isEqualTo("<<<<<<< yours\nMy body.\n=======\nTheir body.\n>>>>>>> theirs");
		assertThat(page.select("#excerpt").text()).as("mine, in the form").isEqualTo("My excerpt.");
		assertThat(column("title")).as("nothing reverted").isEqualTo("Conflict Merge Post, Their Title");

		thisTab.put("version", page.select("#version").val());
		thisTab.put("pick:Title", "theirs");
		thisTab.put("pick:Excerpt", "mine");
		thisTab.put("pick:Body", "merged");
		thisTab.put("mergedBody", page.select("#merged-body").text());
		MvcResult marked = save("/admin/posts/" + this.id + "/edit", "tess", thisTab);
		assertThat(marked.getResponse().getStatus()).as("markers left: not saved").isEqualTo(200);
		Document again = Jsoup.parse(marked.getResponse().getContentAsString());
		assertThat(again.select("#body-error, .field-error").text()).contains("still has conflict markers");
		assertThat(again.select("#body").text()).as("the merge is kept in the form").contains("<<<<<<< yours");
		assertThat(column("body")).isEqualTo("Their body.");

		thisTab.put("mergedBody", "x".repeat(dev.blogroll.post.PostRules.MAX_BODY + 1));
		MvcResult huge = save("/admin/posts/" + this.id + "/edit", "tess", thisTab);
		assertThat(huge.getResponse().getStatus()).as("a merge over the body's limit: not saved").isEqualTo(200);
		assertThat(Jsoup.parse(huge.getResponse().getContentAsString()).select(".field-error").text())
			.contains("The body is longer than");
		assertThat(column("body")).isEqualTo("Their body.");

		thisTab.put("mergedBody", "My body.\r\nTheir body.");
		assertThat(save("/admin/posts/" + this.id + "/edit", "tess", thisTab).getResponse().getStatus()).isEqualTo(302);
		assertThat(column("title")).as("theirs, taken").isEqualTo("Conflict Merge Post, Their Title");
		assertThat(column("excerpt")).as("mine, kept").isEqualTo("My excerpt.");
		assertThat(column("body").replace("\r", "")).as("merged within the field").isEqualTo("My body.\nTheir body.");
	}

	@Test
	void changesToDifferentLinesOfTheBodyMergeWithoutMarkersAndTheOldTakeTheirsStillWorks() throws Exception {
		Map<String, String> start = fields();
		start.put("version", this.version);
		start.put("body", "One.\n\nTwo.\n\nThree.");
		save("/admin/posts/" + this.id + "/edit", "tess", start);
		String started = column("version");
		Map<String, String> theirs = fields();
		theirs.put("version", started);
		theirs.put("body", "One, theirs.\n\nTwo.\n\nThree.");
		save("/admin/posts/" + this.id + "/edit", "uma", theirs);
		Map<String, String> mine = fields();
		mine.put("version", started);
		mine.put("body", "One.\r\n\r\nTwo.\r\n\r\nThree, mine.");
		Document page = Jsoup.parse(save("/admin/posts/" + this.id + "/edit", "tess", mine).getResponse().getContentAsString());
		assertThat(page.select("#merged-body").text()).isEqualTo("One, theirs.\n\nTwo.\n\nThree, mine.");
		assertThat(page.select(".conflict-field .conflict-why").text()).contains("in different places");

		mine.put("version", page.select("#version").val());
		mine.put("pick:Body", "merged");
		mine.put("mergedBody", page.select("#merged-body").text());
		save("/admin/posts/" + this.id + "/edit", "tess", mine);
		assertThat(column("body").replace("\r", "")).isEqualTo("One, theirs.\n\nTwo.\n\nThree, mine.");
	}

	@Test
	void anotherEditorsSaveIsNamed() throws Exception {
		Map<String, String> theirs = fields();
		theirs.put("version", this.version);
		theirs.put("title", "Conflict Merge Post, Uma's");
		save("/admin/posts/" + this.id + "/edit", "uma", theirs);
		Map<String, String> mine = fields();
		mine.put("version", this.version);
		mine.put("body", "Mine.");
		Document page = Jsoup.parse(save("/admin/posts/" + this.id + "/edit", "tess", mine).getResponse()
			.getContentAsString());
		assertThat(page.select(".flash-warning").text()).contains("Someone else saved this post", "uma");
	}

}
