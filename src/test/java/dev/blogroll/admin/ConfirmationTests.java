package dev.blogroll.admin;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What destroys or takes away (trash, delete a category, tag, author or feed source, disable
 * an account, one's own too) asks first on a page of its own, with no JavaScript: the button
 * leads there, and only the form on that page does it. Trashing can be undone from the message.
 */
@BlogrollTest
class ConfirmationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@LocalServerPort
	private int port;

	private static final String PASSWORD = "a confirming editor's password";

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("confirm-post"), List.of(), List.of("confirm-unused"), List.of());
		this.jdbc.sql("delete from account where username like 'confirm-%'").update();
	}

	private MvcResult perform(MockHttpServletRequestBuilder request, String... roles) throws Exception {
		return this.mvc.perform(request.with(csrf()).with(user("confirm-boss").roles(roles))).andReturn();
	}

	private Document confirmationPage(String redirect, String... roles) throws Exception {
		assertThat(redirect).startsWith("/admin/confirm?action=");
		return Jsoup.parse(perform(get(URI.create(redirect)), roles).getResponse().getContentAsString());
	}

	@Test
	void deletingATagAsksOnAPageOfItsOwnAndOnlyThatPageDeletesIt() throws Exception {
		long tag = this.jdbc.sql("insert into tag (name, slug) values ('Confirm Unused', 'confirm-unused') returning id")
			.query(Long.class)
			.single();
		MvcResult unconfirmed = perform(post("/admin/tags/" + tag + "/delete"), "EDITOR");
		assertThat(unconfirmed.getResponse().getStatus()).isEqualTo(302);
		assertThat(tags("confirm-unused")).as("nothing deleted yet").isOne();

		Document page = confirmationPage(unconfirmed.getResponse().getRedirectedUrl(), "EDITOR");
		assertThat(page.select("h1").text()).isEqualTo("Delete the tag “Confirm Unused”?");
		assertThat(page.select("main p").text()).contains("cannot be undone");
		assertThat(page.select("form.confirm-form").attr("action")).isEqualTo("/admin/tags/" + tag + "/delete");
		assertThat(page.select("form.confirm-form input[name=confirm]").val()).isEqualTo("true");
		assertThat(page.select("form.confirm-form a").attr("href")).isEqualTo("/admin/tags");
		// confirming needs no JavaScript: the only script is the theme button's, on every page
		assertThat(page.select("script:not([src^=/js/theme-])")).isEmpty();

		perform(post("/admin/tags/" + tag + "/delete").param("confirm", "true"), "EDITOR");
		assertThat(tags("confirm-unused")).isZero();
	}

	@Test
	void everyDestructiveActionOfTheAdminAsksFirst() throws Exception {
		long category = this.jdbc.sql("select id from category where slug = 'engineering'").query(Long.class).single();
		long author = this.jdbc.sql("select id from author order by id limit 1").query(Long.class).single();
		for (String action : List.of("/admin/categories/" + category + "/delete", "/admin/authors/" + author + "/delete")) {
			MvcResult unconfirmed = perform(post(action), "EDITOR");
			Document page = confirmationPage(unconfirmed.getResponse().getRedirectedUrl(), "EDITOR");
			assertThat(page.select("h1").text()).as(action).startsWith("Delete the ");
			assertThat(page.select("form.confirm-form").attr("action")).as(action).isEqualTo(action);
		}
		assertThat(this.jdbc.sql("select count(*) from category where id = :id").param("id", category)
			.query(Long.class).single()).isOne();
		assertThat(perform(get("/admin/confirm?action=/admin/tags/999999999/delete"), "EDITOR").getResponse().getStatus())
			.as("nothing to confirm").isEqualTo(404);
		assertThat(perform(get("/admin/confirm?action=/admin/posts"), "EDITOR").getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void disablingAnAccountAsksFirstAndSaysWhenItIsYourOwn() throws Exception {
		Account own = this.accounts.save(new Account("confirm-boss", "{noop}x", Role.ADMIN, this.clock.instant()));
		Account other = this.accounts.save(new Account("confirm-other", "{noop}x", Role.EDITOR, this.clock.instant()));
		MvcResult enabling = perform(post("/admin/accounts/" + other.getId() + "/enabled").param("enabled", "true"),
				"ADMIN", "EDITOR");
		assertThat(enabling.getResponse().getRedirectedUrl()).as("enabling takes nothing away").doesNotContain("confirm");

		MvcResult unconfirmed = perform(post("/admin/accounts/" + other.getId() + "/enabled").param("enabled", "false"),
				"ADMIN", "EDITOR");
		Document page = confirmationPage(unconfirmed.getResponse().getRedirectedUrl(), "ADMIN", "EDITOR");
		assertThat(page.select("h1").text()).isEqualTo("Disable the account “confirm-other”?");
		assertThat(page.select("form.confirm-form input[name=enabled]").val()).isEqualTo("false");
		assertThat(enabled("confirm-other")).isTrue();

		MvcResult ownUnconfirmed = perform(post("/admin/accounts/" + own.getId() + "/enabled").param("enabled", "false"),
				"ADMIN", "EDITOR");
		Document ownPage = confirmationPage(ownUnconfirmed.getResponse().getRedirectedUrl(), "ADMIN", "EDITOR");
		assertThat(ownPage.select("main p").text()).contains("This is your own account");

		assertThat(perform(get(URI.create(unconfirmed.getResponse().getRedirectedUrl())), "EDITOR").getResponse().getStatus())
			.as("an editor may not even ask").isEqualTo(403);
	}

	@Test
	void trashingAsksFirstAndCanBeUndoneFromTheMessage() throws Exception {
		this.testPosts.add(PostBuilder.post().title("Confirm Post").slug("confirm-post"));
		long id = this.jdbc.sql("select id from post where slug = 'confirm-post'").query(Long.class).single();
		MvcResult unconfirmed = perform(post("/admin/posts/" + id + "/trash"), "EDITOR");
		Document page = confirmationPage(unconfirmed.getResponse().getRedirectedUrl(), "EDITOR");
		assertThat(page.select("h1").text()).isEqualTo("Move “Confirm Post” to the trash?");
		assertThat(status(id)).isEqualTo("PUBLISHED");

		this.accounts.save(new Account("confirm-trasher", this.passwordEncoder.encode(PASSWORD), Role.EDITOR,
				this.clock.instant()));
		EditorClient browser = new EditorClient(this.port, "Firefox on Linux");
		browser.signIn("confirm-trasher", PASSWORD);
		HttpResponse<String> trashed = browser.post(unconfirmed.getResponse().getRedirectedUrl(),
				"/admin/posts/" + id + "/trash", "confirm", "true");
		assertThat(trashed.headers().firstValue("Location").orElseThrow()).endsWith("/admin/posts");
		assertThat(status(id)).isEqualTo("TRASHED");
		Document list = Jsoup.parse(browser.get("/admin/posts").body());
		assertThat(list.select("[role=status]").text()).contains("Moved “Confirm Post” to the trash");
		Element undo = list.selectFirst("form.flash-undo");
		assertThat(undo.attr("action")).isEqualTo("/admin/posts/" + id + "/restore");

		HttpResponse<String> undone = browser.postWithToken(undo.select("input[name=_csrf]").val(), undo.attr("action"),
				"undo", undo.select("input[name=undo]").val());
		assertThat(undone.headers().firstValue("Location").orElseThrow()).endsWith("/admin/posts");
		assertThat(status(id)).isEqualTo("PUBLISHED");
		assertThat(Jsoup.parse(browser.get("/admin/posts").body()).select("[role=status]").text())
			.isEqualTo("Restored “Confirm Post”.");
	}

	private long tags(String slug) {
		return this.jdbc.sql("select count(*) from tag where slug = :slug").param("slug", slug).query(Long.class).single();
	}

	private boolean enabled(String username) {
		return this.jdbc.sql("select enabled from account where username = :u").param("u", username)
			.query(Boolean.class).single();
	}

	private String status(long id) {
		return this.jdbc.sql("select status from post where id = :id").param("id", id).query(String.class).single();
	}

}
