package dev.blogroll.admin;

import java.time.Instant;
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
import dev.blogroll.MutableClock;
import dev.blogroll.PostFormFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Editors writing, scheduling, editing, trashing and restoring posts through the forms, and
 * what readers see as a result. Time is the test clock, which the tests move.
 */
@BlogrollTest
class PostAdminTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	private long engineering;

	private long anAuthor;

	@BeforeEach
	void findReferenceData() {
		this.engineering = this.jdbc.sql("select id from category where slug = 'engineering'").query(Long.class).single();
		this.anAuthor = this.jdbc.sql("select id from author where slug = 'marco-palladino'").query(Long.class).single();
	}

	@AfterEach
	void removeTestPosts() {
		this.jdbc.sql("delete from post where slug like 'admin-test-%'").update();
		this.jdbc.sql("delete from author where slug = 'admin-test-writer'").update();
		this.jdbc.sql("delete from tag where slug like 'admin-test-%'").update();
	}

	/** The post form as a browser sends it: a valid post, with some fields changed. */
	private MockHttpServletRequestBuilder form(String path, String... changes) {
		Map<String, String> fields = PostFormFields.with(PostFormFields.draft(this.engineering, this.anAuthor),
				"title", "Admin Test Post", "slug", "admin-test-post", "tags",
				"Admin Test Tag, API Gateway", "publishedAt", "2020-06-01T10:00", "status", "PUBLISHED", "body",
				"## Hello\n\nA body written in the admin.", "imageAlt", "An admin test image");
		return PostFormFields.post(path, "alice", PostFormFields.with(fields, changes));
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user("alice").roles("EDITOR"))).andReturn().getResponse()
			.getContentAsString());
	}

	private int status(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	private long createPost(String... fields) throws Exception {
		MvcResult result = this.mvc.perform(form("/admin/posts/new", fields)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		return this.jdbc.sql("select id from post where slug = 'admin-test-post'").query(Long.class).single();
	}

	@Test
	void aNewPostIsSavedWithWhoAndWhenAndShowsOnItsCategoryPage() throws Exception {
		long id = createPost("publishedAt", "2030-01-01T09:00");
		this.clock.set(Instant.parse("2030-01-01T10:00:00Z"));
		assertThat(this.jdbc.sql("select created_by || ' ' || updated_by from post where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("alice alice");
		Document category = page("/blog/engineering");
		assertThat(category.select("article.card .card-title a").first().attr("href"))
			.isEqualTo("/blog/engineering/admin-test-post");
		assertThat(status("/blog/engineering/admin-test-post")).isEqualTo(200);
		assertThat(page("/admin/posts").select("table td").eachText()).contains("Admin Test Post", "Published");
	}

	@Test
	void aPublishedPostDatedLaterAppearsByItselfWhenItsTimeComes() throws Exception {
		this.clock.set(Instant.parse("2030-01-01T08:00:00Z"));
		createPost("publishedAt", "2030-01-01T09:00");
		assertThat(status("/blog/engineering/admin-test-post")).isEqualTo(404);
		assertThat(page("/blog/engineering").select("a[href=/blog/engineering/admin-test-post]")).isEmpty();
		assertThat(page("/admin/posts").select("table td").eachText()).contains("Scheduled");
		this.clock.set(Instant.parse("2030-01-01T09:00:00Z"));
		assertThat(status("/blog/engineering/admin-test-post")).isEqualTo(200);
		assertThat(page("/blog/engineering").select("a[href=/blog/engineering/admin-test-post]")).isNotEmpty();
	}

	@Test
	void aFormWithErrorsComesBackWithTheInputAndWritesNothing() throws Exception {
		MvcResult result = this.mvc
			.perform(form("/admin/posts/new", "title", "", "slug", "Bad Slug!", "imageUrl", "javascript:alert(1)",
					"publishedAt", "not a date", "body", "My unsaved words"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document form = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(form.select("#title-error").text()).isEqualTo("Enter a title.");
		assertThat(form.select("#slug-error").text()).contains("lower-case letters");
		assertThat(form.select("#imageUrl-error").text()).contains("http://");
		assertThat(form.select("#publishedAt-error").text()).isNotBlank();
		assertThat(form.select("textarea#body").text()).isEqualTo("My unsaved words");
		assertThat(form.select("input#slug").val()).isEqualTo("Bad Slug!");
		assertThat(this.jdbc.sql("select count(*) from post where slug like 'admin-test-%' or body = 'My unsaved words'")
			.query(Long.class).single()).isZero();
	}

	@Test
	void aTakenSlugIsRefusedNamingThePostThatHasIt() throws Exception {
		MvcResult result = this.mvc.perform(form("/admin/posts/new", "slug", "kong-gateway-tutorial")).andReturn();
		assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select("#slug-error").text())
			.isEqualTo("The post “Kong Gateway Tutorial: Running With a GUI in <15 Minutes” already uses this slug.");
	}

	@Test
	void aReservedSlugIsRefused() throws Exception {
		MvcResult result = this.mvc.perform(form("/admin/posts/new", "slug", "page")).andReturn();
		assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select("#slug-error").text())
			.contains("reserved");
	}

	@Test
	void theSecondOfTwoConcurrentSavesIsRefusedAndShowsWhatChanged() throws Exception {
		long id = createPost();
		String edit = "/admin/posts/" + id + "/edit";
		// both editors opened version 0; the first one (bob) saves
		assertThat(this.mvc.perform(form(edit, "title", "Admin Test Post, First Edit").with(user("bob").roles("EDITOR")))
			.andReturn().getResponse()
			.getStatus()).isEqualTo(302);
		MvcResult second = this.mvc.perform(form(edit, "title", "Admin Test Post, Second Edit", "body", "Mine"))
			.andReturn();
		assertThat(second.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(second.getResponse().getContentAsString());
		assertThat(page.select("[role=alert]").text()).contains("Someone else saved this post", "bob");
		assertThat(page.select(".conflict-list .conflict-label").eachText()).contains("Title", "Body");
		assertThat(page.select(".conflict-list .conflict-theirs pre").eachText()).contains("Admin Test Post, First Edit");
		assertThat(page.select("input#title").val()).isEqualTo("Admin Test Post, Second Edit");
		assertThat(this.jdbc.sql("select title from post where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("Admin Test Post, First Edit");
	}

	@Test
	void changingTheSlugOrCategoryKeepsOldUrlsAsPermanentRedirects() throws Exception {
		long id = createPost();
		long news = this.jdbc.sql("select id from category where slug = 'news'").query(Long.class).single();
		this.mvc.perform(form("/admin/posts/" + id + "/edit", "slug", "admin-test-renamed", "categoryId",
				String.valueOf(news)));
		MvcResult old = this.mvc.perform(get("/blog/engineering/admin-test-post")).andReturn();
		assertThat(old.getResponse().getStatus()).isEqualTo(301);
		assertThat(old.getResponse().getRedirectedUrl()).isEqualTo("/blog/news/admin-test-renamed");
		MvcResult oldCategory = this.mvc.perform(get("/blog/engineering/admin-test-renamed")).andReturn();
		assertThat(oldCategory.getResponse().getRedirectedUrl()).isEqualTo("/blog/news/admin-test-renamed");
		assertThat(status("/blog/news/admin-test-renamed")).isEqualTo(200);
	}

	@Test
	void aTrashedPostIsGoneUntilRestoredAndEmptyingTheTrashNeedsConfirmation() throws Exception {
		long id = createPost();
		this.mvc.perform(post("/admin/posts/" + id + "/trash").param("confirm", "true").with(csrf()).with(user("bob").roles("EDITOR")));
		MvcResult gone = this.mvc.perform(get("/blog/engineering/admin-test-post")).andReturn();
		assertThat(gone.getResponse().getStatus()).isEqualTo(410);
		assertThat(page("/admin/posts?status=trash").select("table td").eachText()).contains("Admin Test Post");

		this.mvc.perform(post("/admin/posts/" + id + "/restore").with(csrf()).with(user("bob").roles("EDITOR")));
		assertThat(status("/blog/engineering/admin-test-post")).isEqualTo(200);

		this.mvc.perform(post("/admin/posts/" + id + "/trash").param("confirm", "true").with(csrf()).with(user("bob").roles("EDITOR")));
		MvcResult unconfirmed = this.mvc
			.perform(post("/admin/posts/trash/empty").with(csrf()).with(user("bob").roles("EDITOR"))).andReturn();
		assertThat(unconfirmed.getResponse().getRedirectedUrl()).isEqualTo("/admin/posts/trash/empty");
		assertThat(this.jdbc.sql("select count(*) from post where id = :id").param("id", id).query(Long.class).single())
			.isOne();
		this.mvc.perform(post("/admin/posts/trash/empty").param("confirm", "true").with(csrf())
			.with(user("bob").roles("EDITOR")));
		assertThat(this.jdbc.sql("select count(*) from post where id = :id").param("id", id).query(Long.class).single())
			.isZero();
	}

	@Test
	void previewShowsADraftToEditorsOnlyAndIsNotIndexed() throws Exception {
		long id = createPost("status", "DRAFT");
		assertThat(status("/blog/engineering/admin-test-post")).isEqualTo(404);
		Document preview = page("/admin/posts/" + id + "/preview");
		assertThat(preview.select("h1").text()).isEqualTo("Admin Test Post");
		assertThat(preview.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
		assertThat(this.mvc.perform(get("/admin/posts/" + id + "/preview")).andReturn().getResponse().getStatus())
			.isEqualTo(302);
	}

	@Test
	void theTableFiltersAndPagesWithoutLosingTheFilter() throws Exception {
		Document drafts = page("/admin/posts?status=published&q=kong");
		assertThat(drafts.select("table tbody tr")).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.select("td.post-card-title").text().toLowerCase()).contains("kong"));
		Document all = page("/admin/posts?status=published");
		assertThat(all.select("nav[aria-label=Pagination] a[rel=next]").attr("href"))
			.isEqualTo("/admin/posts?status=published&page=2");
		assertThat(this.mvc.perform(get("/admin/posts?page=0").with(user("alice").roles("EDITOR"))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

}
