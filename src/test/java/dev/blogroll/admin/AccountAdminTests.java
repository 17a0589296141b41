package dev.blogroll.admin;

import java.time.Clock;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Admins manage accounts; everyone changes their own password; passwords are stored hashed.
 */
@BlogrollTest
class AccountAdminTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private Clock clock;

	@AfterEach
	void removeAccounts() {
		this.jdbc.sql("delete from account where username like 'acct-%'").update();
	}

	private MvcResult asAdmin(String path, String... params) throws Exception {
		var request = post(path).with(csrf()).with(user("acct-admin").roles("ADMIN", "EDITOR"));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request).andReturn();
	}

	@Test
	void anAdminCreatesAnEditorWhosePasswordIsStoredHashed() throws Exception {
		MvcResult result = asAdmin("/admin/accounts", "username", "acct-dave", "password", "twelve chars ok",
				"role", "EDITOR");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts");
		Account dave = this.accounts.findByUsername("acct-dave").orElseThrow();
		assertThat(dave.getRole()).isEqualTo(Role.EDITOR);
		assertThat(dave.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("twelve chars ok");
	}

	@Test
	void aShortPasswordOrBadUsernameIsRefusedNextToItsField() throws Exception {
		MvcResult result = asAdmin("/admin/accounts", "username", "Acct Dave", "password", "short", "role", "EDITOR");
		var page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#username-error").text()).contains("lower-case letters");
		assertThat(page.select("#password-error").text()).isEqualTo("Use at least 12 characters.");
		assertThat(this.accounts.findByUsername("Acct Dave")).isEmpty();
	}

	@Test
	void passwordsLongerThanBcryptReadsAreRefusedWithAMessageInEveryForm() throws Exception {
		String tooLong = "é".repeat(37); // 37 characters, 74 bytes
		assertThat(tooLong.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(74);
		String longest = "a".repeat(72);

		MvcResult created = asAdmin("/admin/accounts", "username", "acct-long", "password", tooLong, "role", "EDITOR");
		assertThat(created.getResponse().getStatus()).isEqualTo(200);
		assertThat(Jsoup.parse(created.getResponse().getContentAsString()).select("#password-error").text())
			.startsWith("Use at most 72 bytes");
		assertThat(this.accounts.findByUsername("acct-long")).isEmpty();
		assertThat(asAdmin("/admin/accounts", "username", "acct-long", "password", "x".repeat(200), "role", "EDITOR")
			.getResponse()
			.getStatus()).isEqualTo(200);
		asAdmin("/admin/accounts", "username", "acct-long", "password", longest, "role", "EDITOR");
		Account account = this.accounts.findByUsername("acct-long").orElseThrow();
		assertThat(this.passwordEncoder.matches(longest, account.getPasswordHash())).isTrue();

		MvcResult reset = asAdmin("/admin/accounts/" + account.getId() + "/password", "password", tooLong);
		assertThat(reset.getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts");
		assertThat(reset.getFlashMap().get("error").toString()).contains("was not set", "at most 72 bytes");

		MvcResult changed = this.mvc.perform(post("/admin/account/password").with(csrf())
			.with(user("acct-long").roles("EDITOR"))
			.param("currentPassword", longest)
			.param("newPassword", "🔑".repeat(19))
			.param("repeatPassword", "🔑".repeat(19))).andReturn();
		assertThat(changed.getResponse().getStatus()).isEqualTo(200);
		assertThat(Jsoup.parse(changed.getResponse().getContentAsString()).select("#newPassword-error").text())
			.startsWith("Use at most 72 bytes");
		assertThat(this.passwordEncoder.matches(longest,
				this.accounts.findByUsername("acct-long").orElseThrow().getPasswordHash())).isTrue();
	}

	@Test
	void aNewPasswordMustDifferFromTheCurrentOne() throws Exception {
		Account gus = this.accounts.save(new Account("acct-gus", this.passwordEncoder.encode("gus's old password"),
				Role.EDITOR, this.clock.instant()));
		MvcResult same = this.mvc.perform(post("/admin/account/password").with(csrf())
			.with(user("acct-gus").roles("EDITOR"))
			.param("currentPassword", "gus's old password")
			.param("newPassword", "gus's old password")
			.param("repeatPassword", "gus's old password")).andReturn();
		assertThat(Jsoup.parse(same.getResponse().getContentAsString()).select("#newPassword-error").text())
			.isEqualTo("Choose a password different from your current one.");
		MvcResult reset = asAdmin("/admin/accounts/" + gus.getId() + "/password", "password", "gus's old password");
		assertThat(reset.getFlashMap().get("error").toString()).contains("different from the current one");
	}

	@Test
	void rolesChangeAndDisabledAccountsCannotSignIn() throws Exception {
		Account erin = this.accounts.save(new Account("acct-erin", this.passwordEncoder.encode("erin's password!"),
				Role.EDITOR, this.clock.instant()));
		asAdmin("/admin/accounts/" + erin.getId() + "/role", "role", "ADMIN");
		assertThat(this.accounts.findByUsername("acct-erin").orElseThrow().getRole()).isEqualTo(Role.ADMIN);
		asAdmin("/admin/accounts/" + erin.getId() + "/enabled", "enabled", "false", "confirm", "true");
		MvcResult signIn = this.mvc.perform(post("/admin/login").param("username", "acct-erin")
			.param("password", "erin's password!").with(csrf())).andReturn();
		assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/admin/login?error");
	}

	@Test
	void anEditorChangesTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
		this.accounts.save(new Account("acct-fay", this.passwordEncoder.encode("fay's old password"), Role.EDITOR,
				this.clock.instant()));
		MvcResult wrong = this.mvc.perform(post("/admin/account/password").with(csrf()).with(user("acct-fay").roles("EDITOR"))
			.param("currentPassword", "not it").param("newPassword", "fay's new password").param("repeatPassword",
					"fay's new password"))
			.andReturn();
		assertThat(Jsoup.parse(wrong.getResponse().getContentAsString()).select("#currentPassword-error").text())
			.isEqualTo("That is not your current password.");
		this.mvc.perform(post("/admin/account/password").with(csrf()).with(user("acct-fay").roles("EDITOR"))
			.param("currentPassword", "fay's old password").param("newPassword", "fay's new password")
			.param("repeatPassword", "fay's new password"));
		assertThat(this.passwordEncoder.matches("fay's new password",
				this.accounts.findByUsername("acct-fay").orElseThrow().getPasswordHash())).isTrue();
	}

}
