package dev.blogroll.admin;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;
import dev.blogroll.MutableSiteLocale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The admins' sign-in alert and the session list's browsers, in the site's language. */
@BlogrollTest
class GermanAdminTextTests {

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";

	@Autowired
	private MutableSiteLocale siteLocale;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@AfterEach
	void forgetFailures() {
		this.jdbc.sql("delete from login_failure where throttle_key = 'user:german-locked'").update();
	}

	@Test
	void browsersAreNamedInTheSitesLanguage() {
		assertThat(Browsers.describe(FIREFOX, this.siteLocale)).isEqualTo("Firefox on Linux");
		assertThat(Browsers.describe("", this.siteLocale)).isEqualTo("Unknown browser");
		assertThat(Browsers.describe("Bot/1.0", this.siteLocale)).isEqualTo("Another browser on an unknown system");
		this.siteLocale.use(Locale.GERMAN);
		assertThat(Browsers.describe(FIREFOX, this.siteLocale)).isEqualTo("Firefox unter Linux");
		assertThat(Browsers.describe(null, this.siteLocale)).isEqualTo("Unbekannter Browser");
		assertThat(Browsers.describe("Bot/1.0", this.siteLocale)).isEqualTo("Ein anderer Browser unter einem unbekannten System");
	}

	@Test
	void theSignInAlertIsGermanOnAGermanSiteAndUnchangedOnAnEnglishOne() throws Exception {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into login_failure (throttle_key, failures, last_failure, locked_until)
				values ('user:german-locked', 42, :now, :until)""")
			.param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(Duration.ofMinutes(14))))
			.update();
		assertThat(alert()).contains("Sign-ins for “german-locked” are paused for about 14 more minutes: 42 failed "
				+ "attempts in the last hour, from many addresses. It still signs in from addresses it has used before; "
				+ "if you suspect an attack, tell its owner.");
		this.siteLocale.use(Locale.GERMAN);
		assertThat(alert()).contains("Anmeldungen für „german-locked“ sind noch etwa 14 Minuten lang ausgesetzt: "
				+ "42 fehlgeschlagene Versuche in der letzten Stunde");
	}

	private String alert() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/admin/posts").with(user("german-admin").roles("ADMIN", "EDITOR")))
			.andReturn()
			.getResponse();
		response.setCharacterEncoding("UTF-8");
		return Jsoup.parse(response.getContentAsString()).select("[role=alert]").text();
	}

}
