package dev.blogroll;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole application: Blogroll on a random port (inject it with
 * {@code @LocalServerPort} for real HTTP), {@code MockMvc} for requests that need a signed-in
 * user, the shared test PostgreSQL with the demo data ({@link TestDatabase}), and the beans of
 * {@link BlogrollTestConfiguration}: {@link TestPosts}, a {@link MutableClock} as the
 * application's clock, {@link SqlStatements} and {@link SlowStatements}.
 * <p>
 * Every test class that needs Spring uses this annotation and nothing that changes the
 * application context (no {@code properties}, {@code @Import}, {@code @MockitoBean} or nested
 * configuration of its own), so the whole suite runs on one application context, started once.
 * What a test needs to vary is varied at run time: time by the clock, data by
 * {@link TestPosts}, and settings are chosen here so every test can live with them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		// absolute URLs (canonicals, feeds, sitemaps) on a host no test could mistake for a request's
		"blogroll.site-url=https://blogroll.example",
		// sitemaps of 20 URLs, so the demo site needs several files, as a site past 50,000 posts does
		"blogroll.sitemap-size=20",
		// feeds come from a server on 127.0.0.1: fail fast when a test makes it hang
		"blogroll.ingest.connect-timeout=1s", "blogroll.ingest.read-timeout=2s",
		// the poller is scheduled as in production, but its first poll is a year away:
		// FetchSchedulerTests runs the scheduled task itself
		"blogroll.ingest.scheduler-enabled=true", "blogroll.ingest.poll-interval=365d",
		// the tests that play a proxy in front of Blogroll connect from 127.0.0.2 (ForwardedHeadersTests);
		// every other client, 127.0.0.1 and ::1 included, is a stranger whose forwarded headers are ignored
		"blogroll.trusted-proxies=127.0.0.2",
		// housekeeping (folding pending changes, removing expired sessions) is scheduled as in
		// production, a year away: statements counted by SqlStatements are the request's alone
		"blogroll.housekeeping-interval=365d" })
@AutoConfigureMockMvc
@Import(BlogrollTestConfiguration.class)
public @interface BlogrollTest {

}
