package dev.blogroll.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
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
 * only plain GETs that answered 200 are kept, and conditional requests ({@code If-None-Match},
 * {@code If-Modified-Since}) always go to the application. The least recently used pages go
 * first when the cache is over its size. The headers replayed on a hit are the ones the first
 * response had, security headers included, each sent once.
 * <p>
 * A page is kept from its second request on: the first only notes its path, and only if it
 * answered 200, so a flood of made-up addresses (each a 404) leaves nothing behind. A crawler
 * asks for each page once, and keeping every one of them would push out the pages readers come
 * back to and, worse, fill the old generation of the heap with pages nobody asks for again: in
 * the benchmark's cold crawl that meant a 110–160 ms full collection every three seconds, which
 * was the crawl's p99 (bench/RESULTS.md).
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
class RenderedPageCache extends OncePerRequestFilter {

	static final String HEADER = "X-Page-Cache";

	/** What a noted path costs besides its characters: the map's node, the key's object header. */
	private static final int ENTRY_OVERHEAD = 96;

	/** The longest key considered at all, in characters; longer paths are refused before. */
	private static final int MAX_KEY = 4096;

	private final ContentVersion contentVersion;

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

	RenderedPageCache(ContentVersion contentVersion, SiteLocale siteLocale, BlogrollProperties properties,
			MeterRegistry registry) {
		this.contentVersion = contentVersion;
		this.siteLocale = siteLocale;
		this.maxBytes = properties.pageCacheSize().toBytes();
		this.maxSeenBytes = this.maxBytes / 16;
		this.pages = contentVersion.keeper(this.maxBytes - this.maxSeenBytes,
				(key, page) -> keyBytes(key) + page.size());
		this.hits = Counter.builder("blogroll.page.cache.hits").description("Pages served from memory")
			.register(registry);
		this.misses = Counter.builder("blogroll.page.cache.misses")
			.description("Pages rendered because none was kept for the current content")
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
				|| path.length() > MAX_KEY || request.getHeader(HttpHeaders.IF_NONE_MATCH) != null
				|| request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null
				|| !(path.equals("/") || path.equals("/blog") || path.startsWith("/blog/")
						|| path.equals("/sitemap.xml") || path.equals("/feed.atom") || path.equals("/feed.rss"));
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
			page.writeTo(response);
			return;
		}
		this.misses.increment();
		if (!seenBefore(key)) {
			response.setHeader(HEADER, "miss");
			chain.doFilter(request, response);
			if (response.getStatus() == HttpServletResponse.SC_OK) {
				noteSeen(key);
			}
			return;
		}
		ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
		rendering.setHeader(HEADER, "miss");
		chain.doFilter(request, rendering);
		if (rendering.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted()
				&& !DegradedResponse.isDegraded(request)) {
			this.pages.put(state, key, Page.of(rendering, request));
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

	/** How many paths are noted as answered before, for tests. */
	synchronized int pathsNoted() {
		return this.seenBefore.size();
	}

	private record Page(List<String[]> headers, byte[] body, @Nullable String route) {

		static Page of(ContentCachingResponseWrapper response, HttpServletRequest request) {
			List<String[]> headers = new ArrayList<>();
			for (String name : response.getHeaderNames()) {
				// a cookie belongs to one visitor, never to the page, and so does a request id
				if (!HEADER.equalsIgnoreCase(name) && !HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)
						&& !RequestLog.HEADER.equalsIgnoreCase(name)) {
					for (String value : response.getHeaders(name)) {
						headers.add(new String[] { name, value });
					}
				}
			}
			if (response.getContentType() != null && response.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
				headers.add(new String[] { HttpHeaders.CONTENT_TYPE, response.getContentType() });
			}
			Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			return new Page(List.copyOf(headers), response.getContentAsByteArray(),
					(route != null) ? route.toString() : null);
		}

		long size() {
			long size = this.body.length + 128L;
			for (String[] header : this.headers) {
				size += 2L * (header[0].length() + header[1].length()) + 64;
			}
			return size;
		}

		/**
		 * Replays the page. A header the response already has (the filters before this one set
		 * {@code Cache-Control}) is replaced, not sent twice; a header the page had several
		 * times is sent as many times.
		 */
		void writeTo(HttpServletResponse response) throws IOException {
			Set<String> written = new HashSet<>();
			for (String[] header : this.headers) {
				if (written.add(header[0].toLowerCase(Locale.ROOT))) {
					response.setHeader(header[0], header[1]);
				}
				else {
					response.addHeader(header[0], header[1]);
				}
			}
			response.setHeader(HEADER, "hit");
			response.setContentLength(this.body.length);
			response.getOutputStream().write(this.body);
		}

	}

}
