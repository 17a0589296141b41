package dev.blogroll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Talks real HTTP to a running Blogroll, the way a browser or crawler does: redirects are not
 * followed, so tests see the 301s themselves.
 */
public final class SiteClient {

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	public SiteClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** GETs a path, given exactly as it should go on the wire (already percent-encoded). */
	public Response get(String path) {
		return get(path, Map.of());
	}

	/**
	 * GETs a path with extra request headers, e.g. {@code If-None-Match}; an {@code Accept} of
	 * {@code ""} sends no {@code Accept} header at all, as many crawlers and feed readers do.
	 */
	public Response get(String path, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (!headers.containsKey("Accept")) {
			builder.header("Accept", "text/html");
		}
		headers.forEach((name, value) -> {
			if (!value.isEmpty()) {
				builder.setHeader(name, value);
			}
		});
		HttpRequest request = builder.GET().build();
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			byte[] body = response.body();
			if ("gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
				body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
			}
			return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(""),
					new String(body, StandardCharsets.UTF_8), this.base + path, response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A page that must answer 200, parsed. */
	public Document page(String path) {
		Response response = get(path);
		if (response.status() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.status() + ", not 200");
		}
		return response.html();
	}

	/**
	 * One HTTP response.
	 *
	 * @param status the status code
	 * @param location the Location header, if any
	 * @param contentType the Content-Type header
	 * @param body the body as text
	 * @param url the URL asked for
	 * @param headers every response header
	 */
	public record Response(int status, String location, String contentType, String body, String url,
			HttpHeaders headers) {

		/** A response header, or null. */
		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public Document html() {
			return Jsoup.parse(this.body, this.url);
		}

	}

}
