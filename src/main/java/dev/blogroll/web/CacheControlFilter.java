package dev.blogroll.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;

/**
 * Says who may keep a response, by path: anything under {@code /admin} or {@code /actuator}, and
 * the probes {@code /livez} and {@code /readyz}, is {@code private, no-store}; a static asset
 * under its content-hashed URL ({@code /css/site-<md5>.css}, which pages link to) may be kept
 * for a year and never revalidated ({@value #IMMUTABLE}): its content can never change under
 * that URL, and a hash that is not the asset's current one is a 404; every other page, feed,
 * sitemap and asset read with GET or HEAD is public for {@code blogroll.http-cache.*}
 * (validators come from {@link PageVersion}). An error (any status from 400 on: a missing page,
 * a refused request, a server error) is never kept by a shared cache: {@code private, no-store},
 * so a page that is missing for a moment, or an answer provoked by one client, is never served
 * to others.
 */
@Component
@Order(FilterOrder.CACHE_CONTROL)
class CacheControlFilter extends SiteFilter {

	static final String NO_STORE = "private, no-store";

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	/**
	 * A static asset's content-hashed URL, as Spring's content version strategy makes it:
	 * {@code <name>-<32 hex digits of MD5>.<extension>}, at the root or under {@code /css},
	 * {@code /js} or {@code /images}.
	 */
	private static final Pattern HASHED_ASSET = Pattern
		.compile("/(?:(?:css|js|images)/(?:[\\w.-]+/)*)?[\\w.-]+-[0-9a-f]{32}\\.[A-Za-z0-9]+");

	private final String publicCacheControl;

	CacheControlFilter(BlogrollProperties properties) {
		this.publicCacheControl = properties.httpCache().publicCacheControl();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// an error page is being rendered: the container already set the status
			if (response.getStatus() >= 400) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
			}
			chain.doFilter(request, response);
			return;
		}
		if (isAdmin(request.getRequestURI()) || request.getRequestURI().startsWith("/actuator/")
				|| isProbe(request.getRequestURI())) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
			chain.doFilter(request, response);
			return;
		}
		boolean readOnly = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (!readOnly) {
			chain.doFilter(request, response);
			return;
		}
		boolean hashedAsset = isHashedAsset(request.getRequestURI());
		response.setHeader(HttpHeaders.CACHE_CONTROL, hashedAsset ? IMMUTABLE : this.publicCacheControl);
		chain.doFilter(request, new NoStoreOnError(response));
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/**
	 * Whether the path is a static asset's content-hashed URL ({@link #HASHED_ASSET}); a page's
	 * path, whose last segment has no dot, is told apart without the pattern.
	 */
	static boolean isHashedAsset(String path) {
		return path.lastIndexOf('.') > path.lastIndexOf('/') && HASHED_ASSET.matcher(path).matches();
	}

	/** The public port's health probes ({@code management.endpoint.health.probes.add-additional-paths}). */
	private static boolean isProbe(String path) {
		return path.equals("/livez") || path.equals("/readyz");
	}

	static boolean isAdmin(String path) {
		return path.equals("/admin") || path.startsWith("/admin/");
	}

	/** Replaces the public {@code Cache-Control} when the response turns out to be an error. */
	private static final class NoStoreOnError extends HttpServletResponseWrapper {

		NoStoreOnError(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setStatus(int status) {
			noStoreIfError(status);
			super.setStatus(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			noStoreIfError(status);
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			noStoreIfError(status);
			super.sendError(status, message);
		}

		private void noStoreIfError(int status) {
			if (status >= 400) {
				setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
			}
		}

	}

}
