package dev.blogroll.admin;

import java.net.http.HttpResponse;
import java.time.Clock;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access that is taken away is gone at once, for sessions already open, over real HTTP with
 * sessions in PostgreSQL: a demoted admin cannot open the accounts page or promote itself back,
 * a disabled editor's session is signed out, a password reset or change signs out the other
 * sessions. Each also holds when the change reaches the database some other way (another
 * instance, SQL), because every admin request compares the session with its account.
 */
@BlogrollTest
class AccessRevocationTests {

	private static final String PASSWORD = "revocation password";

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	private static final String SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

	@LocalServerPort
	private int port;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Clock clock;

	private EditorClient boss;

	@BeforeEach
	void createAccounts() {
		removeTestData();
		account("rev-boss", Role.ADMIN);
		this.boss = client(FIREFOX);
		assertThat(this.boss.signIn("rev-boss", PASSWORD)).isEqualTo("/admin/posts");
	}

	@AfterEach
	void removeTestData() {
		this.jdbc.sql("delete from spring_session where principal_name like 'rev-%'").update();
		this.jdbc.sql("delete from category where slug like 'rev-%'").update();
		this.jdbc.sql("delete from account where username like 'rev-%'").update();
		this.jdbc.sql("delete from login_failure").update();
	}

	@Test
	void aDemotedAdminsOpenSessionCannotOpenAccountsNorPromoteItself() {
		Account demoted = account("rev-admin", Role.ADMIN);
		EditorClient session = client(FIREFOX);
		session.signIn("rev-admin", PASSWORD);
		assertThat(session.get("/admin/accounts").statusCode()).isEqualTo(200);

		// demoted behind the application's back: the session is not deleted, only the account changes
		this.jdbc.sql("update account set role = 'EDITOR' where username = 'rev-admin'").update();
		assertThat(session.get("/admin/accounts").statusCode()).isEqualTo(403);
		HttpResponse<String> promote = session.post("/admin/posts", "/admin/accounts/" + demoted.getId() + "/role",
				"role", "ADMIN");
		assertThat(promote.statusCode()).isEqualTo(403);
		assertThat(role("rev-admin")).isEqualTo("EDITOR");
		assertThat(session.get("/admin/posts").statusCode()).as("still an editor").isEqualTo(200);
		assertThat(Jsoup.parse(session.get("/admin/posts").body()).select("a[href=/admin/accounts]")).isEmpty();
	}

	@Test
	void demotingThroughTheAdminEndsTheAccountsSessions() {
		Account demoted = account("rev-admin", Role.ADMIN);
		EditorClient session = client(FIREFOX);
		session.signIn("rev-admin", PASSWORD);
		HttpResponse<String> demote = this.boss.post("/admin/accounts",
				"/admin/accounts/" + demoted.getId() + "/role", "role", "EDITOR");
		assertThat(demote.statusCode()).isEqualTo(302);
		assertThat(signedInSessions("rev-admin")).isZero();
		HttpResponse<String> after = session.get("/admin/accounts");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValue("/admin/login");
	}

	@Test
	void aDisabledEditorsSessionIsSignedOutAndCanChangeNothing() {
		account("rev-editor", Role.EDITOR);
		EditorClient session = client(SAFARI);
		session.signIn("rev-editor", PASSWORD);
		assertThat(session.get("/admin/categories").statusCode()).isEqualTo(200);
		String csrf = session.csrf("/admin/categories");
		// disabled behind the application's back: the next request ends the session
		this.jdbc.sql("update account set enabled = false where username = 'rev-editor'").update();
		HttpResponse<String> create = session.postWithToken(csrf, "/admin/categories", "name", "Rev Category", "slug",
				"rev-category", "description", "");
		assertThat(create.statusCode()).isEqualTo(302);
		assertThat(create.headers().firstValue("Location")).hasValue("/admin/login?ended=disabled");
		assertThat(this.jdbc.sql("select count(*) from category where slug = 'rev-category'").query(Long.class).single())
			.isZero();
		assertThat(session.get("/admin/posts").headers().firstValue("Location")).hasValue("/admin/login");
		assertThat(signedInSessions("rev-editor")).isZero();
	}

	@Test
	void disablingThroughTheAdminEndsTheSessionAtOnce() {
		Account editor = account("rev-editor", Role.EDITOR);
		EditorClient session = client(SAFARI);
		session.signIn("rev-editor", PASSWORD);
		assertThat(signedInSessions("rev-editor")).isOne();
		this.boss.post("/admin/accounts", "/admin/accounts/" + editor.getId() + "/enabled", "enabled", "false", "confirm", "true");
		assertThat(signedInSessions("rev-editor")).isZero();
		HttpResponse<String> after = session.get("/admin/posts");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValue("/admin/login");
	}

	@Test
	void aPasswordResetSignsOutEverySessionOfTheAccount() {
		Account editor = account("rev-editor", Role.EDITOR);
		EditorClient laptop = client(FIREFOX);
		EditorClient phone = client(SAFARI);
		laptop.signIn("rev-editor", PASSWORD);
		phone.signIn("rev-editor", PASSWORD);
		assertThat(signedInSessions("rev-editor")).isEqualTo(2);
		HttpResponse<String> reset = this.boss.post("/admin/accounts", "/admin/accounts/" + editor.getId() + "/password",
				"password", "a brand new password");
		assertThat(reset.statusCode()).isEqualTo(302);
		assertThat(signedInSessions("rev-editor")).isZero();
		assertThat(laptop.get("/admin/posts").statusCode()).isEqualTo(302);
		assertThat(phone.get("/admin/posts").statusCode()).isEqualTo(302);
	}

	@Test
	void changingOnesPasswordSignsOutTheOtherSessionsAndKeepsThisOne() {
		account("rev-editor", Role.EDITOR);
		EditorClient laptop = client(FIREFOX);
		EditorClient phone = client(SAFARI);
		laptop.signIn("rev-editor", PASSWORD);
		phone.signIn("rev-editor", PASSWORD);
		HttpResponse<String> change = laptop.post("/admin/account/password", "/admin/account/password",
				"currentPassword", PASSWORD, "newPassword", "another long password", "repeatPassword",
				"another long password");
		assertThat(change.statusCode()).isEqualTo(302);
		assertThat(laptop.get("/admin/posts").statusCode()).as("the session that changed it").isEqualTo(200);
		assertThat(phone.get("/admin/posts").statusCode()).as("the other session").isEqualTo(302);
		assertThat(signedInSessions("rev-editor")).isOne();
	}

	@Test
	void aPasswordChangedBehindTheApplicationsBackEndsOpenSessions() {
		account("rev-editor", Role.EDITOR);
		EditorClient session = client(FIREFOX);
		session.signIn("rev-editor", PASSWORD);
		this.jdbc.sql("update account set password_hash = :hash where username = 'rev-editor'")
			.param("hash", this.passwordEncoder.encode("changed elsewhere!"))
			.update();
		HttpResponse<String> after = session.get("/admin/posts");
		assertThat(after.headers().firstValue("Location")).hasValue("/admin/login?ended=password");
		assertThat(Jsoup.parse(session.get("/admin/login?ended=password").body()).select("[role=alert]").text())
			.contains("the password was changed");
	}

	@Test
	void anAccountSeesItsSessionsAndEndsTheOthers() {
		account("rev-editor", Role.EDITOR);
		EditorClient laptop = client(FIREFOX);
		EditorClient phone = client(SAFARI);
		EditorClient tablet = client("curl/8.5.0");
		laptop.signIn("rev-editor", PASSWORD);
		phone.signIn("rev-editor", PASSWORD);
		tablet.signIn("rev-editor", PASSWORD);
		HttpResponse<String> sessions = laptop.get("/admin/account/sessions");
		Document page = Jsoup.parse(sessions.body());
		assertThat(page.select("table.sessions tbody tr")).as(sessions.statusCode() + sessions.body()).hasSize(3);
		assertThat(page.select("table.sessions tbody tr").first().text()).contains("Firefox on Linux", "127.0.0.1",
				"This session");
		assertThat(page.select("table.sessions").text()).contains("Safari on iOS", "curl");
		assertThat(page.select("td").eachText()).noneMatch((cell) -> cell.matches("[0-9a-f-]{36}"));

		String action = page.select("table.sessions tbody tr:contains(Safari) form").attr("action");
		laptop.post("/admin/account/sessions", action);
		assertThat(phone.get("/admin/posts").statusCode()).isEqualTo(302);
		assertThat(tablet.get("/admin/posts").statusCode()).isEqualTo(200);
		laptop.post("/admin/account/sessions", "/admin/account/sessions/end-others");
		assertThat(tablet.get("/admin/posts").statusCode()).isEqualTo(302);
		assertThat(laptop.get("/admin/posts").statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(laptop.get("/admin/account/sessions").body()).select("table.sessions tbody tr"))
			.hasSize(1);
	}

	@Test
	void nobodyEndsAnotherAccountsSession() {
		account("rev-editor", Role.EDITOR);
		account("rev-other", Role.EDITOR);
		EditorClient mine = client(FIREFOX);
		EditorClient theirs = client(SAFARI);
		mine.signIn("rev-editor", PASSWORD);
		theirs.signIn("rev-other", PASSWORD);
		String theirAction = Jsoup.parse(theirs.get("/admin/account/sessions").body())
			.select("table.sessions tbody tr")
			.first()
			.text();
		assertThat(theirAction).contains("This session");
		String handle = this.jdbc.sql("select session_id from spring_session where principal_name = 'rev-other'")
			.query(String.class)
			.single();
		mine.post("/admin/account/sessions", "/admin/account/sessions/" + AccountSessions.handle(handle) + "/end");
		assertThat(theirs.get("/admin/posts").statusCode()).isEqualTo(200);
	}

	private Account account(String username, Role role) {
		return this.accounts.save(
				new Account(username, this.passwordEncoder.encode(PASSWORD), role, this.clock.instant()));
	}

	private EditorClient client(String userAgent) {
		return new EditorClient(this.port, userAgent);
	}

	private String role(String username) {
		return this.jdbc.sql("select role from account where username = :name").param("name", username)
			.query(String.class)
			.single();
	}

	private long signedInSessions(String username) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = :name")
			.param("name", username)
			.query(Long.class)
			.single();
	}

}
