package dev.blogroll.admin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a visitor who is not signed in to the sign-in page, as Spring Security would, but first
 * keeps the form they sent ({@link KeptForms}): an editor whose session ended while they typed
 * gets their input back after signing in. The sign-in page says whether it was kept.
 */
final class KeepingEntryPoint implements AuthenticationEntryPoint {

	private final KeptForms keptForms;

	private final AuthenticationEntryPoint signIn;

	KeepingEntryPoint(KeptForms keptForms, AuthenticationEntryPoint signIn) {
		this.keptForms = keptForms;
		this.signIn = signIn;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			@Nullable AuthenticationException failure) throws IOException, ServletException {
		if (!"POST".equals(request.getMethod())) {
			this.signIn.commence(request, response, failure);
			return;
		}
		response.sendRedirect(signInPage(this.keptForms.keep(request, response)));
	}

	/** The sign-in page, saying what became of the form that could not be saved. */
	static String signInPage(KeptForms.Outcome outcome) {
		return SecurityConfiguration.LOGIN_PAGE + switch (outcome) {
			case KEPT -> "?kept";
			case TOO_LARGE -> "?notKept=large";
			case NOT_KEPT -> "?notKept";
			case NOTHING_TO_KEEP -> "";
		};
	}

}
