package dev.blogroll.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Password guessing is stopped per (username, address) first, so that a stranger failing on
 * purpose cannot keep the real editor out: the editor's own address still signs in, and a
 * username is locked for everyone only at a much higher ceiling, which admins are shown, and
 * even then not for addresses the account has signed in from before. The sign-in page says who
 * is locked and for how long.
 */
@BlogrollTest
class SignInLockoutTests {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Clock clock;

	@BeforeEach
	void createEditor() {
		removeTestData();
		this.accounts.save(new Account("lock-editor", this.passwordEncoder.encode(PASSWORD), Role.EDITOR,
				this.clock.instant()));
	}

	@AfterEach
	void removeTestData() {
		this.jdbc.sql("delete from login_failure").update();
		this.jdbc.sql("delete from account where username like 'lock-%'").update();
	}

	@Test
	void failuresFromOneAddressLockThatAddressForTheUsernameAndSaySo() throws Exception {
		for (int attempt = 1; attempt <= LoginThrottle.FREE_FAILURES; attempt++) {
			assertThat(signIn("lock-editor", "wrong", "192.0.2.1").getResponse().getRedirectedUrl())
				.isEqualTo("/admin/login?error");
		}
		MvcResult locked = signIn("lock-editor", PASSWORD, "192.0.2.1");
		assertThat(locked.getResponse().getRedirectedUrl()).as("even the right password waits")
			.isEqualTo("/admin/login?locked");
		String page = this.mvc.perform(get("/admin/login").param("locked", "").cookie(locked.getResponse().getCookies()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("[role=alert]").text()).contains(
				"Too many failed sign-ins for “lock-editor” from your address (192.0.2.1)",
				"Try again in about 1 minute.");

		assertThat(signIn("lock-editor", PASSWORD, "198.51.100.7").getResponse().getRedirectedUrl())
			.as("the real editor, elsewhere, is not locked out")
			.isEqualTo("/admin/posts");
	}

	@Test
	void oneAddressTryingManyUsernamesIsLockedAtItsCeiling() throws Exception {
		for (int attempt = 1; attempt <= LoginThrottle.ADDRESS_CEILING; attempt++) {
			signIn("lock-nobody-" + attempt, "x", "203.0.113.66");
		}
		assertThat(signIn("lock-editor", PASSWORD, "203.0.113.66").getResponse().getRedirectedUrl())
			.isEqualTo("/admin/login?locked");
		assertThat(signIn("lock-editor", PASSWORD, "203.0.113.67").getResponse().getRedirectedUrl())
			.isEqualTo("/admin/posts");
	}

	@Test
	void aUsernameIsLockedForEveryoneOnlyAtItsCeilingAndNotForAddressesItSignedInFrom() throws Exception {
		assertThat(signIn("lock-editor", PASSWORD, "192.0.2.10").getResponse().getRedirectedUrl())
			.isEqualTo("/admin/posts");
		for (int attempt = 1; attempt < LoginThrottle.USER_CEILING; attempt++) {
			signIn("lock-editor", "wrong", "198.51.100." + attempt);
		}
		assertThat(signIn("lock-editor", PASSWORD, "203.0.113.1").getResponse().getRedirectedUrl())
			.as("below the ceiling a new address signs in")
			.isEqualTo("/admin/posts");
		signIn("lock-editor", "wrong", "198.51.100.250");
		signIn("lock-editor", "wrong", "198.51.100.251");

		MvcResult locked = signIn("lock-editor", PASSWORD, "203.0.113.2");
		assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/admin/login?locked");
		String page = this.mvc.perform(get("/admin/login").param("locked", "").cookie(locked.getResponse().getCookies()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("[role=alert]").text())
			.contains("Sign-ins for “lock-editor” are paused for about 15 minutes", "The admins have been alerted");

		assertThat(signIn("lock-editor", PASSWORD, "192.0.2.10").getResponse().getRedirectedUrl())
			.as("an address the account signed in from before still signs in")
			.isEqualTo("/admin/posts");

		String adminPage = this.mvc.perform(get("/admin/posts").with(user("lock-admin").roles("ADMIN", "EDITOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(adminPage).select("[role=alert]").text())
			.contains("Sign-ins for “lock-editor” are paused", "failed attempts in the last hour");
		String editorPage = this.mvc.perform(get("/admin/posts").with(user("lock-other").roles("EDITOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(editorPage).select("[role=alert]").text()).doesNotContain("paused");
	}

	@Test
	void failuresAreForgottenAfterAnHourAndTheirRowsDeleted() throws Exception {
		this.jdbc.sql("insert into login_failure (throttle_key, failures, last_failure) values ('user:lock-old', 3, :at)")
			.param("at", Timestamp.from(this.clock.instant().minus(Duration.ofHours(2))))
			.update();
		signIn("lock-editor", "wrong", "192.0.2.99");
		assertThat(this.jdbc.sql("select count(*) from login_failure where throttle_key = 'user:lock-old'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anIpv6ClientCountsAsItsNetwork() throws Exception {
		for (int attempt = 1; attempt <= LoginThrottle.FREE_FAILURES; attempt++) {
			signIn("lock-editor", "wrong", "2001:db8:1:2:0:0:0:" + attempt);
		}
		assertThat(signIn("lock-editor", PASSWORD, "2001:db8:1:2:ffff:0:0:9").getResponse().getRedirectedUrl())
			.isEqualTo("/admin/login?locked");
		assertThat(signIn("lock-editor", PASSWORD, "2001:db8:1:3:0:0:0:1").getResponse().getRedirectedUrl())
			.isEqualTo("/admin/posts");
	}

	private MvcResult signIn(String username, String password, String address) throws Exception {
		return this.mvc.perform(post("/admin/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			})).andReturn();
	}

}
