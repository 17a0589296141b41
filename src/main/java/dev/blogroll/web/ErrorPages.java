package dev.blogroll.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a request with the site's own error page and a sentence for the reader, from
 * anywhere: a filter, a controller's exception handler. The page itself is rendered by
 * {@link SiteErrorController}.
 */
public final class ErrorPages {

	private ErrorPages() {
	}

	/** Sends the status with the site's error page saying {@code message}. */
	public static void send(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException {
		request.setAttribute(SiteErrorController.MESSAGE, message);
		response.sendError(status);
	}

}
