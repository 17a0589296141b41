package dev.blogroll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for tests: Debian's headless Chromium driven by Selenium, with a fresh profile
 * that is deleted on {@link #close()}. Every browser test starts its browser here. Chromium and
 * its driver are {@code CHROMIUM} and {@code CHROMEDRIVER} (system property or environment, as
 * {@code .ci/run} exports them; default {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}). Where either is missing, {@link #start()} skips the calling
 * test with a message that says what to install, so {@code ./mvnw verify} still passes on a
 * laptop without Chromium, and fails it in CI ({@link ExternalTools}).
 * <p>
 * Typical use, one browser per test class:
 * <pre>
 * browser = Browser.start();           // in &#64;BeforeAll
 * browser.open(url, 375, 812);
 * browser.hasHorizontalOverflow(); browser.consoleErrors(); browser.screenshot("home-375");
 * browser.close();                     // in &#64;AfterAll
 * </pre>
 */
public final class Browser implements AutoCloseable {

	/** The Chromium binary. */
	public static final Path CHROMIUM = Path.of(ExternalTools.setting("CHROMIUM", "/usr/bin/chromium"));

	/** Chromium's WebDriver. */
	public static final Path CHROMEDRIVER = Path.of(ExternalTools.setting("CHROMEDRIVER", "/usr/bin/chromedriver"));

	/** Where {@link #screenshot(String)} writes. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts a headless Chromium with a 1280×800 window, or skips the calling test (fails it in
	 * CI) when Chromium or chromedriver is not installed.
	 */
	public static Browser start() {
		ExternalTools.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Real-browser checks not run: they need Chromium at " + CHROMIUM + " and its driver at " + CHROMEDRIVER
						+ " (apt-get install chromium chromium-driver, or set CHROMIUM and CHROMEDRIVER; .ci/run does this)");
		try {
			Path profile = Files.createTempDirectory("blogroll-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--hide-scrollbars", "--window-size=1280,800", "--user-data-dir=" + profile);
			LoggingPreferences logging = new LoggingPreferences();
			logging.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logging);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			return new Browser(new ChromeDriver(service, options), profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The Selenium driver, for anything this class does not offer. */
	public ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Opens {@code url} in a viewport of exactly {@code width}×{@code height} CSS pixels (at
	 * device scale 1) and waits for the page to load.
	 */
	public void open(String url, int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
		this.driver.get(url);
		// under the whole suite's load, get() has twice returned (in a new tab, and in a new
		// browser) before the page's elements were there (CI, 2026-12-03)
		try {
			new WebDriverWait(this.driver, Duration.ofSeconds(10)).until((driver) -> !"about:blank"
				.equals(driver.getCurrentUrl())
					&& "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// the caller's next step says where the browser is
		}
	}

	/**
	 * Fills in the sign-in form the browser is on and sends it, then waits (up to 10 s) until the
	 * browser has left the sign-in page; where it went is for the caller to check.
	 */
	public void signIn(String username, String password) {
		if (this.driver.findElements(By.id("username")).isEmpty()) {
			throw new AssertionError("Not on the sign-in form: " + this.driver.getCurrentUrl() + " \""
					+ this.driver.getTitle() + "\"");
		}
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		try {
			new WebDriverWait(this.driver, Duration.ofSeconds(10))
				.until(ExpectedConditions.not(ExpectedConditions.urlContains("/admin/login")));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// the caller's assertion on where the browser is says what went wrong
		}
	}

	/**
	 * Emulates the reader's colour-scheme preference ({@code "dark"} or {@code "light"}) for
	 * pages opened from now on.
	 */
	public void preferColorScheme(String scheme) {
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	/**
	 * Runs JavaScript in the page and returns its result; the script reads {@code arguments}
	 * as {@code arguments[0]}, … (elements included).
	 */
	public Object script(String javascript, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(javascript, arguments);
	}

	/** Whether the page is wider than the viewport, i.e. scrolls sideways. */
	public boolean hasHorizontalOverflow() {
		return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth");
	}

	/** The viewport's width in CSS pixels. */
	public long viewportWidth() {
		return (Long) script("return window.innerWidth");
	}

	/** The console messages logged as errors (SEVERE) since the last call. */
	public List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/** Writes a screenshot of the whole page to {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Number width = (Number) script("return document.documentElement.scrollWidth");
			Number height = (Number) script("return document.documentElement.scrollHeight");
			Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width",
							width.intValue(), "height", Math.min(height.intValue(), 16_000), "scale", 1)));
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind is not worth failing a test for
		}
	}

}
