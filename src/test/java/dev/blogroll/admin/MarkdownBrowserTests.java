package dev.blogroll.admin;

import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
import dev.blogroll.web.SitePaths;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing Markdown in a real browser: a table and a fenced code block typed into the body show
 * in the preview beside it as a table and coloured code, rendered by the server while the
 * editor pauses; and the public post page shows the same in the light and the dark theme.
 * Skipped where Debian's Chromium is not installed (fails in CI).
 */
@BlogrollTest
class MarkdownBrowserTests {

	private static final String PASSWORD = "a markdown editor's password";

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
		this.accounts.save(new Account("md-editor", this.passwordEncoder.encode(PASSWORD), Role.EDITOR,
				this.clock.instant()));
		this.testPosts.add(PostBuilder.post()
			.title("Markdown Browser Post")
			.slug("markdown-browser-post")
			.category("Engineering")
			.body("""
					Kong's plugins run in phases[^1]; the table shows where.

					## Phases

					| Plugin | Phase | Since |
					|:-------|:------|------:|
					| rate-limiting | access | 0.x |
					| response-transformer | body_filter | 0.x |

					- [x] write the route
					- [ ] add the plugin

					```yaml
					services:
					  - name: example # the upstream
					    url: https://example.com
					    retries: 5
					```

					```java
					@GetMapping("/limits")
					String limits() { return "100 per minute"; } // per consumer
					```

					[^1]: See https://docs.konghq.com/ for the phases.
					"""));
	}

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("markdown-browser-post"), List.of(), List.of(), List.of());
		this.jdbc.sql("delete from spring_session where principal_name = 'md-editor'").update();
		this.jdbc.sql("delete from account where username = 'md-editor'").update();
	}

	@Test
	void aTableAndCodeTypedIntoTheBodyShowInThePreviewAndOnThePostPage() {
		long id = this.jdbc.sql("select id from post where slug = 'markdown-browser-post'").query(Long.class).single();
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			String site = "http://localhost:" + this.port;
			browser.open(site + "/admin/login", 1366, 900);
			browser.signIn("md-editor", PASSWORD);
			browser.open(site + "/admin/posts/" + id + "/edit", 1366, 900);
			// the script renders the saved body when the form opens
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".preview-body table")));
			assertThat(driver.findElements(By.cssSelector(".preview-body table"))).hasSize(1);

			WebElement body = driver.findElement(By.id("body"));
			body.clear();
			body.sendKeys("Typed now.\n\n| Route | Limit |\n|---|---|\n| /orders | 100 |\n\n```python\n"
					+ "def limit(route):\n    return None  # unlimited\n```\n");
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".preview-body code.language-python")));
			List<WebElement> cells = driver.findElements(By.cssSelector(".preview-body table td"));
			assertThat(cells).extracting(WebElement::getText).containsExactly("/orders", "100");
			assertThat(driver.findElements(By.cssSelector(".preview-body code.language-python span.tok-keyword")))
				.extracting(WebElement::getText)
				.containsExactly("def", "return");
			assertThat(driver.findElement(By.cssSelector(".preview-body span.tok-comment")).getText()).isEqualTo("# unlimited");
			assertThat(driver.findElement(By.cssSelector(".preview-status")).getText()).contains("Preview updated");
			// beside the editor on a wide screen
			WebElement pane = driver.findElement(By.cssSelector(".preview-pane"));
			assertThat(pane.getRect().getX()).isGreaterThan(body.getRect().getX() + body.getRect().getWidth() - 1);
			browser.screenshot("markdown-editor-preview-1366");
			assertThat(browser.consoleErrors()).isEmpty();
			assertThat(this.jdbc.sql("select body from post where id = :id").param("id", id).query(String.class).single())
				.as("the preview saves nothing")
				.startsWith("Kong's plugins");

			String page = site + SitePaths.post("engineering", "markdown-browser-post");
			for (String scheme : List.of("light", "dark")) {
				browser.preferColorScheme(scheme);
				browser.open(page, 1024, 900);
				assertThat(driver.findElements(By.cssSelector(".post-body table tbody tr"))).hasSize(2);
				assertThat(driver.findElements(By.cssSelector(".post-body pre code span.tok-property")))
					.extracting(WebElement::getText)
					.contains("services", "name", "url", "retries");
				assertThat(driver.findElements(By.cssSelector(".post-body section.footnotes li"))).hasSize(1);
				assertThat(driver.findElements(By.cssSelector(".post-body li.task-list-item input[disabled]"))).hasSize(2);
				assertThat(browser.hasHorizontalOverflow()).isFalse();
				browser.screenshot("markdown-post-page-" + scheme + "-1024");
				// colour contrast of the code's tokens, the checkboxes' labels, the notes' links
				Results axe = new AxeBuilder().analyze(driver);
				assertThat(axe.getViolations()).as(scheme)
					.filteredOn((rule) -> "critical".equals(rule.getImpact()) || "serious".equals(rule.getImpact()))
					.extracting(Rule::getId)
					.isEmpty();
				assertThat(axe.getPasses()).extracting(Rule::getId).contains("color-contrast");
			}
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	private static void waitFor(WebDriver driver, ExpectedCondition<?> condition) {
		try {
			new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
		}
		catch (TimeoutException ex) {
			// the assertion that follows reports where the browser is
		}
	}

}
