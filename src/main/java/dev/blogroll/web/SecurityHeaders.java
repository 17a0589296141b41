package dev.blogroll.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The policies of the security headers, in one place: Spring Security sends them on both
 * filter chains ({@code admin.SecurityConfiguration}), and {@link DatabaseOutageFilter} sends
 * them on the 503 page of a request that failed before Spring Security's filters ran.
 */
public final class SecurityHeaders {

	/** Scripts, styles and forms only from this site; JSON-LD blocks are data, not script. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** Turns off what the site never uses. */
	public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

	/** How long browsers remember to use HTTPS only (sent over HTTPS only). */
	public static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

	private SecurityHeaders() {
	}

	/**
	 * Adds the headers a response does not have yet: for answers written where Spring
	 * Security's header writer did not run (a request refused before it, an error dispatch,
	 * an error Tomcat answers itself). HSTS only over HTTPS, as Spring Security does.
	 */
	static void addMissing(HttpServletRequest request, HttpServletResponse response) {
		setIfMissing(response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
		setIfMissing(response, "X-Content-Type-Options", "nosniff");
		setIfMissing(response, "X-Frame-Options", "DENY");
		setIfMissing(response, "Referrer-Policy", REFERRER_POLICY);
		setIfMissing(response, "Permissions-Policy", PERMISSIONS_POLICY);
		if (request.isSecure()) {
			setIfMissing(response, "Strict-Transport-Security",
					"max-age=" + HSTS_MAX_AGE.toSeconds() + " ; includeSubDomains");
		}
	}

	private static void setIfMissing(HttpServletResponse response, String name, String value) {
		if (!response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

}
