package dev.blogroll.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.MutableClock;
import dev.blogroll.content.ContentVersion;
import dev.blogroll.content.ContentVersion.Snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/**
 * The rendered-page cache stays within {@code blogroll.page-cache-size}, counting every byte
 * it keeps, paths included, whatever paths it is asked for: a flood of distinct long paths that
 * each answer 200 (the worst case: a 404 is never remembered at all) fills it to its bound and
 * no further. And it takes pages in no faster than a sixteenth of that a second, so a crawler
 * asking for every page twice does not turn it over.
 */
class RenderedPageCacheBoundsTests {

	private static final long SIZE = 256 * 1024;

	private final MutableClock clock = new MutableClock();

	@Test
	void floodsOfDistinctLongPathsStayWithinTheConfiguredBytes() throws Exception {
		RenderedPageCache cache = cache(SIZE);
		for (int i = 0; i < 5_000; i++) {
			String path = "/blog/flood-" + i + "-" + "p".repeat(2000);
			for (int times = 0; times < 3; times++) {
				serve(cache, path, "<p>page " + i + "</p>".repeat(50));
			}
			// a second between paths: the intake never holds the flood back
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(cache.bytesUsed()).as("after %d paths", i + 1).isLessThanOrEqualTo(SIZE);
		}
		assertThat(cache.bytesUsed()).isGreaterThan(SIZE / 2);
	}

	@Test
	void pathsNotedOnceStayWithinASixteenthOfTheSize() throws Exception {
		RenderedPageCache cache = cache(SIZE);
		for (int i = 0; i < 5_000; i++) {
			serve(cache, "/blog/once-" + i + "-" + "q".repeat(2000), "<p>once</p>");
		}
		assertThat(cache.bytesUsed()).isLessThanOrEqualTo(SIZE / 16);
		assertThat(cache.pathsNoted()).isBetween(1, (int) (SIZE / 16 / 4000) + 1);
	}

	@Test
	void aCrawlerAskingForEveryPageTwiceTakesInASixteenthOfTheSizeASecond() throws Exception {
		this.clock.set(Instant.parse("2026-12-03T12:00:00Z"));
		RenderedPageCache cache = cache(SIZE);
		String body = "<p>an archive page</p>".repeat(200); // 4.4 KB
		for (int i = 0; i < 50; i++) {
			serve(cache, "/blog/engineering/page/" + (i + 2), body);
		}
		this.clock.advance(Duration.ofSeconds(1));
		for (int i = 0; i < 50; i++) {
			serve(cache, "/blog/engineering/page/" + (i + 2), body);
		}
		// 50 pages of 4.4 KB asked for again within a second: 16 KB a second let in four
		assertThat(cache.pagesKept()).isBetween(3, 5);
		assertThat(cache.pageBytes()).as("a sixteenth of the size, and the page that overdrew it")
			.isLessThanOrEqualTo(SIZE / 16 + 5_000);
		assertThat(serve(cache, "/blog/engineering/page/40", body).getHeader(RenderedPageCache.HEADER))
			.as("not kept while the intake was spent").isEqualTo("miss");

		this.clock.advance(Duration.ofSeconds(1));
		serve(cache, "/blog/engineering/page/40", body);
		assertThat(serve(cache, "/blog/engineering/page/40", body).getHeader(RenderedPageCache.HEADER))
			.as("a second later: kept on the next request, served from memory after it").isEqualTo("hit");
	}

	@Test
	void aPageAskedForAgainAndAgainGetsInOnceTheIntakeRefills() throws Exception {
		this.clock.set(Instant.parse("2026-12-03T12:00:00Z"));
		RenderedPageCache cache = cache(SIZE);
		String archive = "<p>an archive page</p>".repeat(200);
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 50; i++) {
				serve(cache, "/blog/engineering/page/" + (i + 2), archive);
			}
		}
		String hot = "/blog/engineering/page/17";
		serve(cache, hot, archive);
		assertThat(serve(cache, hot, archive).getHeader(RenderedPageCache.HEADER)).isEqualTo("miss");
		assertThat(serve(cache, hot, archive).getHeader(RenderedPageCache.HEADER)).as("the intake is spent")
			.isEqualTo("miss");
		this.clock.advance(Duration.ofMillis(500));
		serve(cache, hot, archive);
		assertThat(serve(cache, hot, archive).getHeader(RenderedPageCache.HEADER)).isEqualTo("hit");
	}

	private RenderedPageCache cache(long bytes) {
		// the real keeper, a fixed state of the content: no database
		ContentVersion version = mock(ContentVersion.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
		doReturn(new Snapshot(1, null)).when(version).current(any(jakarta.servlet.http.HttpServletRequest.class));
		BlogrollProperties properties = new Binder(
				new MapConfigurationPropertySource(Map.of("blogroll.page-cache-size", bytes + "B")))
			.bindOrCreate("blogroll", BlogrollProperties.class);
		return new RenderedPageCache(version, new SiteLocale(properties, new StaticMessageSource()), properties,
				new SimpleMeterRegistry(), "SESSION", this.clock);
	}

	private static MockHttpServletResponse serve(RenderedPageCache cache, String path, String body) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath(path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		cache.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
				res.setStatus(200);
				res.setContentType("text/html");
				res.getWriter().write(body);
			}
		}));
		return response;
	}

}
