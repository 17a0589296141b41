package dev.blogroll.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.media.MediaSettings;

/**
 * Refuses, before anything reads the body or remembers the address, a request whose path or
 * query string is longer than a person or a link would ever make it ({@code 414 URI Too Long})
 * and an upload larger than its form accepts ({@code 413 Content Too Large}): an OPML file, an
 * NDJSON import, an image for the media library, each with its own limit ({@code blogroll.limits.*},
 * {@code blogroll.media.max-upload-size}). An upload must say its
 * length ({@code 411 Length Required} otherwise; browsers always do), so the limit is known
 * before a byte is read. Each answer is the site's own error page, and the connection is closed
 * rather than the rest of a refused upload read.
 */
@Component
@Order(FilterOrder.REQUEST_LIMITS)
class RequestLimitsFilter extends SiteFilter {

	static final String IMPORT_PATH = "/admin/import";

	static final String OPML_PATH = "/admin/sources/opml";

	private final BlogrollProperties.Limits limits;

	private final SiteLocale siteLocale;

	private final MediaSettings media;

	RequestLimitsFilter(BlogrollProperties properties, SiteLocale siteLocale, MediaSettings media) {
		this.siteLocale = siteLocale;
		this.limits = properties.limits();
		this.media = media;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (request.getRequestURI().length() > this.limits.maxPathLength()
				|| (query != null && query.length() > this.limits.maxQueryLength())) {
			refuse(request, response, HttpServletResponse.SC_REQUEST_URI_TOO_LONG, this.siteLocale.text("limits.addressTooLong",
					this.limits.maxPathLength(), this.limits.maxQueryLength()));
			return;
		}
		if (isUpload(request)) {
			DataSize limit = uploadLimit(request.getRequestURI());
			long length = request.getContentLengthLong();
			if (length < 0) {
				refuse(request, response, HttpServletResponse.SC_LENGTH_REQUIRED,
						this.siteLocale.text("limits.lengthRequired"));
				return;
			}
			if (length > limit.toBytes()) {
				refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
						this.siteLocale.text("limits.fileTooLarge", describe(limit)));
				return;
			}
		}
		else if (isForm(request) && request.getContentLengthLong() > MAX_FORM_BYTES) {
			// Tomcat would drop the fields of a larger form without a word (its max-http-form-post-size)
			refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					this.siteLocale.text("limits.formTooLarge"));
			return;
		}
		chain.doFilter(request, response);
	}

	/** Tomcat's limit on a form's body ({@code server.tomcat.max-http-form-post-size}, 2 MB by default). */
	static final long MAX_FORM_BYTES = 2L * 1024 * 1024;

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
	}

	private DataSize uploadLimit(String path) {
		return switch (path) {
			case IMPORT_PATH -> this.limits.importMaxSize();
			case OPML_PATH -> this.limits.opmlMaxSize();
			case MediaSettings.UPLOAD_PATH, MediaSettings.UPLOAD_PATH + "/upload" -> this.media.maxRequestSize();
			default -> this.limits.otherUploadMaxSize();
		};
	}

	static boolean isUpload(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/**
	 * Answers with the site's error page and closes the connection afterwards, so that Tomcat
	 * does not read (and a slow client cannot trickle) the body nobody wants.
	 */
	static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException {
		response.setHeader(HttpHeaders.CONNECTION, "close");
		ErrorPages.send(request, response, status, message);
	}

	static String describe(DataSize size) {
		if (size.toMegabytes() >= 1024 && size.toMegabytes() % 1024 == 0) {
			return size.toGigabytes() + " GB";
		}
		if (size.toMegabytes() >= 1) {
			return size.toMegabytes() + " MB";
		}
		return size.toKilobytes() + " KB";
	}

}
