package dev.blogroll.admin;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.Browser;
import dev.blogroll.MutableClock;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor's day in a real browser: the session ends in the middle of an edit, Save leads to
 * the sign-in page, and after signing in the form is back with every word, and saves.
 * Skipped where Debian's Chromium is not installed (fails in CI).
 */
@BlogrollTest
class EditorBrowserTests {

	private static final String PASSWORD = "a browser editor's password";

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
	private TestPosts testPosts;

	@BeforeEach
	void createEditorAndPost() {
		this.accounts.save(new Account("day-editor", this.passwordEncoder.encode(PASSWORD), Role.EDITOR,
				this.clock.instant()));
		this.testPosts.add(PostBuilder.post()
			.title("Editor Browser Draft")
			.slug("editor-browser-draft")
			.category("Engineering")
			.status("draft")
			.body("The first paragraph."));
	}

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("editor-browser-draft"), List.of(), List.of(), List.of());
		this.jdbc.sql("delete from kept_form").update();
		this.jdbc.sql("delete from spring_session where principal_name = 'day-editor'").update();
		this.jdbc.sql("delete from account where username = 'day-editor'").update();
	}

	@Test
	void theSessionEndsDuringAnEditAndAfterSigningInNothingIsLost() {
		long id = this.jdbc.sql("select id from post where slug = 'editor-browser-draft'").query(Long.class).single();
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			String site = "http://localhost:" + this.port;
			browser.open(site + "/admin/login", 1280, 900);
			signIn(driver);
			browser.open(site + "/admin/posts/" + id + "/edit", 1280, 900);
			driver.findElement(By.id("body")).sendKeys("\n\nA second paragraph, typed for an hour.");
			driver.findElement(By.id("tags")).sendKeys("Sessions");

			// the idle timeout passes while the editor types: Spring Session finds the session expired
			this.jdbc.sql("update spring_session set last_access_time = 0, expiry_time = 0 where principal_name = 'day-editor'").update();
			driver.findElement(By.cssSelector("form.post-form button[type=submit]:not([name])")).click();
			waitFor(driver, ExpectedConditions.urlContains("/admin/login"));
			assertThat(driver.getCurrentUrl()).endsWith("/admin/login?kept");
			assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText())
				.contains("has not been saved yet");
			browser.screenshot("editor-session-ended-sign-in-1280");

			signIn(driver);
			waitFor(driver, ExpectedConditions.urlContains("/edit"));
			assertThat(driver.getCurrentUrl()).isEqualTo(site + "/admin/posts/" + id + "/edit");
			assertThat(driver.findElement(By.id("body")).getAttribute("value"))
				.isEqualTo("The first paragraph.\n\nA second paragraph, typed for an hour.");
			assertThat(driver.findElement(By.id("tags")).getAttribute("value")).endsWith("Sessions");
			assertThat(driver.findElement(By.cssSelector(".flash-warning")).getText())
				.contains("Restored what you sent at");
			browser.screenshot("editor-form-restored-1280");

			driver.findElement(By.cssSelector("form.post-form button[type=submit]:not([name])")).click();
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
			assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
				.isEqualTo("Saved “Editor Browser Draft” as a draft.");
			assertThat(browser.consoleErrors()).isEmpty();
		}
		// a browser sends a textarea's lines ending in CR LF
		assertThat(this.jdbc.sql("select body from post where id = :id").param("id", id).query(String.class).single())
			.isEqualToNormalizingNewlines("The first paragraph.\n\nA second paragraph, typed for an hour.");
	}

	private static void signIn(WebDriver driver) {
		driver.findElement(By.id("username")).sendKeys("day-editor");
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		waitFor(driver, ExpectedConditions.not(ExpectedConditions.urlContains("/admin/login")));
	}

	private static void waitFor(WebDriver driver, ExpectedCondition<?> condition) {
		try {
			new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
		}
		catch (TimeoutException ex) {
			// the assertion that follows reports where the browser is
		}
	}

}
