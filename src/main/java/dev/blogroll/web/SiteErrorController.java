package dev.blogroll.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders every error the application answers, whoever raised it (a controller, Spring
 * Security, a filter, Tomcat's error dispatch), as the site's own page: always HTML, whatever
 * the client accepts (a 404 is not JSON for {@code curl}'s {@code *}{@code /*}), never
 * {@code Cache-Control: public}, always with the security headers. Replaces Spring Boot's
 * {@code BasicErrorController}, which answers JSON to anything but a browser and
 * {@code 500 {"status":999}} to {@code /error} asked for directly; here that is a 404, as for any
 * other address with nothing behind it.
 * <p>
 * A 404 uses the site's layout (it reads the categories, like any page); the other status pages
 * stand alone and never touch the database ({@code error/error.html}, {@code error/503.html}).
 */
@Controller
class SiteErrorController implements ErrorController {

	/**
	 * A request attribute with a sentence for the reader, set by whoever answers an error with
	 * something more specific to say than the status (a file too large, a search queue full).
	 */
	static final String MESSAGE = SiteErrorController.class.getName() + ".message";

	private final SiteLocale siteLocale;

	SiteErrorController(SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
	}

	@RequestMapping("/error")
	ModelAndView showError(HttpServletRequest request, HttpServletResponse response) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// no error status: /error asked for directly, which is nothing but a missing page
		int status = (code instanceof Integer value && value >= 400 && value <= 599) ? value : 404;
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControlFilter.NO_STORE);
		SecurityHeaders.addMissing(request, response);
		Map<String, Object> model = new HashMap<>();
		model.put("status", status);
		Object message = request.getAttribute(MESSAGE);
		HttpStatus known = HttpStatus.resolve(status);
		String reason = (known != null) ? known.getReasonPhrase() : "Error";
		model.put("error", (message instanceof String text) ? text : explanation(status, reason, this.siteLocale));
		model.put("heading", heading(status, this.siteLocale));
		model.put("requestId", request.getAttribute(RequestLog.REQUEST_ID));
		String view = switch (status) {
			// src/main/jte/error/missing.jte, in the site's layout
			case 404, 410 -> "error/missing";
			// the database is away (DatabaseOutageFilter); a 503 for being busy says so itself
			case 503 -> (message == null) ? "error/503" : "error/error";
			default -> "error/error";
		};
		return new ModelAndView(view, model, HttpStatusCode.valueOf(status));
	}

	/** The heading of a stand-alone error page, in the site's language. */
	static String heading(int status, SiteLocale words) {
		if (status == 429 || status == 503) {
			return words.text("error.heading.busy");
		}
		return words.text((status >= 500) ? "error.heading.server" : "error.heading.client");
	}

	/** What a reader is told about an error, in words rather than a status name. */
	static String explanation(int status, String reason, SiteLocale words) {
		if (status >= 500 && status != 503) {
			return words.text("error.explain.server");
		}
		return switch (status) {
			case 400, 404, 405, 408, 411, 413, 414, 415 -> words.text("error.explain." + status);
			case 401, 403 -> words.text("error.explain.403");
			case 429, 503 -> words.text("error.explain.busy");
			default -> words.text("error.explain.other", reason);
		};
	}

}
