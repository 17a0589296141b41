package dev.blogroll.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import org.jsoup.Jsoup;

/**
 * One browser of an editor over real HTTP: its own cookies (so its own session, stored in
 * PostgreSQL like every session), the CSRF token read from the page it is on, redirects not
 * followed.
 */
final class EditorClient {

	private final HttpClient http;

	private final String base;

	private final String userAgent;

	EditorClient(int port, String userAgent) {
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.base = "http://127.0.0.1:" + port;
		this.userAgent = userAgent;
	}

	/** Signs in; returns where the sign-in redirected to. */
	String signIn(String username, String password) {
		return post("/admin/login", "/admin/login", "username", username, "password", password).headers()
			.firstValue("Location")
			.orElse("");
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	/** A request of any method, accepting {@code accept} (as curl's {@code *}{@code /*} or a browser's). */
	HttpResponse<String> request(String method, String path, String accept) {
		return exchange(HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header("Accept", accept));
	}

	/** Posts a form from the page at {@code formPage} (for its CSRF token) to {@code action}. */
	HttpResponse<String> post(String formPage, String action, String... fields) {
		return postWithToken(csrf(formPage), action, fields);
	}

	/** The CSRF token of the forms on a page. */
	String csrf(String page) {
		return Jsoup.parse(get(page).body()).select("input[name=_csrf]").val();
	}

	/** Posts a form with a CSRF token read before. */
	HttpResponse<String> postWithToken(String csrf, String action, String... fields) {
		return postFrom(null, csrf, action, fields);
	}

	/** Posts a form with a CSRF token read before, with {@code Sec-Fetch-Site} as a browser sends it (if not null). */
	HttpResponse<String> postFrom(String fetchSite, String csrf, String action, String... fields) {
		StringJoiner form = new StringJoiner("&");
		form.add("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
		for (int i = 0; i < fields.length; i += 2) {
			form.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()));
		if (fetchSite != null) {
			request.header("Sec-Fetch-Site", fetchSite);
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return exchange(request.header("Accept", "text/html"));
	}

	private HttpResponse<String> exchange(HttpRequest.Builder request) {
		try {
			return this.http.send(request.header("User-Agent", this.userAgent).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
