package dev.blogroll.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.ContentVersion.Snapshot;

/**
 * Keeps the bytes of rendered pages ({@code /}, {@code /blog/**}, the site's feeds and the
 * sitemap index) and serves them again while nothing they could show has changed. (The post
 * sitemaps are left out: up to 50,000 URLs each, they would push out hundreds of pages, and
 * crawlers fetch them rarely.)
 * <p>
 * "Nothing has changed" is asked of PostgreSQL for every request ({@link ContentVersion}: the
 * data version and the next scheduled post). A page is served from memory only if both are
 * what they were when it was rendered, so an editor's change shows on the next request, on
 * every instance sharing the database. The key is the scheme and request path; only plain GETs
 * that answered 200 are kept, and conditional requests ({@code If-None-Match},
 * {@code If-Modified-Since}) always go to the application. The least recently used pages go
 * first when the cache is over its size. The headers replayed on a hit are the ones the first
 * response had, security headers included.
 * <p>
 * A page is kept from its second request on: the first only notes its path. A crawler asks
 * for each page once, and keeping every one of them would push out the pages readers come back
 * to and, worse, fill the old generation of the heap with pages nobody asks for again: in the
 * benchmark's cold crawl that meant a 110–160 ms full collection every three seconds, which
 * was the crawl's p99 (bench/RESULTS.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RenderedPageCache extends OncePerRequestFilter {

	static final String HEADER = "X-Page-Cache";

	private static final int SEEN_ONCE = 16_384;

	private final ContentVersion contentVersion;

	private final long maxBytes;

	private final Map<String, Page> pages = new LinkedHashMap<>(1024, 0.75f, true);

	/** Paths asked for once and not kept (yet), the most recent {@value #SEEN_ONCE} of them. */
	private final Map<String, Boolean> seenOnce = new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > SEEN_ONCE;
		}
	};

	private long bytes;

	RenderedPageCache(ContentVersion contentVersion, BlogrollProperties properties) {
		this.contentVersion = contentVersion;
		this.maxBytes = properties.pageCacheSize().toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return this.maxBytes == 0 || !"GET".equals(request.getMethod()) || request.getQueryString() != null
				|| request.getHeader(HttpHeaders.IF_NONE_MATCH) != null
				|| request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null
				|| !(path.equals("/") || path.equals("/blog") || path.startsWith("/blog/")
						|| path.equals("/sitemap.xml") || path.equals("/feed.atom") || path.equals("/feed.rss"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// HTTPS responses carry HSTS, plain ones don't: never serve one for the other
		String key = request.getScheme() + ":" + request.getRequestURI();
		Snapshot state = this.contentVersion.current(request);
		Page page = get(key);
		if (page != null && page.state().equals(state)) {
			page.writeTo(response);
			return;
		}
		if (page == null && firstRequest(key)) {
			response.setHeader(HEADER, "miss");
			chain.doFilter(request, response);
			return;
		}
		ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
		rendering.setHeader(HEADER, "miss");
		chain.doFilter(request, rendering);
		if (rendering.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted()
				&& !DegradedResponse.isDegraded(request)) {
			put(key, Page.of(state, rendering));
		}
		rendering.copyBodyToResponse();
	}

	/** Whether this is the first request for the path lately; notes it if so. */
	private synchronized boolean firstRequest(String key) {
		return this.seenOnce.remove(key) == null && this.seenOnce.put(key, Boolean.TRUE) == null;
	}

	private synchronized @Nullable Page get(String key) {
		return this.pages.get(key);
	}

	private synchronized void put(String key, Page page) {
		if (page.size() > this.maxBytes / 4) {
			return;
		}
		Page old = this.pages.put(key, page);
		this.bytes += page.size() - ((old != null) ? old.size() : 0);
		var eldest = this.pages.entrySet().iterator();
		while (this.bytes > this.maxBytes && eldest.hasNext()) {
			this.bytes -= eldest.next().getValue().size();
			eldest.remove();
		}
	}

	private record Page(Snapshot state, List<String[]> headers, byte[] body) {

		static Page of(Snapshot state, ContentCachingResponseWrapper response) {
			List<String[]> headers = new ArrayList<>();
			for (String name : response.getHeaderNames()) {
				// a cookie belongs to one visitor, never to the page
				if (!HEADER.equalsIgnoreCase(name) && !HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
					for (String value : response.getHeaders(name)) {
						headers.add(new String[] { name, value });
					}
				}
			}
			if (response.getContentType() != null && response.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
				headers.add(new String[] { HttpHeaders.CONTENT_TYPE, response.getContentType() });
			}
			return new Page(state, List.copyOf(headers), response.getContentAsByteArray());
		}

		long size() {
			return this.body.length + 64L * this.headers.size() + 128;
		}

		void writeTo(HttpServletResponse response) throws IOException {
			for (String[] header : this.headers) {
				response.addHeader(header[0], header[1]);
			}
			response.setHeader(HEADER, "hit");
			response.setContentLength(this.body.length);
			response.getOutputStream().write(this.body);
		}

	}

}
