package dev.blogroll.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Answers {@code 400 Bad Request} to a query string or form whose values contain a NUL
 * character: PostgreSQL cannot store one in text, so such a value could only end in a server
 * error wherever it reached the database (a sign-in, a post's title).
 */
@Component
@Order(FilterOrder.NUL_CHARACTERS)
class NulCharacterFilter extends SiteFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasNulCharacter(request)) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, "A value contains a NUL character.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasNulCharacter(HttpServletRequest request) {
		String type = request.getContentType();
		boolean form = type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(safeParse(type));
		if (request.getQueryString() == null && !form) {
			return false;
		}
		for (String[] values : request.getParameterMap().values()) {
			for (String value : values) {
				if (value.indexOf('\0') >= 0) {
					return true;
				}
			}
		}
		return false;
	}

	private static MediaType safeParse(String type) {
		try {
			return MediaType.parseMediaType(type);
		}
		catch (IllegalArgumentException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

}
