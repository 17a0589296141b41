package dev.blogroll.admin;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor in a real browser: signs in, writes a post, and finds it first on its category's
 * page 1 and at its own URL. Skipped where Debian's Chromium is not installed.
 */
@BlogrollTest
class AdminBrowserTests {

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

	@AfterEach
	void removeTestData() {
		this.jdbc.sql("delete from post where slug = 'written-in-a-real-browser'").update();
		this.jdbc.sql("delete from account where username = 'browser-editor'").update();
		this.jdbc.sql("delete from author where slug = 'browser-editor'").update();
	}

	@Test
	void anEditorWritesAPostThatReadersFindFirstOnItsCategoryPage() {
		this.accounts.save(new Account("browser-editor", this.passwordEncoder.encode("a browser's password"),
				Role.EDITOR, this.clock.instant()));
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			String site = "http://localhost:" + this.port;
			browser.open(site + "/admin/posts/new", 1280, 900);
			assertThat(driver.getCurrentUrl()).as("sent to sign in first").endsWith("/admin/login");
			browser.signIn("browser-editor", "a browser's password");
			waitUntilTheUrlContains(driver, "/admin/posts/new");
			assertThat(driver.getCurrentUrl()).as("back where the editor wanted to go").contains("/admin/posts/new");

			driver.findElement(By.id("title")).sendKeys("Written in a Real Browser");
			new Select(driver.findElement(By.id("categoryId"))).selectByVisibleText("Engineering");
			driver.findElement(By.id("tags")).sendKeys("Testing, API Gateway");
			new Select(driver.findElement(By.id("authorId"))).selectByIndex(0);
			driver.findElement(By.id("newAuthor")).sendKeys("Browser Editor");
			driver.findElement(By.cssSelector("input[name=status][value=PUBLISHED]")).click();
			driver.findElement(By.id("body")).sendKeys("## Hello\n\nThis post was typed into a form by Chromium.");
			browser.screenshot("admin-new-post-1280");
			driver.findElement(By.cssSelector("form.post-form button[type=submit]")).click();
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash[role=status]")));
			assertThat(driver.findElement(By.cssSelector(".flash[role=status]")).getText())
				.isEqualTo("Published “Written in a Real Browser”.");

			browser.open(site + "/blog/engineering", 1280, 900);
			WebElement first = driver.findElement(By.cssSelector("article.card .card-title a"));
			assertThat(first.getText()).isEqualTo("Written in a Real Browser");
			first.click();
			waitUntilTheUrlContains(driver, "/written-in-a-real-browser");
			assertThat(driver.getCurrentUrl()).isEqualTo(site + "/blog/engineering/written-in-a-real-browser");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Written in a Real Browser");
			assertThat(driver.findElement(By.cssSelector(".post-body p")).getText())
				.isEqualTo("This post was typed into a form by Chromium.");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	/**
	 * A click that submits a form or follows a link may return before the next page has
	 * loaded; wait for it (at most 10 s), and let the assertion after this say what went wrong.
	 */
	private static void waitUntilTheUrlContains(WebDriver driver, String part) {
		waitFor(driver, ExpectedConditions.urlContains(part));
	}

	private static void waitFor(WebDriver driver, ExpectedCondition<?> condition) {
		try {
			new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
		}
		catch (TimeoutException ex) {
			// the assertion that follows reports the address the browser is at
		}
	}

}
