package dev.blogroll.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A response rendered without something it normally shows, because the database could not be
 * reached (the site chrome of a 404 page during an outage): it is right for now, but must not
 * outlive the outage in any cache. Marking it makes it {@code Cache-Control: private, no-store}
 * and keeps it out of {@link RenderedPageCache}.
 */
public final class DegradedResponse {

	private static final String ATTRIBUTE = DegradedResponse.class.getName();

	private DegradedResponse() {
	}

	/** Marks the response of the request being handled on this thread, if any. */
	public static void mark() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			attributes.getRequest().setAttribute(ATTRIBUTE, Boolean.TRUE);
			HttpServletResponse response = attributes.getResponse();
			if (response != null && !response.isCommitted()) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControlFilter.NO_STORE);
			}
		}
	}

	static boolean isDegraded(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) != null;
	}

}
