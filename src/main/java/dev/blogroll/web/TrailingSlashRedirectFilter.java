package dev.blogroll.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Gives every page one URL: {@code /blog/engineering/} answers 301 to
 * {@code /blog/engineering} (the addresses feed readers guess, {@code /feed/}, were sent to the
 * feed in one step before: {@code feed.FeedAddressFilter}). Repeated leading slashes are collapsed so that a path such as
 * {@code //evil.example/} can never become a redirect to another host.
 */
@Component
@Order(FilterOrder.TRAILING_SLASH)
class TrailingSlashRedirectFilter extends SiteFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		boolean readOnly = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (!readOnly || path.length() <= 1 || !path.endsWith("/")) {
			chain.doFilter(request, response);
			return;
		}
		String target = "/" + trimSlashes(path);
		if (request.getQueryString() != null) {
			target += "?" + request.getQueryString();
		}
		response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
		response.setHeader(HttpHeaders.LOCATION, target);
	}

	private static String trimSlashes(String path) {
		int start = 0;
		int end = path.length();
		while (start < end && path.charAt(start) == '/') {
			start++;
		}
		while (end > start && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(start, end);
	}

}
