package dev.blogroll.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A WebSub hub on 127.0.0.1, as small as the tests need: it takes subscription requests
 * (answering 202, or what a test sets), and on the test's word verifies a subscription at its
 * callback and pushes content to it, signed as a hub signs ({@code X-Hub-Signature}).
 * Callbacks name Blogroll's public address ({@code blogroll.site-url}); the hub calls the test's
 * Blogroll instead.
 */
final class TestHub implements AutoCloseable {

	private final HttpServer server;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String siteUrl;

	private final String blogroll;

	/** The subscription requests received, their form fields in order. */
	final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 202;

	/**
	 * @param siteUrl Blogroll's public address, which callbacks start with
	 * @param blogroll where the test's Blogroll listens, which the hub calls instead
	 */
	TestHub(String siteUrl, String blogroll) {
		this.siteUrl = siteUrl;
		this.blogroll = blogroll;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/hub", (exchange) -> {
			try (exchange) {
				String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				Map<String, String> fields = new LinkedHashMap<>();
				for (String pair : form.split("&")) {
					int equals = pair.indexOf('=');
					fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
				fields.put("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
				this.requests.add(fields);
				FeedServer.respond(exchange, this.status, (this.status >= 400) ? "hub trouble" : "");
			}
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hub";
	}

	/** What the hub answers subscription requests from now on. */
	void answer(int status) {
		this.status = status;
	}

	Map<String, String> lastRequest() {
		return this.requests.get(this.requests.size() - 1);
	}

	/** Verifies the last subscription request at its callback, as section 5.3 says. */
	HttpResponse<String> verify(String topic, String challenge, long leaseSeconds) {
		return verify(lastRequest().get("hub.callback"), "subscribe", topic, challenge, leaseSeconds);
	}

	HttpResponse<String> verify(String callback, String mode, String topic, String challenge, long leaseSeconds) {
		String query = "hub.mode=" + mode + "&hub.topic=" + encode(topic) + "&hub.challenge=" + encode(challenge)
				+ "&hub.lease_seconds=" + leaseSeconds;
		return send(HttpRequest.newBuilder(local(callback + "?" + query)).GET().build());
	}

	/** Pushes the body, signed with the secret of the last subscription request, by {@code method}. */
	HttpResponse<String> pushSigned(String body, String method) {
		return push(lastRequest().get("hub.callback"), body,
				method + "=" + hmac(method, lastRequest().get("hub.secret"), body));
	}

	/** Pushes the body with the given {@code X-Hub-Signature}, or none. */
	HttpResponse<String> push(String callback, String body, String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(local(callback))
			.header("Content-Type", "application/atom+xml")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			// a large body waits for "100 Continue", so a refusal is read rather than a reset
			.expectContinue(body.length() > 1024 * 1024);
		if (signature != null) {
			request.header("X-Hub-Signature", signature);
		}
		return send(request.build());
	}

	static String hmac(String method, String secret, String body) {
		String algorithm = "Hmac" + method.toUpperCase(java.util.Locale.ROOT);
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private URI local(String callback) {
		if (!callback.startsWith(this.siteUrl)) {
			throw new IllegalArgumentException(callback + " is not on " + this.siteUrl);
		}
		return URI.create(this.blogroll + callback.substring(this.siteUrl.length()));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
