package dev.blogroll.admin;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;
import dev.blogroll.MutableSiteLocale;
import dev.blogroll.PostBuilder;
import dev.blogroll.PostFormFields;
import dev.blogroll.TestPosts;
import dev.blogroll.post.PostRules;
import dev.blogroll.text.Markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The post form's preview: the body rendered by the public page's code, for editors only, with
 * a CSRF token, bounded in size and in renders per editor, and never saving anything, with the
 * script ({@code POST /admin/posts/preview}) and without it (the form's "Preview" button).
 */
@BlogrollTest
class PreviewTests {

	private static final String BODY = """
			## Limits

			| Plugin | Phase |
			|--------|-------|
			| rate-limiting | access |

			```java
			if (a < b) { return "x"; }
			```

			<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))
			""";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private MutableSiteLocale siteLocale;

	private long id;

	@BeforeEach
	void createPost() {
		this.testPosts.add(PostBuilder.post().title("Preview Post").slug("preview-post").status("draft").body("Saved words."));
		this.id = this.jdbc.sql("select id from post where slug = 'preview-post'").query(Long.class).single();
	}

	@AfterEach
	void removePost() {
		this.testPosts.remove(List.of("preview-post", "never-saved"), List.of(), List.of(), List.of());
	}

	private MockHttpServletResponse preview(String editor, String body) throws Exception {
		return this.mvc.perform(post("/admin/posts/preview").param("body", body).with(csrf()).with(user(editor).roles("EDITOR")))
			.andReturn()
			.getResponse();
	}

	@Test
	void theScriptGetsTheBodyRenderedAsThePublicPageRendersIt() throws Exception {
		MockHttpServletResponse response = preview("preview-ada", BODY);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		String html = response.getContentAsString();
		assertThat(html).isEqualTo(Markdown.toSafeHtml(BODY));
		Element fragment = Jsoup.parseBodyFragment(html).body();
		assertThat(fragment.select("h2#section-limits")).hasSize(1);
		assertThat(fragment.select("table td").eachText()).containsExactly("rate-limiting", "access");
		assertThat(fragment.select("pre code.language-java span.tok-keyword").eachText()).containsExactly("if", "return");
		assertThat(fragment.select("script, [onerror], a[href^=javascript]")).isEmpty();
	}

	@Test
	void onlySignedInEditorsWithTheFormsTokenGetAPreview() throws Exception {
		MockHttpServletResponse anonymous = this.mvc.perform(post("/admin/posts/preview").param("body", "# Hi").with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(302);
		assertThat(anonymous.getRedirectedUrl()).contains("/admin/login").doesNotContain("kept");
		MockHttpServletResponse notAnEditor = this.mvc
			.perform(post("/admin/posts/preview").param("body", "# Hi").with(csrf()).with(user("preview-nobody").roles("READER")))
			.andReturn()
			.getResponse();
		assertThat(notAnEditor.getStatus()).isEqualTo(403);
		MockHttpServletResponse noToken = this.mvc
			.perform(post("/admin/posts/preview").param("body", "# Hi").with(user("preview-ada").roles("EDITOR")))
			.andReturn()
			.getResponse();
		assertThat(noToken.getStatus()).isNotEqualTo(200);
		assertThat(noToken.getContentAsString()).doesNotContain("section-hi");
	}

	@Test
	void aBodyOverTheLimitIsRefusedWithAMessage() throws Exception {
		assertThat(preview("preview-bob", "a".repeat(PostRules.MAX_BODY)).getStatus()).isEqualTo(200);
		MockHttpServletResponse tooLong = preview("preview-bob", "a".repeat(PostRules.MAX_BODY + 1));
		assertThat(tooLong.getStatus()).isEqualTo(413);
		assertThat(tooLong.getContentAsString()).contains("up to " + PostRules.MAX_BODY + " characters");
	}

	@Test
	void onAGermanSiteTheRefusalsAndTheWordsMarkdownAddsAreGerman() throws Exception {
		this.siteLocale.use(Locale.GERMAN);
		MockHttpServletResponse rendered = preview("preview-greta", "- [x] Erledigt\n- [ ] Offen\n\nEin Satz.[^1]\n\n[^1]: Die Anmerkung.\n");
		rendered.setCharacterEncoding("UTF-8");
		Element fragment = Jsoup.parseBodyFragment(rendered.getContentAsString()).body();
		assertThat(fragment.select("h2.footnotes-heading").text()).isEqualTo("Anmerkungen");
		assertThat(fragment.select("input[type=checkbox]").eachAttr("aria-label")).containsExactly("Aufgabe", "Aufgabe");
		assertThat(fragment.select("a.footnote-backref").attr("aria-label")).isEqualTo("Zurück zur Verweisstelle 1");

		MockHttpServletResponse tooLong = preview("preview-greta", "a".repeat(PostRules.MAX_BODY + 1));
		tooLong.setCharacterEncoding("UTF-8");
		assertThat(tooLong.getContentAsString()).isEqualTo("Die Vorschau zeigt Texte mit bis zu " + PostRules.MAX_BODY
				+ " Zeichen; dieser ist länger. Kürzen Sie ihn, auch um ihn zu speichern.");
		for (int i = 0; i < 59; i++) {
			preview("preview-greta", "render " + i);
		}
		MockHttpServletResponse refused = preview("preview-greta", "one more");
		refused.setCharacterEncoding("UTF-8");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentAsString()).startsWith("Die Vorschau wurde in der letzten Minute 60-mal erstellt; sie geht in ")
			.endsWith(" s weiter. Nichts geht verloren: Ihr Text steht im Formular.");
		this.clock.advance(Duration.ofMinutes(1));
	}

	@Test
	void oneEditorsRendersAreBoundedPerMinute() throws Exception {
		for (int i = 0; i < 60; i++) {
			assertThat(preview("preview-flood", "render " + i).getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = preview("preview-flood", "one more");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).matches("[1-9][0-9]*");
		assertThat(refused.getContentAsString()).contains("resumes in");
		assertThat(preview("preview-other", "another editor").getStatus()).as("others are not held up").isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(preview("preview-flood", "later").getStatus()).isEqualTo(200);
	}

	@Test
	void withoutTheScriptThePreviewButtonShowsTheFormAsTypedWithThePreviewAndSavesNothing() throws Exception {
		long category = this.jdbc.sql("select id from category where slug = 'engineering'").query(Long.class).single();
		long author = this.jdbc.sql("select id from author order by id limit 1").query(Long.class).single();
		Map<String, String> fields = PostFormFields.with(PostFormFields.draft(category, author), "title", "Never Saved",
				"slug", "never-saved", "body", BODY, "preview", "1");
		MockHttpServletResponse created = this.mvc.perform(PostFormFields.post("/admin/posts/new", "preview-cy", fields))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(created.getContentAsString());
		assertThat(page.select("input[name=title]").val()).isEqualTo("Never Saved");
		// jsoup reads a textarea without its last line break
		assertThat(page.select("textarea[name=body]").val()).isEqualTo(BODY.stripTrailing());
		assertThat(page.select(".preview-body table td").eachText()).containsExactly("rate-limiting", "access");
		assertThat(page.select(".preview-body span.tok-keyword")).isNotEmpty();
		assertThat(page.select(".preview-body script")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from post where slug = 'never-saved'").query(Long.class).single()).isZero();

		String version = this.jdbc.sql("select version from post where id = :id").param("id", this.id).query(String.class).single();
		fields = PostFormFields.with(fields, "title", "Preview Post", "slug", "preview-post", "version", version, "body",
				"Changed *words*.");
		MockHttpServletResponse edited = this.mvc
			.perform(PostFormFields.post("/admin/posts/" + this.id + "/edit", "preview-cy", fields))
			.andReturn()
			.getResponse();
		assertThat(edited.getStatus()).isEqualTo(200);
		Document editPage = Jsoup.parse(edited.getContentAsString());
		assertThat(editPage.select(".preview-body em").text()).isEqualTo("words");
		assertThat(editPage.select("textarea[name=body]").val()).isEqualTo("Changed *words*.");
		assertThat(editPage.select("a.view-post")).as("the edit page's own parts are there").hasSize(1);
		assertThat(this.jdbc.sql("select body from post where id = :id").param("id", this.id).query(String.class).single())
			.isEqualTo("Saved words.");
		assertThat(this.jdbc.sql("select version from post where id = :id").param("id", this.id).query(String.class).single())
			.isEqualTo(version);
	}

	@Test
	void withoutTheScriptABodyOverTheLimitKeepsTheFormAndSaysWhy() throws Exception {
		long category = this.jdbc.sql("select id from category where slug = 'engineering'").query(Long.class).single();
		long author = this.jdbc.sql("select id from author order by id limit 1").query(Long.class).single();
		Map<String, String> fields = PostFormFields.with(PostFormFields.draft(category, author), "title", "Never Saved",
				"body", "b".repeat(PostRules.MAX_BODY + 1), "preview", "1");
		MockHttpServletResponse response = this.mvc.perform(PostFormFields.post("/admin/posts/new", "preview-dee", fields))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(413);
		Document page = Jsoup.parse(response.getContentAsString());
		assertThat(page.select(".preview-status").text()).contains("up to " + PostRules.MAX_BODY + " characters");
		assertThat(page.select("input[name=title]").val()).isEqualTo("Never Saved");
		assertThat(page.select("textarea[name=body]").val()).hasSize(PostRules.MAX_BODY + 1);
	}

}
