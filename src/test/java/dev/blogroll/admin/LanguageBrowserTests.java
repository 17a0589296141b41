package dev.blogroll.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.Browser;
import dev.blogroll.MutableSiteLocale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The German site in Chromium, as a reader and an editor see it: page 17 and the admin's post
 * list, at 1366 × 900 and on a 390-pixel phone, with screenshots in {@code target/screenshots}
 * (language-*.png) to look at. German words are longer than English ones: nothing may overflow
 * the phone's width. Skipped where Debian's Chromium is not installed.
 */
@BlogrollTest
class LanguageBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MutableSiteLocale siteLocale;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private Clock clock;

	@AfterEach
	void removeTheEditor() {
		this.jdbc.sql("delete from account where username = 'german-editor'").update();
	}

	@Test
	void page17AndThePostListInGerman() {
		this.siteLocale.use(Locale.GERMAN);
		this.accounts.save(new Account("german-editor", this.passwordEncoder.encode("ein Passwort für den Browser"),
				Role.EDITOR, this.clock.instant()));
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			String site = "http://localhost:" + this.port;
			browser.open(site + "/blog/engineering/page/17", 1366, 900);
			assertThat(driver.getTitle()).isEqualTo("Engineering – Seite 17 von 20 – Blogroll");
			// theme.js takes the button's title from the page, in the site's language
			assertThat(driver.findElement(By.cssSelector(".theme-toggle")).getAttribute("title")).startsWith("Dunkles Design ist");
			browser.screenshot("language-de-page-17-1366");
			browser.open(site + "/blog/engineering/page/17", 390, 844);
			assertThat(browser.hasHorizontalOverflow()).as("page 17 on a phone").isFalse();
			browser.screenshot("language-de-page-17-390");

			browser.open(site + "/admin/posts", 1366, 900);
			browser.signIn("german-editor", "ein Passwort für den Browser");
			new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin/posts"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Beiträge");
			browser.screenshot("language-de-admin-posts-1366");
			browser.open(site + "/admin/posts", 390, 844);
			assertThat(browser.hasHorizontalOverflow()).as("the post list on a phone").isFalse();
			browser.screenshot("language-de-admin-posts-390");

			// the live preview's status, worded by preview.js from the page's data-say-* words
			browser.open(site + "/admin/posts/new", 1366, 900);
			driver.findElement(By.id("body")).sendKeys("Ein *kurzer* Text.");
			new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
					By.cssSelector(".preview-status"), "Vorschau aktualisiert; nichts wird gespeichert."));
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

}
