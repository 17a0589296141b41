package dev.blogroll.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.blogroll.BlogrollProperties;

/**
 * Says who may keep a response, by path: anything under {@code /admin} or {@code /actuator}, and
 * the probes {@code /livez} and {@code /readyz}, is {@code private, no-store}; every other page, feed and sitemap read with GET or HEAD is
 * public for {@code blogroll.http-cache.*} (validators come from {@link PageVersion}). A
 * server error is never cached.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CacheControlFilter extends OncePerRequestFilter {

	static final String NO_STORE = "private, no-store";

	private final String publicCacheControl;

	CacheControlFilter(BlogrollProperties properties) {
		this.publicCacheControl = properties.httpCache().publicCacheControl();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// an exception escaped the handler: the container already set the status
			if (response.getStatus() >= 500) {
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
		response.setHeader(HttpHeaders.CACHE_CONTROL, this.publicCacheControl);
		chain.doFilter(request, new NoStoreOnServerError(response));
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** The public port's health probes ({@code management.endpoint.health.probes.add-additional-paths}). */
	private static boolean isProbe(String path) {
		return path.equals("/livez") || path.equals("/readyz");
	}

	static boolean isAdmin(String path) {
		return path.equals("/admin") || path.startsWith("/admin/");
	}

	/** Replaces the public {@code Cache-Control} when the response turns out to be a 5xx. */
	private static final class NoStoreOnServerError extends HttpServletResponseWrapper {

		NoStoreOnServerError(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setStatus(int status) {
			noStoreIfServerError(status);
			super.setStatus(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			noStoreIfServerError(status);
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			noStoreIfServerError(status);
			super.sendError(status, message);
		}

		private void noStoreIfServerError(int status) {
			if (status >= 500) {
				setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
			}
		}

	}

}
