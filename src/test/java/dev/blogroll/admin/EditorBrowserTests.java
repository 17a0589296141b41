package dev.blogroll.admin;

import java.time.Duration;
import java.util.List;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor's day in a real browser: the session ends in the middle of an edit, Save leads to
 * the sign-in page, and after signing in the form is back with every word, and saves; typing
 * is kept automatically and comes back after the tab was closed; on a 390-px phone the post
 * list is a list of cards.
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
		this.jdbc.sql("delete from new_post_autosave where username = 'day-editor'").update();
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
			browser.signIn("day-editor", PASSWORD);
			browser.open(site + "/admin/posts/" + id + "/edit", 1280, 900);
			driver.findElement(By.id("body")).sendKeys("\n\nA second paragraph, typed for an hour.");
			driver.findElement(By.id("tags")).sendKeys(", Sessions");

			// the idle timeout passes while the editor types: Spring Session finds the session expired
			this.jdbc.sql("update spring_session set last_access_time = 0, expiry_time = 0 where principal_name = 'day-editor'").update();
			driver.findElement(By.cssSelector("form.post-form button[type=submit]:not([name])")).click();
			waitFor(driver, ExpectedConditions.urlContains("/admin/login"));
			assertThat(driver.getCurrentUrl()).endsWith("/admin/login?kept");
			assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText())
				.contains("has not been saved yet");
			browser.screenshot("editor-session-ended-sign-in-1280");

			browser.signIn("day-editor", PASSWORD);
			waitFor(driver, ExpectedConditions.urlContains("/edit"));
			assertThat(driver.getCurrentUrl()).isEqualTo(site + "/admin/posts/" + id + "/edit");
			assertThat(driver.findElement(By.id("body")).getAttribute("value"))
				.isEqualTo("The first paragraph.\n\nA second paragraph, typed for an hour.");
			assertThat(driver.findElement(By.id("tags")).getAttribute("value")).endsWith("Sessions");
			assertThat(driver.findElement(By.cssSelector(".flash-warning")).getText())
				.contains("Restored what you sent at");
			browser.screenshot("editor-form-restored-1280");

			driver.findElement(By.cssSelector("form.post-form button[type=submit]:not([name])")).click();
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash[role=status]")));
			assertThat(driver.findElement(By.cssSelector(".flash[role=status]")).getText())
				.isEqualTo("Saved “Editor Browser Draft” as a draft.");
			assertThat(browser.consoleErrors()).isEmpty();
		}
		// a browser sends a textarea's lines ending in CR LF
		assertThat(this.jdbc.sql("select body from post where id = :id").param("id", id).query(String.class).single())
			.isEqualToNormalizingNewlines("The first paragraph.\n\nA second paragraph, typed for an hour.");
	}

	@Test
	void typingIsKeptAutomaticallyAndComesBackAfterTheTabWasClosed() {
		long id = this.jdbc.sql("select id from post where slug = 'editor-browser-draft'").query(Long.class).single();
		long version = this.jdbc.sql("select version from post where id = :id").param("id", id).query(Long.class).single();
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			String site = "http://localhost:" + this.port;
			browser.open(site + "/admin/login", 1280, 900);
			browser.signIn("day-editor", PASSWORD);
			browser.open(site + "/admin/posts/" + id + "/edit", 1280, 900);
			assertThat(leavingWouldWarn(browser)).as("nothing typed yet").isFalse();
			driver.findElement(By.id("body")).sendKeys("\n\nTyped, then the tab was closed.");
			assertThat(leavingWouldWarn(browser)).as("a warning before leaving unsaved changes").isTrue();
			waitFor(driver, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".autosave-status"),
					"Unsaved changes kept at"));
			assertThat(driver.findElement(By.cssSelector(".autosave-status")).getText()).contains("not published");
			assertThat(this.jdbc.sql("select version from post where id = :id").param("id", id).query(Long.class)
				.single()).as("an autosave leaves the post and its version alone").isEqualTo(version);

			String closed = driver.getWindowHandle();
			driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
			String reopened = driver.getWindowHandle();
			driver.switchTo().window(closed).close();
			driver.switchTo().window(reopened);
			browser.open(site + "/admin/posts/" + id + "/edit", 1280, 900);
			assertThat(driver.findElement(By.cssSelector(".flash-warning")).getText())
				.contains("Restored unsaved changes from");
			assertThat(driver.findElement(By.id("body")).getAttribute("value"))
				.isEqualToNormalizingNewlines("The first paragraph.\n\nTyped, then the tab was closed.");
			assertThat(browser.consoleErrors()).isEmpty();
		}
		assertThat(this.jdbc.sql("select body from post where id = :id").param("id", id).query(String.class).single())
			.as("not saved until the editor saves").isEqualTo("The first paragraph.");
	}

	@Test
	void twoTabsConflictAndTheEditorMergesThemWithinTheBodyThenComparesTheRevisions() {
		long id = this.jdbc.sql("select id from post where slug = 'editor-browser-draft'").query(Long.class).single();
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			String site = "http://localhost:" + this.port;
			browser.open(site + "/admin/login", 1280, 900);
			browser.signIn("day-editor", PASSWORD);
			// a save through the form keeps the revision both tabs will start from
			browser.open(site + "/admin/posts/" + id + "/edit", 1280, 900);
			driver.findElement(By.cssSelector("form.post-form button[type=submit]:not([name])")).click();
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash[role=status]")));
			browser.open(site + "/admin/posts/" + id + "/edit", 1280, 900);
			String tabB = driver.getWindowHandle();
			driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
			browser.open(site + "/admin/posts/" + id + "/edit", 1280, 900);
			driver.findElement(By.id("title")).sendKeys(", From Tab A");
			driver.findElement(By.id("body")).sendKeys("\n\nTyped in tab A.");
			driver.findElement(By.cssSelector("form.post-form button[type=submit]:not([name])")).click();
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash[role=status]")));

			driver.switchTo().window(tabB);
			driver.findElement(By.id("body")).sendKeys("\n\nTyped in tab B.");
			driver.findElement(By.cssSelector("form.post-form button[type=submit]:not([name])")).click();
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".conflict-list")));
			assertThat(driver.findElement(By.cssSelector(".flash-warning")).getText())
				.contains("You saved this post in another tab or window");
			assertThat(driver.findElement(By.id("body")).getAttribute("value")).endsWith("Typed in tab B.");
			assertThat(driver.findElement(By.cssSelector("input[name='pick:Title'][value=theirs]")).isSelected())
				.as("only the other tab changed the title: theirs, not silently reverted").isTrue();
			assertThat(driver.findElement(By.cssSelector("input[name='pick:Body'][value=merged]")).isSelected()).isTrue();
			WebElement merged = driver.findElement(By.id("merged-body"));
			assertThat(merged.getAttribute("value").replace("\r", "")).isEqualTo("The first paragraph.\n\n"
					+ "<<<<<<< yours\nTyped in tab B.\n=======\nTyped in tab A.\n>>>>>>> theirs");
			Number theirsLeft = (Number) browser.script("return document.querySelector('.conflict-theirs').getBoundingClientRect().left");
			Number mineLeft = (Number) browser.script("return document.querySelector('.conflict-mine').getBoundingClientRect().left");
			assertThat(mineLeft.doubleValue()).as("side by side on a laptop").isGreaterThan(theirsLeft.doubleValue() + 100);
			browser.screenshot("editor-conflict-1280");

			// the editor resolves the marked lines: both paragraphs, tab A's first
			merged.clear();
			merged.sendKeys("The first paragraph.\n\nTyped in tab A.\n\nTyped in tab B.");
			driver.findElement(By.cssSelector("form.post-form button[type=submit]:not([name])")).click();
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash[role=status]")));
			assertThat(driver.findElement(By.cssSelector(".flash[role=status]")).getText())
				.isEqualTo("Saved “Editor Browser Draft, From Tab A” as a draft.");

			driver.findElement(By.cssSelector(".revisions button[type=submit]")).click();
			waitFor(driver, ExpectedConditions.urlContains("/revisions/compare"));
			assertThat(driver.findElements(By.cssSelector(".body-diff .diff-added")).stream().map((line) -> line.getText()))
				.contains("+ Typed in tab B.");
			browser.screenshot("editor-revisions-diff-1280");
			assertThat(browser.consoleErrors()).isEmpty();
		}
		assertThat(this.jdbc.sql("select title || ' / ' || body from post where id = :id").param("id", id)
			.query(String.class).single().replace("\r", ""))
			.isEqualTo("Editor Browser Draft, From Tab A / The first paragraph.\n\nTyped in tab A.\n\nTyped in tab B.");
	}

	@Test
	void onAPhoneTheConflictPageStacksTheirsAboveMine() {
		long id = this.jdbc.sql("select id from post where slug = 'editor-browser-draft'").query(Long.class).single();
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			String site = "http://localhost:" + this.port;
			browser.open(site + "/admin/login", 390, 844);
			browser.signIn("day-editor", PASSWORD);
			browser.open(site + "/admin/posts/" + id + "/edit", 390, 844);
			driver.findElement(By.id("body")).sendKeys("\n\nFrom the phone.");
			this.jdbc.sql("update post set title = 'Editor Browser Draft, Elsewhere', version = version + 1,"
					+ " updated_by = 'someone-else' where id = :id").param("id", id).update();
			driver.findElement(By.cssSelector("form.post-form button[type=submit]:not([name])")).click();
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".conflict-list")));
			assertThat(driver.findElement(By.cssSelector(".flash-warning")).getText()).contains("Someone else saved");
			Number theirsBottom = (Number) browser.script("return document.querySelector('.conflict-theirs').getBoundingClientRect().bottom");
			Number mineTop = (Number) browser.script("return document.querySelector('.conflict-mine').getBoundingClientRect().top");
			assertThat(mineTop.doubleValue()).as("stacked on a phone").isGreaterThanOrEqualTo(theirsBottom.doubleValue());
			assertThat(fitsThePhone(browser)).isTrue();
			browser.screenshot("editor-conflict-phone-390");
		}
	}

	@Test
	void aNewPostIsKeptAutomaticallyWithoutBeingCreatedAndComesBackAfterTheTabWasClosed() {
		long posts = this.jdbc.sql("select count(*) from post").query(Long.class).single();
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			String site = "http://localhost:" + this.port;
			browser.open(site + "/admin/login", 1280, 900);
			browser.signIn("day-editor", PASSWORD);
			browser.open(site + "/admin/posts/new", 1280, 900);
			driver.findElement(By.id("title")).sendKeys("Editor Browser New");
			new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("categoryId"))).selectByVisibleText("Engineering");
			new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("authorId"))).selectByIndex(1);
			driver.findElement(By.id("body")).sendKeys("A new post, never saved by hand.");
			waitFor(driver, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".autosave-status"),
					"Unsaved changes kept at"));
			assertThat(driver.findElement(By.cssSelector(".autosave-status")).getText()).contains("not published");
			assertThat(this.jdbc.sql("select count(*) from post").query(Long.class).single())
				.as("no post created by the autosave").isEqualTo(posts);

			String closed = driver.getWindowHandle();
			driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
			String reopened = driver.getWindowHandle();
			driver.switchTo().window(closed).close();
			driver.switchTo().window(reopened);
			browser.open(site + "/admin/posts/new", 1280, 900);
			assertThat(driver.findElement(By.cssSelector(".flash-warning")).getText())
				.contains("Restored unsaved changes from");
			assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("Editor Browser New");
			assertThat(driver.findElement(By.id("body")).getAttribute("value")).isEqualTo("A new post, never saved by hand.");
			browser.screenshot("editor-new-post-restored-1280");
			driver.findElement(By.cssSelector("form.post-form button[type=submit]:not([name])")).click();
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash[role=status]")));
			assertThat(driver.findElement(By.cssSelector(".flash[role=status]")).getText())
				.isEqualTo("Saved “Editor Browser New” as a draft.");
			assertThat(browser.consoleErrors()).isEmpty();
		}
		finally {
			this.jdbc.sql("delete from post where slug = 'editor-browser-new'").update();
		}
		assertThat(this.jdbc.sql("select count(*) from new_post_autosave where username = 'day-editor'")
			.query(Long.class).single()).as("created: the autosave is gone").isZero();
	}

	/** Whether the page asks before it is left: what a beforeunload listener says, without a dialog. */
	private static boolean leavingWouldWarn(Browser browser) {
		return (Boolean) browser.script("var e = new Event('beforeunload', { cancelable: true });"
				+ " window.dispatchEvent(e); return e.defaultPrevented;");
	}

	@Test
	void bulkTrashThenUndo() {
		this.testPosts.add(PostBuilder.post().title("Editor Browser Second").slug("editor-browser-second")
			.publishedAt("2099-12-31T12:00:00Z"));
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			String site = "http://localhost:" + this.port;
			browser.open(site + "/admin/login", 1280, 900);
			browser.signIn("day-editor", PASSWORD);
			browser.open(site + "/admin/posts?q=Editor+Browser", 1280, 900);
			driver.findElements(By.cssSelector("input[name=ids]")).forEach((box) -> box.click());
			new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("bulk-action"))).selectByValue("trash");
			driver.findElement(By.cssSelector("form.bulk-form button[type=submit]")).click();
			waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.flash-undo")));
			assertThat(driver.findElement(By.cssSelector(".flash[role=status]")).getText())
				.isEqualTo("Moved to the trash: 2 posts (of 2 ticked).");
			assertThat(this.jdbc.sql("select count(*) from post where slug like 'editor-browser-%' and status = 'TRASHED'")
				.query(Long.class).single()).isEqualTo(2);
			browser.screenshot("admin-bulk-trash-1280");
			driver.findElement(By.cssSelector("form.flash-undo button")).click();
			waitFor(driver, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash[role=status]"), "Undone"));
			assertThat(driver.findElement(By.cssSelector(".flash[role=status]")).getText()).isEqualTo("Undone: 2 posts changed back.");
			assertThat(this.jdbc.sql("select count(*) from post where slug like 'editor-browser-%' and status = 'TRASHED'")
				.query(Long.class).single()).isZero();
		}
		finally {
			this.testPosts.remove(List.of("editor-browser-second"), List.of(), List.of(), List.of());
		}
	}

	@Test
	void onAPhoneThePostListIsAListOfCardsThatNeverScrollsSideways() {
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			String site = "http://localhost:" + this.port;
			browser.open(site + "/admin/login", 390, 844);
			browser.signIn("day-editor", PASSWORD);
			browser.open(site + "/admin/posts", 390, 844);
			assertThat(browser.viewportWidth()).isEqualTo(390);
			assertThat(browser.hasHorizontalOverflow()).as("no sideways scrolling").isFalse();
			assertThat(browser.script("return getComputedStyle(document.querySelector('.post-cards thead')).position"))
				.as("the column headings give way to labels").isEqualTo("absolute");
			assertThat(browser.script("return getComputedStyle(document.querySelector('.post-cards tbody tr')).display"))
				.as("each post is a card").isEqualTo("block");
			Number titleWidth = (Number) browser
				.script("return document.querySelector('.post-cards .post-card-title').getBoundingClientRect().width");
			assertThat(titleWidth.doubleValue()).as("the title has the card's width, not ~35 px").isGreaterThan(300);
			assertThat(browser.script("return getComputedStyle(document.querySelector('.post-cards td[data-label]'), '::before').content"))
				.isEqualTo("\"Status: \"");
			browser.screenshot("admin-posts-phone-390");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void everyAdminPageFitsA390PixelPhoneUnderTheAdminsOwnCompactHeader() {
		this.accounts.save(new Account("phone-admin", this.passwordEncoder.encode(PASSWORD), Role.ADMIN,
				this.clock.instant()));
		long id = this.jdbc.sql("select id from post where slug = 'editor-browser-draft'").query(Long.class).single();
		long category = this.jdbc.sql("select id from category where slug = 'engineering'").query(Long.class).single();
		long author = this.jdbc.sql("select min(id) from author").query(Long.class).single();
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			String site = "http://localhost:" + this.port;
			browser.open(site + "/admin/login", 390, 844);
			assertThat(fitsThePhone(browser)).as("the sign-in page").isTrue();
			browser.screenshot("admin-sign-in-phone-390");
			browser.signIn("phone-admin", PASSWORD);
			// two saves, so that there are revisions to compare
			for (String words : List.of("\n\nA phone's paragraph.", "\n\nAnother one.")) {
				browser.open(site + "/admin/posts/" + id + "/edit", 390, 844);
				driver.findElement(By.id("body")).sendKeys(words);
				driver.findElement(By.cssSelector("form.post-form button[type=submit]:not([name])")).click();
				waitFor(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash[role=status]")));
			}
			List<Long> revisions = this.jdbc.sql("select id from post_revision where post_id = :id order by id")
				.param("id", id).query(Long.class).list();
			List<String> pages = List.of("/admin/posts", "/admin/posts?status=trash", "/admin/posts/new",
					"/admin/posts/" + id + "/edit",
					"/admin/posts/" + id + "/revisions/compare?older=" + revisions.get(0) + "&newer="
							+ revisions.get(revisions.size() - 1),
					"/admin/posts/" + id + "/revisions/" + revisions.get(0) + "/restore",
					"/admin/confirm?action=/admin/posts/" + id + "/trash", "/admin/posts/trash/empty",
					"/admin/categories", "/admin/categories/" + category + "/edit", "/admin/tags", "/admin/authors",
					"/admin/authors/" + author + "/profile", "/admin/sources", "/admin/sources/new",
					"/admin/sources/discover", "/admin/import", "/admin/media", "/admin/accounts", "/admin/account/password",
					"/admin/account/sessions");
			for (String page : pages) {
				browser.open(site + page, 390, 844);
				assertThat(driver.findElements(By.cssSelector(".status-page"))).as(page + " is no error page").isEmpty();
				assertThat(driver.findElements(By.cssSelector(".site-header, .tag-strip")))
					.as(page + " has no public header or tag strip").isEmpty();
				assertThat(driver.findElement(By.cssSelector(".admin-menu > summary")).isDisplayed())
					.as(page + " has the admin's Menu").isTrue();
				assertThat(fitsThePhone(browser)).as(page + " never scrolls sideways; too wide: " + tooWide(browser)).isTrue();
			}
			browser.open(site + "/admin/posts/" + id + "/edit", 390, 844);
			browser.screenshot("admin-edit-phone-390");
			browser.open(site + "/admin/accounts", 390, 844);
			browser.screenshot("admin-accounts-phone-390");
			browser.open(site + "/admin/posts", 390, 844);
			Number header = (Number) browser.script("return document.querySelector('.admin-header').getBoundingClientRect().height");
			assertThat(header.doubleValue()).as("a compact header").isLessThan(70);
			driver.findElement(By.cssSelector(".admin-menu > summary")).click();
			List<org.openqa.selenium.WebElement> links = driver.findElements(By.cssSelector(".admin-menu-panel a, .admin-menu-panel button"));
			assertThat(links).hasSizeGreaterThanOrEqualTo(12);
			for (org.openqa.selenium.WebElement link : links) {
				assertThat(link.isDisplayed()).as(link.getText() + " shown without JavaScript's help").isTrue();
				assertThat(link.getRect().getHeight()).as(link.getText() + " is a 44-px tap target").isGreaterThanOrEqualTo(44);
			}
			assertThat(driver.findElement(By.cssSelector(".admin-menu-user")).getText()).isEqualTo("Signed in as phone-admin");
			assertThat(fitsThePhone(browser)).as("the open menu").isTrue();
			browser.screenshot("admin-menu-open-phone-390");
			assertThat(browser.consoleErrors()).isEmpty();
		}
		finally {
			this.jdbc.sql("delete from spring_session where principal_name = 'phone-admin'").update();
			this.jdbc.sql("delete from account where username = 'phone-admin'").update();
		}
	}

	/** Nothing wider than the viewport: the page never scrolls sideways and nothing is cut off. */
	private static boolean fitsThePhone(Browser browser) {
		return (Boolean) browser.script("return document.scrollingElement.scrollWidth <= window.innerWidth");
	}

	/** The elements reaching past the viewport's right edge outside a scrolling box, to name in a failure. */
	private static Object tooWide(Browser browser) {
		return browser.script("""
				var out = [];
				document.querySelectorAll('body *').forEach(function (e) {
				  if (e.getBoundingClientRect().right <= window.innerWidth + 0.5) return;
				  for (var a = e.parentElement; a; a = a.parentElement) {
				    if (/auto|scroll|hidden|clip/.test(getComputedStyle(a).overflowX)) return;
				  }
				  out.push(e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
				});
				return out.slice(0, 8).join(', ');""");
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
