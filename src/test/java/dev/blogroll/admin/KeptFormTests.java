package dev.blogroll.admin;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never lose work: a form sent after the editor's session ended (signed out in another tab,
 * the idle timeout) or with a stale CSRF token (signed in again in another tab) gets the
 * sign-in page, its input kept for that browser, and after signing in the form comes back with
 * the input, ready to save. What is kept is bounded (bytes per browser, forms per address,
 * bytes in all, a lifetime) and never a password or another site's form.
 */
@BlogrollTest
class KeptFormTests {

	private static final String PASSWORD = "a kept editor's password";

	@LocalServerPort
	private int port;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private KeptForms keptForms;

	private String engineering;

	private String anAuthor;

	@BeforeEach
	void createEditor() {
		this.accounts.save(new Account("kept-editor", this.passwordEncoder.encode(PASSWORD), Role.EDITOR,
				this.clock.instant()));
		this.accounts.save(new Account("kept-other", this.passwordEncoder.encode(PASSWORD), Role.EDITOR,
				this.clock.instant()));
		this.engineering = this.jdbc.sql("select id from category where slug = 'engineering'").query(String.class).single();
		this.anAuthor = this.jdbc.sql("select id from author where slug = 'marco-palladino'").query(String.class).single();
	}

	@AfterEach
	void removeTestData() {
		this.jdbc.sql("delete from post where slug like 'kept-form-%'").update();
		this.jdbc.sql("delete from category where slug like 'kept-form-%'").update();
		this.jdbc.sql("delete from kept_form").update();
		this.jdbc.sql("delete from kept_browser").update();
		this.jdbc.sql("delete from account where username in ('kept-editor', 'kept-other')").update();
	}

	private String[] postFields(String title, String body) {
		return new String[] { "title", title, "slug", "", "categoryId", this.engineering, "tags", "Kept, Forms",
				"authorId", this.anAuthor, "newAuthor", "", "publishedAt", "2026-11-30T09:07", "status", "DRAFT",
				"excerpt", "", "body", body, "imageUrl", "", "imageAlt", "", "sourceUrl", "", "version", "0" };
	}

	private long posts(String slug) {
		return this.jdbc.sql("select count(*) from post where slug = :slug").param("slug", slug).query(Long.class).single();
	}

	@Test
	void aPostSentAfterSigningOutInAnotherTabComesBackAfterSignInAndSaves() {
		EditorClient browser = new EditorClient(this.port, "Firefox on Linux");
		assertThat(browser.signIn("kept-editor", PASSWORD)).endsWith("/admin/posts");
		String token = browser.csrf("/admin/posts/new");
		browser.post("/admin/posts", "/admin/logout"); // the other tab signs out

		HttpResponse<String> sent = browser.postWithToken(token, "/admin/posts/new",
				postFields("Kept Form Draft", "Typed for an hour.\n\nNot a word lost."));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?kept");
		assertThat(posts("kept-form-draft")).as("nothing saved while signed out").isZero();
		Document signIn = Jsoup.parse(browser.get("/admin/login?kept").body());
		assertThat(signIn.select("[role=alert]").text()).contains("has not been saved yet", "sign in and the form comes back");

		assertThat(browser.signIn("kept-editor", PASSWORD)).endsWith("/admin/kept");
		assertThat(browser.get("/admin/kept").headers().firstValue("Location").orElseThrow()).endsWith("/admin/posts/new");
		Document form = Jsoup.parse(browser.get("/admin/posts/new").body());
		assertThat(form.select("#title").val()).isEqualTo("Kept Form Draft");
		assertThat(form.select("#body").text()).isEqualTo("Typed for an hour.\n\nNot a word lost.");
		assertThat(form.select("#tags").val()).isEqualTo("Kept, Forms");
		assertThat(form.select("[role=alert]").text()).contains("Restored what you sent at", "not been saved yet");

		HttpResponse<String> saved = browser.post("/admin/posts/new", "/admin/posts/new",
				postFields(form.select("#title").val(), form.select("#body").text()));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(posts("kept-form-draft")).isOne();
		assertThat(Jsoup.parse(browser.get("/admin/posts/new").body()).select("#title").val())
			.as("taken once: a new form is blank again").isEmpty();
	}

	@Test
	void aStaleTokenAfterSigningInAgainInAnotherTabBringsTheFormBackWithoutSigningIn() {
		EditorClient browser = new EditorClient(this.port, "Firefox on Linux");
		browser.signIn("kept-editor", PASSWORD);
		String staleToken = browser.csrf("/admin/posts/new");
		browser.post("/admin/posts", "/admin/logout");
		browser.signIn("kept-editor", PASSWORD); // the other tab signs in again: a new token

		HttpResponse<String> sent = browser.postWithToken(staleToken, "/admin/posts/new",
				postFields("Kept Form Stale Token", "Body"));
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/admin/kept");
		assertThat(browser.get("/admin/kept").headers().firstValue("Location").orElseThrow()).endsWith("/admin/posts/new");
		assertThat(Jsoup.parse(browser.get("/admin/posts/new").body()).select("#title").val())
			.isEqualTo("Kept Form Stale Token");
	}

	@Test
	void aFormSentBySessionPastItsMaximumAgeIsKeptToo() {
		EditorClient browser = new EditorClient(this.port, "Firefox on Linux");
		browser.signIn("kept-editor", PASSWORD);
		String token = browser.csrf("/admin/posts/new");
		this.clock.advance(Duration.ofHours(13)); // blogroll.sessions.max-age is 12 hours

		HttpResponse<String> sent = browser.postWithToken(token, "/admin/posts/new",
				postFields("Kept Form Long Day", "Written over a long day."));
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?ended=expired&kept");
		assertThat(browser.signIn("kept-editor", PASSWORD)).endsWith("/admin/kept");
		browser.get("/admin/kept");
		assertThat(Jsoup.parse(browser.get("/admin/posts/new").body()).select("#body").text())
			.isEqualTo("Written over a long day.");
	}

	@Test
	void anyOtherAdminFormComesBackAsAFormThatSendsItAgain() {
		EditorClient browser = new EditorClient(this.port, "Firefox on Linux");
		browser.signIn("kept-editor", PASSWORD);
		String token = browser.csrf("/admin/categories");
		browser.post("/admin/posts", "/admin/logout");
		browser.postWithToken(token, "/admin/categories", "name", "Kept Form Category", "slug", "kept-form-category",
				"description", "Kept while signed out");

		assertThat(browser.signIn("kept-editor", PASSWORD)).endsWith("/admin/kept");
		Document page = Jsoup.parse(browser.get("/admin/kept").body());
		assertThat(page.select("form.kept-form").attr("action")).isEqualTo("/admin/categories");
		assertThat(page.select("form.kept-form input[name=name]").val()).isEqualTo("Kept Form Category");
		assertThat(page.select("form.kept-form input[name=_csrf]").val()).as("a fresh token").isNotEmpty();

		HttpResponse<String> sentAgain = browser.postWithToken(page.select("form.kept-form input[name=_csrf]").val(),
				"/admin/categories", "name", "Kept Form Category", "slug", "kept-form-category", "description",
				"Kept while signed out");
		assertThat(sentAgain.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("select count(*) from category where slug = 'kept-form-category'")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aFormTooLargeToKeepAnotherSitesFormAndExpiredFormsAreNotKept() {
		EditorClient browser = new EditorClient(this.port, "Firefox on Linux");
		String token = browser.csrf("/admin/login");
		HttpResponse<String> large = browser.postWithToken(token, "/admin/posts/new",
				postFields("Kept Form Large", "x".repeat(KeptForms.MAX_BYTES_PER_BROWSER + 1)));
		assertThat(large.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?notKept=large");
		assertThat(Jsoup.parse(browser.get("/admin/login?notKept=large").body()).select("[role=alert]").text())
			.contains("too large to keep");

		HttpResponse<String> forged = browser.postFrom("cross-site", "forged", "/admin/posts/new",
				postFields("Kept Form Forged", "From another site"));
		assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?notKept");
		assertThat(this.jdbc.sql("select count(*) from kept_form").query(Long.class).single()).isZero();

		browser.signIn("kept-editor", PASSWORD);
		String fresh = browser.csrf("/admin/posts/new");
		browser.post("/admin/posts", "/admin/logout");
		assertThat(browser.postWithToken(fresh, "/admin/posts/new", postFields("Kept Form Expired", "Old"))
			.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?kept");
		this.clock.advance(KeptForms.LIFETIME.plus(Duration.ofMinutes(1)));
		assertThat(browser.signIn("kept-editor", PASSWORD)).as("nothing kept after a day").endsWith("/admin/posts");
	}

	@Test
	void aKeptFormComesBackOnlyToTheAccountThatSentItNeverToTheNextOneOnTheSameBrowser() {
		EditorClient browser = new EditorClient(this.port, "Firefox on a shared laptop");
		browser.signIn("kept-editor", PASSWORD);
		String token = browser.csrf("/admin/posts/new");
		browser.post("/admin/posts", "/admin/logout");
		browser.postWithToken(token, "/admin/posts/new", postFields("Kept Form Private", "Not for anyone else."));

		assertThat(browser.signIn("kept-other", PASSWORD)).as("another account: straight to the posts")
			.endsWith("/admin/posts");
		assertThat(browser.get("/admin/kept").headers().firstValue("Location").orElseThrow()).endsWith("/admin/posts");
		Document blank = Jsoup.parse(browser.get("/admin/posts/new").body());
		assertThat(blank.select("#title").val()).isEmpty();
		assertThat(blank.text()).doesNotContain("Not for anyone else", "Restored what you sent");
		assertThat(this.jdbc.sql("select account from kept_form").query(String.class).list())
			.as("still kept for its owner").containsExactly("kept-editor");

		String otherToken = browser.csrf("/admin/posts/new");
		browser.post("/admin/posts", "/admin/logout");
		browser.postWithToken(otherToken, "/admin/posts/new", postFields("Kept Form Other", "The other's own."));
		assertThat(browser.signIn("kept-editor", PASSWORD)).endsWith("/admin/kept");
		browser.get("/admin/kept");
		Document mine = Jsoup.parse(browser.get("/admin/posts/new").body());
		assertThat(mine.select("#title").val()).isEqualTo("Kept Form Private");
		assertThat(mine.select("#body").text()).isEqualTo("Not for anyone else.");
		assertThat(this.jdbc.sql("select account from kept_form").query(String.class).list())
			.as("the other account's form stays theirs").containsExactly("kept-other");
	}

	@Test
	void aFormFromABrowserNoAccountSignedInOnIsNotKept() {
		EditorClient browser = new EditorClient(this.port, "Firefox on Linux");
		String token = browser.csrf("/admin/login");
		HttpResponse<String> sent = browser.postWithToken(token, "/admin/posts/new", postFields("Kept Form Nobody", "x"));
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?notKept");
		assertThat(this.jdbc.sql("select count(*) from kept_form").query(Long.class).single()).isZero();
	}

	@Test
	void severalKeptFormsAreListedAndEachComesBack() {
		EditorClient browser = new EditorClient(this.port, "Firefox on Linux");
		browser.signIn("kept-editor", PASSWORD);
		String postToken = browser.csrf("/admin/posts/new");
		String categoryToken = browser.csrf("/admin/categories");
		browser.post("/admin/posts", "/admin/logout");
		browser.postWithToken(postToken, "/admin/posts/new", postFields("Kept Form First", "First body."));
		this.clock.advance(Duration.ofMinutes(1));
		browser.postWithToken(categoryToken, "/admin/categories", "name", "Kept Form Second", "slug",
				"kept-form-second", "description", "");

		assertThat(browser.signIn("kept-editor", PASSWORD)).endsWith("/admin/kept");
		Document list = Jsoup.parse(browser.get("/admin/kept").body());
		assertThat(list.select("[role=alert]").text()).contains("2 forms you sent while signed out");
		assertThat(list.select(".kept-list a").eachText()).containsExactly("Kept Form Second", "Kept Form First");
		assertThat(list.select(".kept-list a").eachAttr("href")).containsExactly("/admin/kept?form=%2Fadmin%2Fcategories",
				"/admin/posts/new");

		Document category = Jsoup.parse(browser.get("/admin/kept?form=%2Fadmin%2Fcategories").body());
		assertThat(category.select("form.kept-form input[name=name]").val()).isEqualTo("Kept Form Second");
		assertThat(category.select("[role=alert] a").text()).isEqualTo("1 more unsaved form is kept for you");
		assertThat(Jsoup.parse(browser.get("/admin/posts/new").body()).select("#title").val())
			.isEqualTo("Kept Form First");
		assertThat(this.jdbc.sql("select count(*) from kept_form").query(Long.class).single()).isZero();
	}

	@Test
	void keptFormsAreBoundedInCountPerBrowser() {
		EditorClient browser = new EditorClient(this.port, "Firefox on Linux");
		browser.signIn("kept-editor", PASSWORD);
		String token = browser.csrf("/admin/categories");
		browser.post("/admin/posts", "/admin/logout");
		for (int i = 0; i < KeptForms.MAX_FORMS_PER_BROWSER + 4; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			browser.postWithToken(token, "/admin/categories/" + i + "/edit", "name", "Kept Form " + i);
		}
		assertThat(this.jdbc.sql("select count(*) from kept_form").query(Long.class).single())
			.isEqualTo(KeptForms.MAX_FORMS_PER_BROWSER);
	}

	@Test
	void aSignInPageLeftOpenPastItsSessionAsksToSignInAgain() {
		EditorClient browser = new EditorClient(this.port, "Firefox on Linux");
		HttpResponse<String> sent = browser.postWithToken("expired", "/admin/login", "username", "kept-editor",
				"password", PASSWORD);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?stale");
		assertThat(this.jdbc.sql("select count(*) from kept_form").query(Long.class).single())
			.as("a password is never kept").isZero();
	}

	@Test
	void keptFormsAreBoundedPerAddressAndInAll() {
		for (int i = 0; i < KeptForms.MAX_FORMS_PER_ADDRESS + 3; i++) {
			keep("203.0.113.1", "/admin/posts/new", "x".repeat(100));
		}
		assertThat(this.jdbc.sql("select count(*) from kept_form where address = '203.0.113.1'")
			.query(Long.class)
			.single()).isEqualTo(KeptForms.MAX_FORMS_PER_ADDRESS);

		String nearlyAMegabyte = "x".repeat(KeptForms.MAX_BYTES_PER_BROWSER - 100);
		int browsers = (int) (KeptForms.MAX_BYTES_IN_ALL / KeptForms.MAX_BYTES_PER_BROWSER) + 4;
		for (int i = 0; i < browsers; i++) {
			keep("198.51.100." + i, "/admin/posts/new", nearlyAMegabyte);
		}
		long total = this.jdbc.sql("select sum(bytes) from kept_form").query(Long.class).single();
		assertThat(total).isLessThanOrEqualTo(KeptForms.MAX_BYTES_IN_ALL);
		assertThat(this.jdbc.sql("select count(*) from kept_form where address = :last")
			.param("last", "198.51.100." + (browsers - 1))
			.query(Long.class)
			.single()).as("the newest is kept, the oldest went").isOne();
		assertThat(this.jdbc.sql("select count(*) from kept_form where address = '203.0.113.1'")
			.query(Long.class)
			.single()).isZero();
	}

	private void keep(String address, String action, String body) {
		MockHttpServletRequest signIn = new MockHttpServletRequest("POST", "/admin/login");
		MockHttpServletResponse signedIn = new MockHttpServletResponse();
		this.keptForms.signedIn(signIn, signedIn, "kept-editor");
		MockHttpServletRequest request = new MockHttpServletRequest("POST", action);
		request.setCookies(signedIn.getCookie(KeptForms.COOKIE));
		request.setRemoteAddr(address);
		request.setContentType("application/x-www-form-urlencoded");
		request.addParameter("title", "Bounded");
		request.addParameter("body", body);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.keptForms.keep(request, new MockHttpServletResponse())).isEqualTo(KeptForms.Outcome.KEPT);
	}

}
