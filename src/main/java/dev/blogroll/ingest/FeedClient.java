package dev.blogroll.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;

/**
 * Fetches a feed the way a polite feed reader does: a conditional GET with the validators of
 * the last fetch, gzip accepted, a User-Agent naming Blogroll, connect and read timeouts (the
 * read timeout bounds the whole response), at most {@code maxFeedSize} read (compressed and
 * uncompressed), redirects followed by hand so that a loop is noticed and a permanent move
 * remembered. Also sends WebSub subscription requests to hubs.
 * <p>
 * Apache HttpClient 5, with a pool of connections kept alive (many feeds share a host) and
 * {@link PinnedDnsResolver} as its only resolver: every connection, to a feed, a redirect's
 * target or a hub, goes to an address the {@link AddressGuard} checked in the same lookup.
 */
@Component
class FeedClient implements DisposableBean {

	/** Plain sockets, never through a proxy: a proxy would resolve names itself, unchecked. */
	static final DetachedSocketFactory PLAIN_SOCKETS = (proxy) -> new Socket(Proxy.NO_PROXY);

	private static final String ACCEPT = "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, "
			+ "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

	/**
	 * The HTTP client, built by the first request ({@link #http()}) rather than at start-up: its
	 * TLS set-up reads and parses the JDK's trust store, a few hundred milliseconds of a start that
	 * serves pages long before the first feed is due.
	 */
	private volatile @Nullable CloseableHttpClient http;

	/** Set by {@link #destroy()}: a client built after it is closed at once, as the one before would be. */
	private boolean closed;

	private final DetachedSocketFactory sockets;

	private final AddressGuard guard;

	private final BlogrollProperties.Ingest settings;

	private final String userAgent;

	private final Clock clock;

	/** Aborts requests whose whole answer has not come within the read timeout. */
	private final ScheduledThreadPoolExecutor deadlines;

	@Autowired
	FeedClient(BlogrollProperties properties, Clock clock) {
		this(properties, new AddressGuard(properties.ingest().allowLoopback(),
				properties.ingest().allowPrivateAddresses()), clock, PLAIN_SOCKETS);
	}

	/**
	 * @param sockets makes the sockets connections are opened on (tests see where they go)
	 */
	FeedClient(BlogrollProperties properties, AddressGuard guard, Clock clock, DetachedSocketFactory sockets) {
		this.settings = properties.ingest();
		this.guard = guard;
		this.clock = clock;
		this.userAgent = "Blogroll/1.0 (feed aggregator; +" + properties.siteUrl() + ")";
		this.sockets = sockets;
		this.deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "feed-fetch-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		this.deadlines.setRemoveOnCancelPolicy(true);
	}

	/** The HTTP client, built at the first call. */
	private CloseableHttpClient http() {
		CloseableHttpClient client = this.http;
		if (client == null) {
			synchronized (this) {
				client = this.http;
				if (client == null) {
					client = buildHttpClient();
					if (this.closed) {
						client.close(CloseMode.IMMEDIATE);
					}
					this.http = client;
				}
			}
		}
		return client;
	}

	private CloseableHttpClient buildHttpClient() {
		Lookup<TlsSocketStrategy> tls = RegistryBuilder.<TlsSocketStrategy>create()
			.register("https", DefaultClientTlsStrategy.createDefault())
			.build();
		PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
				new DefaultHttpClientConnectionOperator(this.sockets, null, new PinnedDnsResolver(this.guard), tls),
				PoolConcurrencyPolicy.STRICT, PoolReusePolicy.LIFO, TimeValue.ofMinutes(5), null);
		// the pool, "Fetch now" and WebSub requests, with room to spare: the per-host limit is
		// the claims' (FetchPool), not the connection pool's
		int connectionsAtOnce = this.settings.concurrency() + 8;
		connections.setMaxTotal(connectionsAtOnce);
		connections.setDefaultMaxPerRoute(connectionsAtOnce);
		connections.setDefaultConnectionConfig(ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(this.settings.connectTimeout()))
			.setSocketTimeout(Timeout.of(this.settings.readTimeout()))
			.build());
		connections.setDefaultSocketConfig(SocketConfig.custom()
			.setSoTimeout(Timeout.of(this.settings.readTimeout()))
			.build());
		return HttpClients.custom()
			.setConnectionManager(connections)
			.disableRedirectHandling()
			.disableContentCompression()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent(this.userAgent)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(Timeout.of(this.settings.readTimeout()))
				.setResponseTimeout(Timeout.of(this.settings.readTimeout()))
				.build())
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.build();
	}

	String userAgent() {
		return this.userAgent;
	}

	/** Fetches the feed; never throws, every failure is a {@link Result}. */
	Result fetch(URI feedUrl, @Nullable String etag, @Nullable String lastModified) {
		URI url = feedUrl;
		@Nullable URI movedTo = null;
		boolean permanentSoFar = true;
		Set<URI> seen = new HashSet<>();
		for (int hop = 0;; hop++) {
			try {
				this.guard.checkUrl(url);
			}
			catch (AddressGuard.RefusedAddressException ex) {
				return Result.of(Outcome.REFUSED, null, movedTo, "Refused: " + ex.getMessage());
			}
			if (!seen.add(url)) {
				return Result.failed(null, movedTo, "Redirect loop at " + url);
			}
			HttpGet request = new HttpGet(url);
			request.setHeader("Accept", ACCEPT);
			request.setHeader("Accept-Encoding", "gzip");
			if (etag != null) {
				request.setHeader("If-None-Match", etag);
			}
			if (lastModified != null) {
				request.setHeader("If-Modified-Since", lastModified);
			}
			Answer answer;
			try {
				answer = send(request, this.settings.maxFeedSize().toBytes());
			}
			catch (Failure failure) {
				return Result.of(failure.outcome, null, movedTo, failure.getMessage());
			}
			int status = answer.status();
			if (status >= 300 && status < 400 && status != 304) {
				String location = answer.header("Location");
				if (location == null) {
					return Result.failed(status, movedTo, "Redirect " + status + " without a Location");
				}
				if (hop >= this.settings.maxRedirects()) {
					return Result.failed(status, movedTo, "More than " + this.settings.maxRedirects() + " redirects");
				}
				URI next;
				try {
					next = url.resolve(location.strip());
				}
				catch (IllegalArgumentException ex) {
					return Result.failed(status, movedTo, "Redirect to an invalid URL: " + location);
				}
				permanentSoFar = permanentSoFar && (status == 301 || status == 308);
				if (permanentSoFar) {
					movedTo = next;
				}
				url = next;
				continue;
			}
			Duration freshFor = freshFor(answer, this.clock.instant());
			List<String> links = answer.headers("Link");
			if (status == 304) {
				return new Result(Outcome.NOT_MODIFIED, status, null, etag, lastModified, movedTo, null, null, freshFor,
						links, null);
			}
			if (status == 410) {
				return Result.of(Outcome.GONE, status, movedTo, "410 Gone: the feed was removed");
			}
			if (status == 429 || status == 503) {
				Instant retryAt = retryAfter(answer.header("Retry-After"), this.clock.instant());
				return new Result(Outcome.RETRY_LATER, status, null, null, null, movedTo, retryAt,
						status + ((status == 429) ? " Too Many Requests" : " Service Unavailable")
								+ ((retryAt != null) ? ", retry after " + retryAt : ""),
						null, List.of(), null);
			}
			if (status < 200 || status >= 300) {
				return Result.failed(status, movedTo, "HTTP " + status);
			}
			byte[] body;
			try {
				body = decode(answer);
			}
			catch (TooLargeException ex) {
				return Result.failed(status, movedTo, "The feed is larger than " + this.settings.maxFeedSize().toMegabytes()
						+ " MB uncompressed; stopped reading");
			}
			catch (IOException ex) {
				return Result.failed(status, movedTo, "Could not decompress the feed: " + describe(ex));
			}
			return new Result(Outcome.OK, status, body, answer.header("ETag"), answer.header("Last-Modified"), movedTo,
					null, null, freshFor, links, answer.header("Content-Type"));
		}
	}

	/**
	 * Sends a WebSub subscription request ({@code hub.mode=subscribe}, …) to a hub, through the
	 * same guard as feeds: a hub is named by a feed, so it is as untrusted as the feed.
	 * @return the hub's status (202 Accepted when it will verify), with the start of its answer
	 * @throws Failure when no answer came
	 */
	HubAnswer post(URI hub, Map<String, String> form) throws Failure {
		try {
			this.guard.checkUrl(hub);
		}
		catch (AddressGuard.RefusedAddressException ex) {
			throw new Failure(Outcome.REFUSED, "Refused: " + ex.getMessage());
		}
		HttpPost request = new HttpPost(hub);
		List<NameValuePair> fields = new ArrayList<>();
		form.forEach((name, value) -> fields.add(new BasicNameValuePair(name, value)));
		request.setEntity(new UrlEncodedFormEntity(fields, StandardCharsets.UTF_8));
		Answer answer = send(request, 4096);
		String text = new String(answer.body(), StandardCharsets.UTF_8).strip();
		return new HubAnswer(answer.status(), (text.length() > 300) ? text.substring(0, 300) + "…" : text);
	}

	/**
	 * Sends the request and reads the whole answer, at most {@code maxBytes} of body, within the
	 * read timeout.
	 */
	private Answer send(HttpUriRequestBase request, long maxBytes) throws Failure {
		AtomicBoolean timedOut = new AtomicBoolean();
		ScheduledFuture<?> deadline = this.deadlines.schedule(() -> {
			timedOut.set(true);
			request.cancel();
		}, this.settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
		try (ClassicHttpResponse response = http().executeOpen(null, request, null)) {
			byte[] body = read(response.getEntity(), maxBytes);
			if (body == null) {
				// the rest of a body that is too large is not read: the connection is dropped
				request.cancel();
				throw new Failure(Outcome.FAILED,
						"The feed is larger than " + this.settings.maxFeedSize().toMegabytes() + " MB; stopped reading");
			}
			if (timedOut.get()) {
				throw timeout();
			}
			return new Answer(response.getCode(), response.getHeaders(), body);
		}
		catch (Failure failure) {
			throw failure;
		}
		catch (AddressGuard.RefusedAddressException ex) {
			throw new Failure(Outcome.REFUSED, "Refused: " + ex.getMessage());
		}
		catch (UnknownHostException ex) {
			throw new Failure(Outcome.FAILED, "The host " + request.getAuthority().getHostName()
					+ " is unknown: no DNS server knows its address");
		}
		catch (IOException | RuntimeException ex) {
			if (timedOut.get()) {
				throw timeout();
			}
			if (ex instanceof ConnectException || ex instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
				throw new Failure(Outcome.FAILED,
						"Could not connect to " + request.getAuthority().getHostName() + ": " + describe(ex));
			}
			if (ex instanceof java.net.SocketTimeoutException) {
				throw timeout();
			}
			throw new Failure(Outcome.FAILED, "Network error: " + describe(ex));
		}
		finally {
			deadline.cancel(false);
		}
	}

	private Failure timeout() {
		return new Failure(Outcome.FAILED, "No complete answer within " + this.settings.readTimeout().toSeconds() + " s");
	}

	/** The body, or null when it is longer than {@code max}. */
	private static byte @Nullable [] read(@Nullable HttpEntity entity, long max) throws IOException {
		if (entity == null) {
			return new byte[0];
		}
		if (entity.getContentLength() > max) {
			return null;
		}
		try (InputStream in = entity.getContent()) {
			if (in == null) {
				return new byte[0];
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[16 * 1024];
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				if (out.size() > max) {
					return null;
				}
			}
			return out.toByteArray();
		}
	}

	private byte[] decode(Answer answer) throws IOException, TooLargeException {
		String encoding = answer.header("Content-Encoding");
		if (encoding == null || !(encoding.equalsIgnoreCase("gzip") || encoding.equalsIgnoreCase("x-gzip"))) {
			return answer.body();
		}
		long max = this.settings.maxFeedSize().toBytes();
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(answer.body()))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				if (out.size() > max) {
					throw new TooLargeException();
				}
			}
			return out.toByteArray();
		}
	}

	/**
	 * How long the server says the feed stays fresh: {@code Cache-Control: max-age} less
	 * {@code Age}, else {@code Expires} less {@code Date}; zero for {@code no-cache} and
	 * {@code no-store}; null when it says nothing.
	 */
	static @Nullable Duration freshFor(Answer answer, Instant now) {
		String cacheControl = answer.header("Cache-Control");
		if (cacheControl != null) {
			Long maxAge = null;
			for (String directive : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
				String value = directive.strip();
				if (value.equals("no-cache") || value.equals("no-store")) {
					return Duration.ZERO;
				}
				if (value.startsWith("max-age=")) {
					maxAge = seconds(value.substring("max-age=".length()));
				}
			}
			if (maxAge != null) {
				Long age = seconds(answer.header("Age"));
				return Duration.ofSeconds(Math.max(0, maxAge - ((age != null) ? age : 0)));
			}
		}
		String expires = answer.header("Expires");
		if (expires != null) {
			Instant expiresAt = httpDate(expires);
			if (expiresAt == null) {
				// "0" and other invalid dates mean "already expired" (RFC 9111)
				return Duration.ZERO;
			}
			Instant date = httpDate(answer.header("Date"));
			Duration fresh = Duration.between((date != null) ? date : now, expiresAt);
			return fresh.isNegative() ? Duration.ZERO : fresh;
		}
		return null;
	}

	/** When {@code Retry-After} (seconds or an HTTP date) says to come back; null without one. */
	static @Nullable Instant retryAfter(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Long seconds = seconds(value);
		if (seconds != null) {
			return now.plusSeconds(Math.min(seconds, 7 * 24 * 3600));
		}
		return httpDate(value);
	}

	private static @Nullable Long seconds(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			long seconds = Long.parseLong(value.strip().replace("\"", ""));
			return (seconds >= 0) ? seconds : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Instant httpDate(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String describe(Exception ex) {
		String message = ex.getMessage();
		return (message == null || message.isBlank()) ? ex.getClass().getSimpleName() : message;
	}

	@Override
	public void destroy() {
		this.deadlines.shutdownNow();
		synchronized (this) {
			this.closed = true;
			CloseableHttpClient client = this.http;
			if (client != null) {
				client.close(CloseMode.IMMEDIATE);
			}
		}
	}

	/** How a fetch ended. */
	enum Outcome {

		OK, NOT_MODIFIED, GONE, RETRY_LATER, FAILED, REFUSED

	}

	/**
	 * What a fetch brought back.
	 *
	 * @param outcome how it ended
	 * @param status the last HTTP status, if there was an answer
	 * @param body the feed, when {@code OK}
	 * @param etag the validator to send next time
	 * @param lastModified the other validator to send next time
	 * @param movedTo where the feed now lives, when every redirect on the way was permanent
	 * @param retryAt when the server asked us to come back (429, 503)
	 * @param message what went wrong, for the admin
	 * @param freshFor how long the server says the feed stays fresh (caching headers), if it says
	 * @param links the {@code Link} headers of the answer (a WebSub hub may be named there)
	 * @param contentType the {@code Content-Type} of the feed, when {@code OK}: its charset is
	 * how the feed's bytes are read
	 */
	record Result(Outcome outcome, @Nullable Integer status, byte @Nullable [] body, @Nullable String etag,
			@Nullable String lastModified, @Nullable URI movedTo, @Nullable Instant retryAt,
			@Nullable String message, @Nullable Duration freshFor, List<String> links, @Nullable String contentType) {

		static Result of(Outcome outcome, @Nullable Integer status, @Nullable URI movedTo, String message) {
			return new Result(outcome, status, null, null, null, movedTo, null, message, null, List.of(), null);
		}

		static Result failed(@Nullable Integer status, @Nullable URI movedTo, String message) {
			return of(Outcome.FAILED, status, movedTo, message);
		}

	}

	/** A hub's answer to a subscription request. */
	record HubAnswer(int status, String text) {
	}

	/** An answer as read: status, headers, body. */
	record Answer(int status, Header[] headerArray, byte[] body) {

		@Nullable String header(String name) {
			for (Header header : this.headerArray) {
				if (header.getName().equalsIgnoreCase(name)) {
					return header.getValue();
				}
			}
			return null;
		}

		List<String> headers(String name) {
			List<String> values = new ArrayList<>();
			for (Header header : this.headerArray) {
				if (header.getName().equalsIgnoreCase(name)) {
					values.add(header.getValue());
				}
			}
			return values;
		}

	}

	/** No usable answer: refused, unreachable, too slow or too large. */
	static final class Failure extends Exception {

		final Outcome outcome;

		Failure(Outcome outcome, String message) {
			super(message, null, false, false);
			this.outcome = outcome;
		}

	}

	/** The body was longer than allowed. */
	static class TooLargeException extends Exception {

		TooLargeException() {
			super("too large", null, false, false);
		}

	}

}
