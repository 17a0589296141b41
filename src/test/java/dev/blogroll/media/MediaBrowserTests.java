package dev.blogroll.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
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
import dev.blogroll.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor adds an image to a post in Chromium (a file that is too large, refused before it is
 * sent; a WebP dropped onto the form; a phone's photo chosen with the file picker), publishes,
 * and readers see it on the post page and its listing card at the width each viewport needs:
 * the browser picks from {@code srcset} by {@code sizes}, at 1366 and 390 px.
 * Skipped where Debian's Chromium is not installed (fails in CI).
 */
@BlogrollTest
class MediaBrowserTests {

	private static final String PASSWORD = "a media editor's password";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void createEditor() {
		this.jdbc.sql("insert into account (username, password_hash, role, created_at) values ('media-editor', :hash, 'EDITOR', :at)")
			.param("hash", this.passwordEncoder.encode(PASSWORD))
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	@AfterEach
	void removeTestData() {
		this.jdbc.sql("delete from post where slug = 'a-post-with-a-photo'").update();
		this.jdbc.sql("delete from media where uploaded_by = 'media-editor'").update();
		this.jdbc.sql("delete from spring_session where principal_name = 'media-editor'").update();
		this.jdbc.sql("delete from account where username = 'media-editor'").update();
	}

	@Test
	void anEditorUploadsAnImageAndReadersSeeItAtTheRightSize() throws Exception {
		Path photo = Files.createTempFile("phone-photo-", ".jpg");
		Path huge = Files.createTempFile("huge-", ".jpg");
		Files.write(photo, TestImages.jpegWithExif(2400, 1600, 1));
		Files.write(huge, new byte[11 * 1024 * 1024]);
		String site = "http://localhost:" + this.port;
		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();
			browser.open(site + "/admin/login", 1366, 900);
			browser.signIn("media-editor", PASSWORD);

			browser.open(site + "/admin/posts/new", 1366, 900);
			driver.findElement(By.id("title")).sendKeys("A Post With A Photo");
			new Select(driver.findElement(By.id("categoryId"))).selectByVisibleText("Engineering");
			new Select(driver.findElement(By.id("authorId"))).selectByIndex(1);
			driver.findElement(By.id("body")).sendKeys("A paragraph under the photo.");
			assertThat(driver.findElement(By.cssSelector(".media-picker")).isDisplayed()).isTrue();

			// too large: refused by the script before a byte is sent, and nothing typed is lost
			driver.findElement(By.id("media-picker-file")).sendKeys(huge.toString());
			waitFor(driver, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".media-picker-status"), "too large"));
			assertThat(driver.findElement(By.cssSelector(".media-picker-status")).getText())
				.contains("at most 10 MB");
			assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("A Post With A Photo");

			// a WebP made by the browser's own encoder, dropped onto the form
			browser.script("""
					var canvas = document.createElement('canvas'); canvas.width = 900; canvas.height = 500;
					var g = canvas.getContext('2d'); g.fillStyle = '#2a6'; g.fillRect(0, 0, 900, 500);
					canvas.toBlob(function (blob) {
					  var transfer = new DataTransfer();
					  transfer.items.add(new File([blob], 'dropped.webp', { type: 'image/webp' }));
					  var form = document.querySelector('form.post-form');
					  form.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
					  form.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
					}, 'image/webp', 0.8);""");
			waitFor(driver, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".media-picker-status"), "Uploaded dropped.webp"));
			assertThat(driver.findElement(By.id("imageUrl")).getAttribute("value")).matches("/media/[0-9a-f]{32}-900x500\\.jpg");

			// the photo, chosen with the file picker, replaces it
			driver.findElement(By.id("media-picker-file")).sendKeys(photo.toString());
			waitFor(driver, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".media-picker-status"), "2000 × 1333"));
			String address = driver.findElement(By.id("imageUrl")).getAttribute("value");
			assertThat(address).matches("/media/[0-9a-f]{32}-2000x1333\\.jpg");
			assertThat(driver.switchTo().activeElement().getAttribute("id")).as("alt text next").isEqualTo("imageAlt");
			driver.findElement(By.id("imageAlt")).sendKeys("A gradient from blue to yellow with a red corner");
			String previewLoaded = "var p = document.querySelector('.media-picker-preview');"
					+ " return !p.hidden && p.complete && p.naturalWidth === 400;";
			waitFor(driver, (ignored) -> (Boolean) browser.script(previewLoaded));
			assertThat((Boolean) browser.script(previewLoaded)).as("the preview shows the 400-px variant").isTrue();
			browser.screenshot("media-post-form-with-image-1366");

			var publish = driver.findElement(By.cssSelector("form.post-form button[name=publish]"));
			publish.click();
			waitFor(driver, ExpectedConditions.stalenessOf(publish));
			assertThat(driver.findElement(By.cssSelector("p.flash-success")).getText()).startsWith("Published");

			// the media page on a phone: both images, the photo with the post that shows it
			browser.open(site + "/admin/media", 390, 844);
			assertThat(driver.findElements(By.cssSelector(".media-item"))).hasSize(2);
			assertThat(driver.findElement(By.cssSelector(".media-uses")).getText())
				.contains("A Post With A Photo", "A gradient from blue to yellow");
			assertThat(browser.hasHorizontalOverflow()).as("no sideways scrolling at 390 px").isFalse();
			browser.screenshot("media-admin-390");
			assertThat(browser.consoleErrors()).isEmpty();
		}
		assertThat(this.jdbc.sql("select image_url from post where slug = 'a-post-with-a-photo'").query(String.class)
			.single()).isNotNull();
		String path = this.jdbc.sql("select c.slug || '/' || p.slug from post p join category c on c.id = p.category_id "
				+ "where p.slug = 'a-post-with-a-photo'").query(String.class).single();

		// each viewport in a browser of its own, so that no larger image is in its cache already
		Map<String, Object> phone = renderedPostImage(site + "/blog/" + path, 390, "media-post-390");
		assertThat(phone.get("currentSrc").toString()).endsWith("-400x267.jpg");
		assertThat(((Number) phone.get("renderedWidth")).doubleValue()).isBetween(300.0, 390.0);
		Map<String, Object> laptop = renderedPostImage(site + "/blog/" + path, 1366, "media-post-1366");
		assertThat(laptop.get("currentSrc").toString()).endsWith("-800x533.jpg");
		assertThat(((Number) laptop.get("renderedWidth")).doubleValue()).isBetween(560.0, 800.0);
		for (Map<String, Object> image : List.of(phone, laptop)) {
			assertThat(image.get("loading")).as("the post's image is on the first screen").isEqualTo("auto");
			assertThat(image.get("width")).isEqualTo("800");
			assertThat(image.get("height")).isEqualTo("533");
			assertThat(image.get("alt")).isEqualTo("A gradient from blue to yellow with a red corner");
		}

		Map<String, Object> card = renderedCardImage(site + "/blog/engineering", 1366);
		assertThat(card.get("currentSrc").toString()).endsWith("-400x267.jpg");
		assertThat(((Number) card.get("renderedWidth")).doubleValue()).isBetween(300.0, 400.0);
		Map<String, Object> phoneCard = renderedCardImage(site + "/blog/engineering", 390);
		assertThat(phoneCard.get("currentSrc").toString()).endsWith("-400x267.jpg");
	}

	/** The post page's image as Chromium shows it in a viewport {@code width} wide. */
	private static Map<String, Object> renderedPostImage(String url, int width, String screenshot) {
		try (Browser browser = Browser.start()) {
			browser.open(url, width, 900);
			waitFor(browser.driver(), (driver) -> (Boolean) browser.script(
					"var i = document.querySelector('.post-media img'); return i.complete && i.naturalWidth > 0;"));
			browser.screenshot(screenshot);
			return image(browser, ".post-media img");
		}
	}

	/** The first card's image of a listing as Chromium shows it. */
	private static Map<String, Object> renderedCardImage(String url, int width) {
		try (Browser browser = Browser.start()) {
			browser.open(url, width, 900);
			waitFor(browser.driver(), (driver) -> (Boolean) browser.script(
					"var i = document.querySelector('.card-media img'); return i.complete && i.naturalWidth > 0;"));
			browser.screenshot("media-listing-" + width);
			return image(browser, ".card-media img");
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> image(Browser browser, String selector) {
		return (Map<String, Object>) browser.script("var i = document.querySelector(arguments[0]);"
				+ " return { currentSrc: i.currentSrc, renderedWidth: i.getBoundingClientRect().width,"
				+ " loading: i.loading, width: i.getAttribute('width'), height: i.getAttribute('height'), alt: i.alt };",
				selector);
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
