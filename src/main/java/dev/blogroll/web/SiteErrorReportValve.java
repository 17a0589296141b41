package dev.blogroll.web;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * The page Tomcat shows for errors that never reach the application: a request Tomcat refuses
 * itself ({@code /css/..%2f..}, a malformed request line), or an error left unrendered. It looks
 * like the site's own stand-alone error page ({@code templates/error/error.html}) and carries
 * the same security headers and {@code Cache-Control: private, no-store} as every other answer,
 * instead of Tomcat's report with no headers at all.
 * <p>
 * Installed in place of Tomcat's {@code ErrorReportValve} on the host ({@code WebServerSetup}).
 */
public final class SiteErrorReportValve extends ErrorReportValve {

	/** The stylesheet's plain path, which still answers, for when its hashed one is not known yet. */
	static final String STYLESHEET = "/css/site.css";

	private final Supplier<@Nullable String> stylesheet;

	private final Supplier<@Nullable SiteLocale> siteLocale;

	/** For Tomcat, which may create the valve by its class name: links the plain stylesheet. */
	public SiteErrorReportValve() {
		this(() -> null, () -> null);
	}

	/**
	 * @param stylesheet the stylesheet's content-hashed URL, as pages link it; null while the
	 * application has not started yet
	 * @param siteLocale the site's language; null while the application has not started yet
	 * (the page is then in English)
	 */
	SiteErrorReportValve(Supplier<@Nullable String> stylesheet, Supplier<@Nullable SiteLocale> siteLocale) {
		this.stylesheet = stylesheet;
		this.siteLocale = siteLocale;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType("text/html");
			response.setCharacterEncoding("UTF-8");
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControlFilter.NO_STORE);
			SecurityHeaders.addMissing(request, response);
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				String css = this.stylesheet.get();
				writer.write(page(status, (css != null) ? css : STYLESHEET, this.siteLocale.get()));
				response.finishResponse();
			}
		}
		catch (Exception ex) {
			// the client is gone, or the response cannot be written: nothing more to do
		}
	}

	static String page(int status, String stylesheet, @Nullable SiteLocale words) {
		HttpStatus known = HttpStatus.resolve(status);
		String reason = (known != null) ? known.getReasonPhrase() : "Error";
		String title = (words != null) ? SiteErrorController.heading(status, words) : "Error " + status;
		String text = (words != null) ? SiteErrorController.explanation(status, reason, words) : reason + ".";
		String home = (words != null) ? words.text("error.goHome") : "Go to the home page";
		String language = (words != null) ? words.languageTag() : "en";
		return """
				<!DOCTYPE html>
				<html lang="%6$s">
				<head>
				  <meta charset="utf-8">
				  <meta name="viewport" content="width=device-width, initial-scale=1">
				  <meta name="robots" content="noindex">
				  <title>%1$s</title>
				  <link rel="stylesheet" href="%4$s">
				</head>
				<body>
				  <main id="main" class="site-main">
				    <section class="status-page">
				      <p class="status-code">%2$d</p>
				      <h1>%1$s</h1>
				      <p>%3$s</p>
				      <p><a class="button" href="/">%5$s</a></p>
				    </section>
				  </main>
				</body>
				</html>
				""".formatted(HtmlUtils.htmlEscape(title), status, HtmlUtils.htmlEscape(text), HtmlUtils.htmlEscape(stylesheet),
						HtmlUtils.htmlEscape(home), language);
	}

}
