package dev.blogroll.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.tomcat.util.http.MimeHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.content.ContentVersion;
import dev.blogroll.content.ContentVersion.Snapshot;
import dev.blogroll.content.Kept;

/**
 * Keeps the bytes of rendered pages ({@code /}, {@code /blog/**}, the site's feeds and the
 * sitemap index) and serves them again while nothing they could show has changed. (The post
 * sitemaps are left out: up to 50,000 URLs each, they would push out hundreds of pages, and
 * crawlers fetch them rarely.)
 * <p>
 * "Nothing has changed" is asked of PostgreSQL for every request ({@link ContentVersion}: the
 * data version and the next scheduled post). A page is served from memory only if both are
 * what they were when it was rendered ({@link Kept}), so an editor's change shows on the next
 * request, on every instance sharing the database. The key is the scheme and the request's
 * path as the application sees it, decoded and normalized ({@code /blog/%65ngineering} is
 * {@code /blog/engineering}), so no spelling of a path can push out the page under another;
 * only plain GETs that answered 200 are kept. A request with {@code If-None-Match} is answered
 * from a kept page (304 if it names the page's {@code ETag}, else the page), or by the
 * application when none is kept; one with only {@code If-Modified-Since} always goes to the
 * application. The least recently used pages go first when the cache is over its size. The
 * headers replayed on a hit are the ones the first response had, security headers included,
 * each sent once, with {@code Vary: Accept-Encoding}: the body is sent compressed with gzip,
 * made once when the page was kept, to a client that accepts it. The request id is the
 * request's own and the hit is counted under the page's route ({@link RequestLog}).
 * <p>
 * Kept pages are served again by {@link KeptPageValve}, in Tomcat's pipeline before the servlet
 * filters, through {@link #keptFor}; this filter renders and keeps them, and serves a kept page
 * itself only where the valve did not run (a page kept between the two looks, or a server
 * without the valve, such as MockMvc). It runs before every filter a kept page does not need
 * ({@link FilterOrder}), {@code Cache-Control} included, whose header it replays.
 * <p>
 * A request carrying a session cookie (an editor's: readers have no session) is never served
 * a kept page and never leaves one: it goes to the application, Spring Security included.
 * <p>
 * A page is kept from its second request on: the first only notes its path, and only if it
 * answered 200, so a flood of made-up addresses (each a 404) leaves nothing behind. A crawler
 * asks for each page once, and keeping every one of them would push out the pages readers come
 * back to and, worse, fill the old generation of the heap with pages nobody asks for again: in
 * the benchmark's cold crawl that meant a 110–160 ms full collection every three seconds, which
 * was the crawl's p99 (bench/RESULTS.md). A crawler that comes back asks for each page a second
 * time, so pages are also taken in no faster than a sixteenth of the budget a second
 * ({@link PageIntake}); a page rendered while that is spent is sent and not kept.
 * <p>
 * Everything kept is counted in bytes, keys included, against {@code blogroll.page-cache-size}:
 * the noted paths may use a sixteenth of it, the pages the rest. Paths longer than
 * {@code blogroll.limits.max-path-length} never get here ({@link RequestLimitsFilter}).
 * <p>
 * Metrics ({@code blogroll.page.cache.*}): hits and misses, counted here; the pages and bytes
 * kept, and the pages dropped (to stay within the budget, or because the content changed), read
 * from the store when scraped. A kept page remembers the route template it was rendered for, so
 * a hit is counted under its route in {@code http.server.requests} ({@link RequestLog}).
 */
@Component
@Order(FilterOrder.RENDERED_PAGE_CACHE)
class RenderedPageCache extends SiteFilter {

	static final String HEADER = "X-Page-Cache";

	/** What a noted path costs besides its characters: the map's node, the key's object header. */
	private static final int ENTRY_OVERHEAD = 96;

	/** The longest key considered at all, in characters; longer paths are refused before. */
	private static final int MAX_KEY = 4096;

	private final ContentVersion contentVersion;

	/** The name of the session cookie (Spring Session's {@code SESSION} unless configured). */
	private final String sessionCookie;

	private final SiteLocale siteLocale;

	private final long maxBytes;

	private final long maxSeenBytes;

	/** Rendered pages by key, weighed with their keys. */
	private final Kept<String, Page> pages;

	/** Paths that answered 200 before, the most recently asked first to stay; guarded by {@code this}. */
	private final Map<String, Boolean> seenBefore = new LinkedHashMap<>(1024, 0.75f, true);

	/** What {@link #seenBefore} weighs; guarded by {@code this}. */
	private long seenBytes;

	private final Counter hits;

	private final Counter misses;

	private final PageIntake intake;

	private final Counter notTakenIn;

	RenderedPageCache(ContentVersion contentVersion, SiteLocale siteLocale, BlogrollProperties properties,
			MeterRegistry registry, @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie,
			Clock clock) {
		this.contentVersion = contentVersion;
		this.siteLocale = siteLocale;
		this.sessionCookie = sessionCookie;
		this.maxBytes = properties.pageCacheSize().toBytes();
		this.maxSeenBytes = this.maxBytes / 16;
		this.pages = contentVersion.keeper(this.maxBytes - this.maxSeenBytes,
				(key, page) -> keyBytes(key) + page.size());
		this.intake = new PageIntake(this.maxBytes, clock);
		this.hits = Counter.builder("blogroll.page.cache.hits").description("Pages served from memory")
			.register(registry);
		this.misses = Counter.builder("blogroll.page.cache.misses")
			.description("Pages rendered because none was kept for the current content")
			.register(registry);
		this.notTakenIn = Counter.builder("blogroll.page.cache.not.taken.in")
			.description("Pages asked for a second time and not kept: pages were being taken in as fast as allowed")
			.register(registry);
		Gauge.builder("blogroll.page.cache.bytes", this.pages, Kept::bytes).baseUnit("bytes")
			.description("Memory the kept pages take, keys and headers included")
			.register(registry);
		Gauge.builder("blogroll.page.cache.pages", this.pages, Kept::size).description("Pages kept")
			.register(registry);
		Gauge.builder("blogroll.page.cache.max.bytes", () -> this.maxBytes).baseUnit("bytes")
			.description("The budget, blogroll.page-cache-size")
			.register(registry);
		FunctionCounter.builder("blogroll.page.cache.evictions", this.pages, Kept::evictedForSize)
			.tag("cause", "size")
			.description("Pages dropped: least recently used to stay within the budget, or all when the content changed")
			.register(registry);
		FunctionCounter.builder("blogroll.page.cache.evictions", this.pages, Kept::droppedForChange)
			.tag("cause", "content-changed")
			.description("Pages dropped: least recently used to stay within the budget, or all when the content changed")
			.register(registry);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath();
		return this.maxBytes == 0 || !"GET".equals(request.getMethod()) || request.getQueryString() != null
				|| path.length() > MAX_KEY
				|| (request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null
						&& request.getHeader(HttpHeaders.IF_NONE_MATCH) == null)
				|| !(path.equals("/") || path.equals("/blog") || path.startsWith("/blog/")
						|| path.equals("/sitemap.xml") || path.equals("/feed.atom") || path.equals("/feed.rss"))
				|| redirected(path) || signedIn(request);
	}

	/**
	 * Whether the filters after this one answer the path with a redirect, never a page: a
	 * trailing slash, a feed address a reader guessed ({@code /blog/engineering/rss}). Those
	 * are left to them, as they were before this filter ran first: without asking PostgreSQL
	 * for the content version.
	 */
	private static boolean redirected(String path) {
		return (path.length() > 1 && path.endsWith("/")) || SitePaths.endsInFeedAlias(path);
	}

	/**
	 * Whether the request carries a session: an editor's (readers have none), who is never
	 * served a page kept for anonymous readers, nor leaves one behind.
	 */
	private boolean signedIn(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (this.sessionCookie.equals(cookie.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The page kept for this request if there is one it may be served, for {@link KeptPageValve},
	 * which serves it before Tomcat runs the filters; null if this filter has to decide (a request
	 * it leaves alone, no page kept, or the database not answering, which the filters then
	 * answer as they would have).
	 */
	@Nullable Page keptFor(HttpServletRequest request) {
		if (shouldNotFilter(request)) {
			return null;
		}
		Snapshot state;
		try {
			state = this.contentVersion.current(request);
		}
		catch (RuntimeException ex) {
			// the filters ask again and answer it as before: an outage, which ContentVersion
			// remembers for this request, with DatabaseOutageFilter's 503
			return null;
		}
		Page page = this.pages.get(state, this.siteLocale.languageTag() + ":" + key(request));
		if (page != null) {
			this.hits.increment();
		}
		return page;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the site has one locale, but tests switch it at run time (MutableSiteLocale)
		String key = this.siteLocale.languageTag() + ":" + key(request);
		Snapshot state = this.contentVersion.current(request);
		Page page = this.pages.get(state, key);
		if (page != null) {
			this.hits.increment();
			if (page.route() != null) {
				request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, page.route());
			}
			page.writeTo(request, response);
			return;
		}
		this.misses.increment();
		if (request.getHeader(HttpHeaders.IF_NONE_MATCH) != null) {
			// the application answers it (304 or the page), and its answer is not kept
			chain.doFilter(request, response);
			return;
		}
		if (!seenBefore(key)) {
			response.setHeader(HEADER, "miss");
			chain.doFilter(request, response);
			if (response.getStatus() == HttpServletResponse.SC_OK) {
				noteSeen(key);
			}
			return;
		}
		if (!this.intake.open()) {
			this.notTakenIn.increment();
			response.setHeader(HEADER, "miss");
			chain.doFilter(request, response);
			return;
		}
		ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
		rendering.setHeader(HEADER, "miss");
		chain.doFilter(request, rendering);
		if (rendering.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted()
				&& !DegradedResponse.isDegraded(request)) {
			Page kept = Page.of(rendering, request);
			this.pages.put(state, key, kept);
			this.intake.took(keyBytes(key) + kept.size());
		}
		rendering.copyBodyToResponse();
	}

	/**
	 * The scheme (HTTPS responses carry HSTS, plain ones don't: never serve one for the other)
	 * and the path as decoded and normalized by the server, which is what the application
	 * answers: the spellings of one page share one key.
	 */
	static String key(HttpServletRequest request) {
		String path = request.getServletPath();
		if (request.getPathInfo() != null) {
			path += request.getPathInfo();
		}
		return request.getScheme() + ":" + path;
	}

	/**
	 * Whether the path answered 200 before, lately. A page asked for before is kept again as
	 * soon as it is rendered after a change.
	 */
	private synchronized boolean seenBefore(String key) {
		return this.seenBefore.get(key) != null;
	}

	/** Notes a path that answered 200; the least recently asked go when the notes are over their bytes. */
	private synchronized void noteSeen(String key) {
		if (this.seenBefore.put(key, Boolean.TRUE) == null) {
			this.seenBytes += keyBytes(key);
		}
		var eldest = this.seenBefore.keySet().iterator();
		while (this.seenBytes > this.maxSeenBytes && eldest.hasNext()) {
			this.seenBytes -= keyBytes(eldest.next());
			eldest.remove();
		}
	}

	/** What a key costs in memory, counted generously (two bytes a character). */
	static long keyBytes(String key) {
		return 2L * key.length() + ENTRY_OVERHEAD;
	}

	/** Bytes counted for kept pages and noted paths, for tests. */
	synchronized long bytesUsed() {
		return this.pages.bytes() + this.seenBytes;
	}

	/** How many pages are kept, for tests. */
	int pagesKept() {
		return this.pages.size();
	}

	/** The bytes counted for kept pages, keys included, for tests. */
	long pageBytes() {
		return this.pages.bytes();
	}

	/** How many paths are noted as answered before, for tests. */
	synchronized int pathsNoted() {
		return this.seenBefore.size();
	}

	/**
	 * A kept page: its headers, as the first response had them, its body, and the same body
	 * compressed with gzip (made once, when the page is kept, instead of by Tomcat on every
	 * request that accepts it), or null where that would not be smaller.
	 */
	record Page(String[][] headers, boolean[] repeated, byte[][] headerBytes, byte[] body,
			byte @Nullable [] gzipped, @Nullable String etag, @Nullable String route) {

		private static final byte[] HIT_NAME = latin1(HEADER);

		private static final byte[] HIT = latin1("hit");

		private static final byte[] REQUEST_ID_NAME = latin1(RequestLog.HEADER);

		private static final byte[] CONTENT_ENCODING = latin1(HttpHeaders.CONTENT_ENCODING);

		private static final byte[] GZIP = latin1("gzip");

		/** Bodies shorter than this are sent as they are (Tomcat's own threshold is 2 KB). */
		private static final int GZIP_FROM = 1024;

		static Page of(ContentCachingResponseWrapper response, HttpServletRequest request) {
			List<String[]> headers = new ArrayList<>();
			for (String name : response.getHeaderNames()) {
				// a cookie belongs to one visitor, never to the page, and so does a request id;
				// Vary is sent by writeTo, with Accept-Encoding in it
				if (!HEADER.equalsIgnoreCase(name) && !HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)
						&& !RequestLog.HEADER.equalsIgnoreCase(name) && !HttpHeaders.VARY.equalsIgnoreCase(name)) {
					for (String value : response.getHeaders(name)) {
						headers.add(new String[] { name, value });
					}
				}
			}
			if (response.getContentType() != null && response.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
				headers.add(new String[] { HttpHeaders.CONTENT_TYPE, response.getContentType() });
			}
			List<String> vary = new ArrayList<>();
			for (String value : response.getHeaders(HttpHeaders.VARY)) {
				for (String part : value.split(",")) {
					if (!part.isBlank() && !part.strip().equalsIgnoreCase(HttpHeaders.ACCEPT_ENCODING)) {
						vary.add(part.strip());
					}
				}
			}
			vary.add(HttpHeaders.ACCEPT_ENCODING);
			headers.add(new String[] { HttpHeaders.VARY, String.join(", ", vary) });
			String[][] kept = headers.toArray(String[][]::new);
			// a header the response already has (set by a filter before this one) is
			// replaced, not sent twice; one the page had several times is sent as many times
			boolean[] repeated = new boolean[kept.length];
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < kept.length; i++) {
				repeated[i] = !seen.add(kept[i][0].toLowerCase(Locale.ROOT));
			}
			byte[] body = response.getContentAsByteArray();
			Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			// names and values as Tomcat writes them (ISO-8859-1), for KeptPageValve
			byte[][] headerBytes = new byte[2 * kept.length][];
			for (int i = 0; i < kept.length; i++) {
				headerBytes[2 * i] = latin1(kept[i][0]);
				headerBytes[2 * i + 1] = latin1(kept[i][1]);
			}
			return new Page(kept, repeated, headerBytes, body, gzip(body), response.getHeader(HttpHeaders.ETAG),
					(route != null) ? route.toString() : null);
		}

		private static byte[] latin1(String text) {
			return text.getBytes(StandardCharsets.ISO_8859_1);
		}

		private static byte @Nullable [] gzip(byte[] body) {
			if (body.length < GZIP_FROM) {
				return null;
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
			try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
				gzip.write(body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return (out.size() < body.length) ? out.toByteArray() : null;
		}

		long size() {
			long size = this.body.length + ((this.gzipped != null) ? this.gzipped.length : 0) + 160L;
			for (String[] header : this.headers) {
				// the strings, two bytes a character, and their bytes
				size += 3L * (header[0].length() + header[1].length()) + 96;
			}
			return size;
		}

		/**
		 * {@link #writeTo(HttpServletRequest, HttpServletResponse)} for {@link KeptPageValve}, into
		 * a response nothing has written to, with the headers as bytes: through the servlet API
		 * Tomcat checks each name against the headers it treats apart and against those already
		 * set, and makes a new encoder for every name and value it sends. Returns the status sent.
		 */
		int writeTo(HttpServletRequest request, org.apache.coyote.Response response, String requestId)
				throws IOException {
			boolean notModified = notModified(request);
			MimeHeaders headers = response.getMimeHeaders();
			for (int i = 0; i < this.headers.length; i++) {
				if (!(notModified && this.headers[i][0].equalsIgnoreCase(HttpHeaders.CONTENT_TYPE))) {
					add(headers, this.headerBytes[2 * i], this.headerBytes[2 * i + 1]);
				}
			}
			add(headers, HIT_NAME, HIT);
			add(headers, REQUEST_ID_NAME, latin1(requestId));
			if (notModified) {
				response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
				return HttpServletResponse.SC_NOT_MODIFIED;
			}
			byte[] sent = this.body;
			byte[] gzipped = gzippedFor(request);
			if (gzipped != null) {
				add(headers, CONTENT_ENCODING, GZIP);
				sent = gzipped;
			}
			response.setContentLength(sent.length);
			response.doWrite(ByteBuffer.wrap(sent));
			return HttpServletResponse.SC_OK;
		}

		private static void add(MimeHeaders headers, byte[] name, byte[] value) {
			headers.addValue(name, 0, name.length).setBytes(value, 0, value.length);
		}

		private boolean notModified(HttpServletRequest request) {
			return this.etag != null && matches(request.getHeaders(HttpHeaders.IF_NONE_MATCH), this.etag);
		}

		/** The compressed body if there is one and the client accepts it, else null. */
		private byte @Nullable [] gzippedFor(HttpServletRequest request) {
			return (this.gzipped != null && acceptsGzip(request.getHeaders(HttpHeaders.ACCEPT_ENCODING))) ? this.gzipped
					: null;
		}

		/**
		 * Replays the page: a 304 without a body if the client already has its version
		 * ({@code If-None-Match}), else the page, compressed if the client accepts gzip.
		 */
		void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
			boolean notModified = notModified(request);
			for (int i = 0; i < this.headers.length; i++) {
				String[] header = this.headers[i];
				if (notModified && header[0].equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
					continue;
				}
				if (this.repeated[i]) {
					response.addHeader(header[0], header[1]);
				}
				else {
					response.setHeader(header[0], header[1]);
				}
			}
			response.setHeader(HEADER, "hit");
			if (notModified) {
				response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
				return;
			}
			byte[] sent = this.body;
			byte[] gzipped = gzippedFor(request);
			if (gzipped != null) {
				response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
				sent = gzipped;
			}
			response.setContentLength(sent.length);
			response.getOutputStream().write(sent);
		}

	}

	/**
	 * Whether {@code If-None-Match} names {@code etag}, compared weakly (RFC 9110 13.1.2: a
	 * page's version is the same compressed or not), or is {@code *}.
	 */
	static boolean matches(Enumeration<String> ifNoneMatch, String etag) {
		String opaque = opaque(etag);
		while (ifNoneMatch.hasMoreElements()) {
			for (String tag : ifNoneMatch.nextElement().split(",")) {
				String candidate = tag.strip();
				if (candidate.equals("*") || opaque(candidate).equals(opaque)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	/** Whether {@code Accept-Encoding} accepts gzip: named, without {@code q=0}. */
	static boolean acceptsGzip(Enumeration<String> acceptEncoding) {
		while (acceptEncoding.hasMoreElements()) {
			for (String coding : acceptEncoding.nextElement().split(",")) {
				String[] parts = coding.split(";");
				if (parts[0].strip().equalsIgnoreCase("gzip")) {
					for (int i = 1; i < parts.length; i++) {
						String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
						if (parameter.startsWith("q=") && parameter.substring(2).strip().matches("0(\\.0{0,3})?")) {
							return false;
						}
					}
					return true;
				}
			}
		}
		return false;
	}

}
