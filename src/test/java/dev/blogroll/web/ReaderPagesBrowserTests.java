package dev.blogroll.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blogroll.BlogrollTest;
import dev.blogroll.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page type in a real browser (headless Chromium), on a desktop (1280×800) and a
 * phone (375×812): the page never scrolls sideways and logs no console errors; a few again in
 * dark mode. Screenshots go to {@code target/screenshots/<page>-<width>.png} (and
 * {@code <page>-dark-<width>.png}). Skipped where Chromium is not installed.
 */
@BlogrollTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderPagesBrowserTests {

	private static final List<Page> PAGES = List.of(new Page("home", "/", 200), new Page("blog", "/blog", 200),
			new Page("category-page-17", "/blog/engineering/page/17", 200),
			new Page("tag", "/blog/tag/api-gateway", 200), new Page("author", "/blog/author/marco-palladino", 200),
			new Page("post", "/blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes", 200),
			new Page("post-aggregated", "/blog/engineering/kong-gateway-rate-limiting", 200),
			new Page("search", "/search?q=gateway+plugin", 200),
			new Page("search-filtered", "/search?q=kubernetes&category=engineering&tag=service-mesh", 200),
			new Page("search-prompt", "/search", 200), new Page("search-no-results", "/search?q=zzzqqq", 200),
			new Page("not-found", "/blog/no-such-category", 404));

	private static final int[][] VIEWPORTS = { { 1280, 800 }, { 375, 812 } };

	@LocalServerPort
	private int port;

	private Browser browser;

	@BeforeAll
	void startBrowser() {
		this.browser = Browser.start();
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	static Stream<Arguments> pagesAndViewports() {
		List<Arguments> arguments = new ArrayList<>();
		for (Page page : PAGES) {
			for (int[] viewport : VIEWPORTS) {
				arguments.add(Arguments.of(page, viewport[0], viewport[1]));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} at {1}×{2}")
	@MethodSource("pagesAndViewports")
	void pageFitsTheScreenWithoutConsoleErrors(Page page, int width, int height) {
		this.browser.preferColorScheme("light");
		check(page, width, height, page.name() + "-" + width);
	}

	@ParameterizedTest(name = "{0} at {1}×{2}, dark")
	@MethodSource("darkPagesAndViewports")
	void darkModePagesFitTheScreenWithoutConsoleErrors(Page page, int width, int height) {
		this.browser.preferColorScheme("dark");
		check(page, width, height, page.name() + "-dark-" + width);
		assertThat(this.browser.script("return getComputedStyle(document.body).backgroundColor"))
			.isEqualTo("rgb(15, 18, 23)");
	}

	static Stream<Arguments> darkPagesAndViewports() {
		return pagesAndViewports().filter((arguments) -> {
			String name = ((Page) arguments.get()[0]).name();
			return name.equals("search") || name.equals("post");
		});
	}

	private void check(Page page, int width, int height, String screenshot) {
		String url = "http://localhost:" + this.port + page.path();
		this.browser.consoleErrors(); // start from a clean log
		this.browser.open(url, width, height);
		this.browser.screenshot(screenshot);
		assertThat(this.browser.viewportWidth()).as("viewport width").isEqualTo(width);
		assertThat(this.browser.driver().findElement(By.tagName("h1")).isDisplayed()).isTrue();
		assertThat(this.browser.hasHorizontalOverflow()).as("%s scrolls sideways at %d px", page.path(), width)
			.isFalse();
		List<String> errors = this.browser.consoleErrors()
			.stream()
			// the 404 page's own status is expected, not an error of the page
			.filter((message) -> !(page.status() == 404 && message.startsWith(url + " ") && message.contains("404")))
			.toList();
		assertThat(errors).as("console errors on %s at %d px", page.path(), width).isEmpty();
	}

	/**
	 * A page to visit.
	 *
	 * @param name its name in screenshot files
	 * @param path its path
	 * @param status the status it answers with
	 */
	record Page(String name, String path, int status) {

		@Override
		public String toString() {
			return this.path;
		}

	}

}
