package dev.blogroll;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Blogroll's own settings, bound from {@code blogroll.*} properties or {@code BLOGROLL_*}
 * environment variables.
 *
 * @param siteName the site's name, shown in the header, page titles and the footer
 * @param siteUrl the public address of the site, used for absolute links; never taken from
 * the request
 * @param pageSize how many post cards a listing page shows
 * @param timeZone the time zone in which dates are shown to readers and editors
 * @param locale the site's one language and formats ({@code en}, {@code de}): every page's
 * interface text comes from {@code messages.properties} or that language's bundle, dates and
 * numbers are formatted for it, and {@code <html lang>}, feeds and JSON-LD name it. It is a
 * setting, never negotiated from {@code Accept-Language}, so a page has one answer for every
 * client and caches in front stay correct
 * @param demoData whether to load the demo posts into an empty database: {@code true} or
 * {@code false}; when unset, the demo is loaded only into the embedded database
 * @param pageCacheSize how much memory rendered pages may keep, served again while nothing
 * they show has changed; {@code 0} turns the cache off
 * @param embeddedDatabase the PostgreSQL started when no {@code spring.datasource.url} is set
 * @param admin the first admin account, created when there is no account at all
 * @param defaultImage the image search engines and social sites show for a page that has
 * none of its own ({@code og:image}), a path on this site or an absolute URL
 * @param httpCache how long browsers and shared caches may keep public pages
 * @param sitemapSize how many URLs one sitemap file lists, at most the protocol's 50,000
 * @param ingest how feeds of engineering blogs are fetched (aggregation)
 * @param trustedProxies the addresses ({@code 10.0.0.5}) or networks ({@code 172.30.0.0/24})
 * of the proxies in front of Blogroll, whose {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are believed; empty (the default) believes no one, not even
 * 127.0.0.1: list the loopback addresses explicitly when a proxy on the same machine forwards
 * to Blogroll. A trusted proxy's {@code X-Request-Id} is kept too ({@code web.RequestLog})
 * @param limits what one request may send, and how many requests may hold a server thread
 * while they send it
 * @param search how many searches may run at once, so that they never take what listings need
 * @param sessions how long an editor's session lasts
 * @param housekeepingInterval how often each instance folds the changes writers noted into the
 * listing counts and the content version ({@code V36}) and removes expired sessions
 */
@Validated
@ConfigurationProperties("blogroll")
public record BlogrollProperties(
		@DefaultValue("Blogroll") @NotBlank String siteName,
		@DefaultValue("http://localhost:8080") @NotNull URI siteUrl,
		@DefaultValue("15") @Min(1) @Max(100) int pageSize,
		@DefaultValue("UTC") @NotNull ZoneId timeZone,
		@DefaultValue("en") @NotNull Locale locale,
		@Nullable Boolean demoData,
		@DefaultValue("32MB") @NotNull DataSize pageCacheSize,
		@DefaultValue @Valid EmbeddedDatabase embeddedDatabase,
		@DefaultValue @Valid FirstAdmin admin,
		@DefaultValue("/images/blogroll-card.png") @NotBlank String defaultImage,
		@DefaultValue @Valid HttpCache httpCache,
		@DefaultValue("50000") @Min(1) @Max(50_000) int sitemapSize,
		@DefaultValue @Valid Ingest ingest,
		@DefaultValue List<String> trustedProxies,
		@DefaultValue @Valid Limits limits,
		@DefaultValue @Valid Search search,
		@DefaultValue @Valid Sessions sessions,
		@DefaultValue("5s") @NotNull Duration housekeepingInterval) {

	/**
	 * The absolute URL of a path on this site, built from {@link #siteUrl()} and never from the
	 * request, so that no host header or query parameter can leak into canonicals and feeds.
	 * Absolute URLs (an image hosted elsewhere) are returned as they are.
	 */
	public String absoluteUrl(String path) {
		if (path.startsWith("http://") || path.startsWith("https://")) {
			return path;
		}
		String base = this.siteUrl.toString();
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base + (path.startsWith("/") ? path : "/" + path);
	}

	/**
	 * The account Blogroll creates when it starts with no account at all. Set both from the
	 * environment ({@code BLOGROLL_ADMIN_USERNAME}, {@code BLOGROLL_ADMIN_PASSWORD}); without a
	 * password, a random one is generated and printed once in the log.
	 *
	 * @param username the account's name
	 * @param password its password, at least 12 characters; never given a default
	 */
	public record FirstAdmin(@DefaultValue("admin") @NotBlank String username, @Nullable String password) {

		@Override
		public String toString() {
			return "FirstAdmin[username=" + this.username + ", password=" + ((this.password != null) ? "****" : "unset")
					+ "]";
		}

	}

	/**
	 * The {@code Cache-Control} of public pages, feeds and sitemaps. Every such response also
	 * carries an {@code ETag} and {@code Last-Modified}, so once {@code maxAge} has passed a
	 * cache revalidates cheaply with a conditional request.
	 *
	 * @param maxAge how long a response is fresh
	 * @param staleWhileRevalidate how long after that a cache may still serve it while it
	 * revalidates in the background
	 */
	public record HttpCache(@DefaultValue("60s") @NotNull Duration maxAge,
			@DefaultValue("600s") @NotNull Duration staleWhileRevalidate) {

		/** The header value, e.g. {@code public, max-age=60, stale-while-revalidate=600}. */
		public String publicCacheControl() {
			return "public, max-age=" + this.maxAge.toSeconds() + ", stale-while-revalidate="
					+ this.staleWhileRevalidate.toSeconds();
		}

	}

	/**
	 * The embedded PostgreSQL used when no external database is configured.
	 *
	 * @param dataDirectory where its files live; kept between runs so posts survive a restart
	 * @param port the port it listens on, 0 for any free port
	 */
	public record EmbeddedDatabase(
			@DefaultValue("./data/postgres") @NotNull Path dataDirectory,
			@DefaultValue("0") @Min(0) @Max(65535) int port) {
	}

	/**
	 * Fetching the feeds of sources (aggregation).
	 *
	 * @param schedulerEnabled whether this instance looks for due sources by itself; tests turn
	 * it off and fetch explicitly
	 * @param pollInterval how often this instance looks for sources whose next fetch is due,
	 * when it has fetched every source that was due
	 * @param concurrency how many feeds this instance fetches at once (its pool); every instance
	 * has one, so two instances fetch about twice as many
	 * @param perHost how many feeds of one host (the feed URL's host name) are fetched at once,
	 * by all instances together, so a host with many feeds is not hammered
	 * @param writers how many of this instance's fetches write their entries and outcome at once
	 * (the others wait their turn); kept below the connection pool's size, so that fetching
	 * never takes the connections readers' pages need
	 * @param minInterval the shortest time between two scheduled fetches of a source, whatever
	 * its editor's interval, its publishing or its server's caching headers say; at least
	 * {@value #MIN_INTERVAL_MINUTES} minutes, so no setting can make Blogroll hammer a blog
	 * @param maxInterval the longest time between two fetches of a source that works, however
	 * quiet it is or however long its server says its feed stays fresh
	 * @param connectTimeout how long to wait for a feed's server to accept the connection
	 * @param readTimeout how long a whole response (headers and body) may take
	 * @param maxFeedSize the most a feed may weigh, compressed or not; the fetch is aborted
	 * beyond it
	 * @param maxRedirects how many redirects one fetch follows before giving up
	 * @param maxBackoff the longest wait after repeated failures (the wait doubles from the
	 * source's interval with each failure)
	 * @param allowLoopback whether feed URLs may resolve to this machine (127.0.0.1, ::1); only
	 * for tests
	 * @param allowPrivateAddresses whether feed URLs may resolve to private, link-local or other
	 * non-public addresses; off in production, so nobody can make Blogroll fetch from the
	 * internal network
	 * @param maxEntriesPerFetch how many entries of one fetch are taken, the newest first; a feed
	 * of 25,000 items adds this many posts, not 25,000
	 * @param maxPostsPerSourcePerDay how many posts one source may publish in 24 hours; its
	 * further new posts are kept as drafts for an editor to publish or trash
	 * @param webSub subscriptions to the hubs feeds name, so their posts are pushed to Blogroll
	 */
	public record Ingest(@DefaultValue("true") boolean schedulerEnabled,
			@DefaultValue("60s") @NotNull Duration pollInterval,
			@DefaultValue("5s") @NotNull Duration connectTimeout,
			@DefaultValue("15s") @NotNull Duration readTimeout,
			@DefaultValue("5MB") @NotNull DataSize maxFeedSize,
			@DefaultValue("5") @Min(0) @Max(20) int maxRedirects,
			@DefaultValue("24h") @NotNull Duration maxBackoff,
			@DefaultValue("false") boolean allowLoopback,
			@DefaultValue("false") boolean allowPrivateAddresses,
			@DefaultValue("50") @Min(1) @Max(10_000) int maxEntriesPerFetch,
			@DefaultValue("100") @Min(0) @Max(100_000) int maxPostsPerSourcePerDay,
			@DefaultValue("16") @Min(1) @Max(512) int concurrency,
			@DefaultValue("2") @Min(1) @Max(64) int perHost,
			@DefaultValue("3") @Min(1) @Max(64) int writers,
			@DefaultValue("15m") @NotNull Duration minInterval,
			@DefaultValue("24h") @NotNull Duration maxInterval,
			@DefaultValue @Valid WebSub webSub) {

		/** The floor under {@code minInterval}: no setting goes below it. */
		public static final int MIN_INTERVAL_MINUTES = 5;

		public Ingest {
			if (minInterval.compareTo(Duration.ofMinutes(MIN_INTERVAL_MINUTES)) < 0) {
				throw new IllegalArgumentException("blogroll.ingest.min-interval must be at least "
						+ MIN_INTERVAL_MINUTES + " minutes, so that no blog is fetched more often; it is " + minInterval);
			}
			if (maxInterval.compareTo(minInterval) < 0) {
				throw new IllegalArgumentException("blogroll.ingest.max-interval (" + maxInterval
						+ ") must not be shorter than blogroll.ingest.min-interval (" + minInterval + ")");
			}
		}

	}

	/**
	 * WebSub (a W3C Recommendation): when a feed names a hub and its own URL, Blogroll subscribes
	 * to it with a callback on {@link BlogrollProperties#siteUrl()}, and the hub pushes the feed
	 * when it changes. A source whose subscription is verified is still polled, every
	 * {@code max-interval}, in case the hub stops pushing.
	 *
	 * @param enabled whether Blogroll subscribes at all; it never does while the site URL is
	 * this machine ({@code localhost}), which no hub could reach
	 * @param lease how long a subscription is asked to last ({@code hub.lease_seconds}); the
	 * hub decides
	 * @param renewBefore how long before its lease ends a subscription is renewed
	 * @param verifyTimeout how long a hub has to verify a subscription before the source is
	 * treated as having none
	 * @param retryAfter how long after a hub refused or failed before it is asked again
	 * @param maxPushSize the largest push accepted; larger ones are refused unread (413)
	 */
	public record WebSub(@DefaultValue("true") boolean enabled,
			@DefaultValue("7d") @NotNull Duration lease,
			@DefaultValue("1d") @NotNull Duration renewBefore,
			@DefaultValue("1h") @NotNull Duration verifyTimeout,
			@DefaultValue("1d") @NotNull Duration retryAfter,
			@DefaultValue("5MB") @NotNull DataSize maxPushSize) {
	}

	/**
	 * What one request may send, and how many may be sending at once. Reading a request's body
	 * holds one of the server's threads until the last byte has come, however slowly the
	 * client sends it; these limits keep such requests from taking the threads readers need.
	 *
	 * @param maxPathLength the longest request path, in bytes as sent; longer answers 414
	 * @param maxQueryLength the longest query string, in bytes as sent; longer answers 414
	 * @param bodiesPerAddress how many requests from one client address may be sending a body
	 * at once; more answer 429 at once, without reading their bodies
	 * @param concurrentBodies how many requests may be sending a body at once, from all
	 * addresses together; well below the server's threads (200)
	 * @param opmlMaxSize the largest OPML upload (100,000 feeds are about 20 MB)
	 * @param importMaxSize the largest NDJSON import upload
	 * @param otherUploadMaxSize the largest multipart upload anywhere else
	 * @param maxConnections how many connections Tomcat keeps open at once
	 * ({@code server.tomcat.max-connections}); each holds 40 KB of buffers outside the heap and
	 * about 15 KB of heap, so this bounds
	 * what clients can take by opening connections and sending nothing (application.properties)
	 */
	public record Limits(@DefaultValue("2048") @Min(256) int maxPathLength,
			@DefaultValue("2048") @Min(256) int maxQueryLength,
			@DefaultValue("4") @Min(1) int bodiesPerAddress,
			@DefaultValue("32") @Min(1) int concurrentBodies,
			@DefaultValue("32MB") @NotNull DataSize opmlMaxSize,
			@DefaultValue("1GB") @NotNull DataSize importMaxSize,
			@DefaultValue("1MB") @NotNull DataSize otherUploadMaxSize,
			@DefaultValue("500") @Min(10) int maxConnections) {
	}

	/**
	 * The search bulkhead: searches are the most expensive requests anyone can send, so only a
	 * few run at once, always fewer than the database connections listings need.
	 *
	 * @param maxConcurrent how many searches may run at once; must be below the connection
	 * pool's size ({@code spring.datasource.hikari.maximum-pool-size}, 10)
	 * @param maxWait how long a search waits for its turn before it is answered 429 with
	 * {@code Retry-After}
	 * @param engine what answers searches: PostgreSQL's full-text search (the default, nothing to
	 * install), or Lucene in the JVM, kept current from PostgreSQL, for sites with hundreds of
	 * thousands of posts ({@code dev.blogroll.search.LuceneIndex})
	 * @param index where the Lucene engine keeps its index: a directory of this instance's own
	 * (instances never share one); built from PostgreSQL when empty
	 */
	public record Search(@DefaultValue("3") @Min(1) int maxConcurrent,
			@DefaultValue("1s") @NotNull Duration maxWait,
			@DefaultValue("postgresql") @NotNull Engine engine,
			@DefaultValue("search-index") @NotNull Path index) {

		/** The search engines Blogroll can use. */
		public enum Engine {

			/** PostgreSQL's full-text search, in the database ({@code post.search_vector}). */
			POSTGRESQL,

			/** Lucene, in the JVM, with an index on this instance's disk. */
			LUCENE

		}

	}

	/**
	 * Editors' sessions.
	 *
	 * @param idleTimeout how long a session lasts without a request
	 * @param maxAge how long a session lasts at most, however busy: the editor signs in again
	 */
	public record Sessions(@DefaultValue("2h") @NotNull Duration idleTimeout,
			@DefaultValue("12h") @NotNull Duration maxAge) {
	}

}
