package dev.blogroll.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

import dev.blogroll.BlogrollProperties;

/**
 * Fetches a feed the way a polite feed reader does: a conditional GET with the validators of
 * the last fetch, gzip accepted, a User-Agent naming Blogroll, connect and read timeouts, at most
 * {@code maxFeedSize} read (compressed and uncompressed), redirects followed by hand so that
 * each hop's address is checked and a loop is noticed.
 */
class FeedClient {

	private final HttpClient http;

	private final AddressGuard guard;

	private final BlogrollProperties.Ingest settings;

	private final String userAgent;

	private final Clock clock;

	FeedClient(BlogrollProperties properties, AddressGuard guard, Clock clock) {
		this.settings = properties.ingest();
		this.guard = guard;
		this.clock = clock;
		this.userAgent = "Blogroll/1.0 (feed aggregator; +" + properties.siteUrl() + ")";
		this.http = HttpClient.newBuilder()
			.connectTimeout(this.settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
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
				this.guard.check(url);
			}
			catch (AddressGuard.UnknownHostRefusal ex) {
				return failed(null, movedTo, "Unknown host: " + url.getHost()
						+ " has no address (a typo in the feed's address, or a domain that is gone)");
			}
			catch (AddressGuard.RefusedAddressException ex) {
				return new Result(Outcome.REFUSED, null, null, null, null, movedTo, null, "Refused: " + ex.getMessage());
			}
			if (!seen.add(url)) {
				return failed(null, movedTo, "Redirect loop at " + url);
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(url)
				.timeout(this.settings.readTimeout())
				.header("User-Agent", this.userAgent)
				.header("Accept", "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")
				.header("Accept-Encoding", "gzip");
			if (etag != null) {
				request.header("If-None-Match", etag);
			}
			if (lastModified != null) {
				request.header("If-Modified-Since", lastModified);
			}
			HttpResponse<byte[]> response;
			try {
				response = send(request.GET().build());
			}
			catch (TooLargeException ex) {
				return failed(null, movedTo, "The feed is larger than " + this.settings.maxFeedSize().toMegabytes() + " MB; stopped reading");
			}
			catch (TimeoutException | HttpTimeoutException ex) {
				return failed(null, movedTo, "No complete answer within " + this.settings.readTimeout().toSeconds() + " s");
			}
			catch (ConnectException ex) {
				return failed(null, movedTo, "Could not connect to " + url.getHost() + ": " + describe(ex));
			}
			catch (IOException ex) {
				return failed(null, movedTo, "Network error: " + describe(ex));
			}
			int status = response.statusCode();
			if (status >= 300 && status < 400 && status != 304) {
				String location = response.headers().firstValue("Location").orElse(null);
				if (location == null) {
					return failed(status, movedTo, "Redirect " + status + " without a Location");
				}
				if (hop >= this.settings.maxRedirects()) {
					return failed(status, movedTo, "More than " + this.settings.maxRedirects() + " redirects");
				}
				URI next;
				try {
					next = url.resolve(location.strip());
				}
				catch (IllegalArgumentException ex) {
					return failed(status, movedTo, "Redirect to an invalid URL: " + location);
				}
				permanentSoFar = permanentSoFar && (status == 301 || status == 308);
				if (permanentSoFar) {
					movedTo = next;
				}
				url = next;
				continue;
			}
			String newEtag = response.headers().firstValue("ETag").orElse(null);
			String newLastModified = response.headers().firstValue("Last-Modified").orElse(null);
			if (status == 304) {
				return new Result(Outcome.NOT_MODIFIED, status, null, etag, lastModified, movedTo, null, null);
			}
			if (status == 410) {
				return new Result(Outcome.GONE, status, null, null, null, movedTo, null, "410 Gone: the feed was removed");
			}
			if (status == 429 || status == 503) {
				Instant retryAt = retryAfter(response.headers());
				return new Result(Outcome.RETRY_LATER, status, null, null, null, movedTo, retryAt,
						status + ((status == 429) ? " Too Many Requests" : " Service Unavailable")
								+ ((retryAt != null) ? ", retry after " + retryAt : ""));
			}
			if (status < 200 || status >= 300) {
				return failed(status, movedTo, "HTTP " + status);
			}
			byte[] body;
			try {
				body = decode(response);
			}
			catch (TooLargeException ex) {
				return failed(status, movedTo, "The feed is larger than " + this.settings.maxFeedSize().toMegabytes() + " MB uncompressed; stopped reading");
			}
			catch (IOException ex) {
				return failed(status, movedTo, "Could not decompress the feed: " + describe(ex));
			}
			return new Result(Outcome.OK, status, body, newEtag, newLastModified, movedTo, null, null,
					response.headers().firstValue("Content-Type").orElse(null));
		}
	}

	private HttpResponse<byte[]> send(HttpRequest request) throws IOException, TimeoutException, TooLargeException {
		long max = this.settings.maxFeedSize().toBytes();
		CompletableFuture<HttpResponse<byte[]>> future = this.http.sendAsync(request,
				(info) -> new LimitedBody(max));
		try {
			return future.get(this.settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new IOException("interrupted");
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof TooLargeException tooLarge) {
					throw tooLarge;
				}
			}
			Throwable cause = ex.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			throw new IOException(cause);
		}
	}

	private byte[] decode(HttpResponse<byte[]> response) throws IOException, TooLargeException {
		String encoding = response.headers().firstValue("Content-Encoding").orElse("");
		if (!encoding.equalsIgnoreCase("gzip") && !encoding.equalsIgnoreCase("x-gzip")) {
			return response.body();
		}
		long max = this.settings.maxFeedSize().toBytes();
		try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
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

	private @Nullable Instant retryAfter(HttpHeaders headers) {
		String value = headers.firstValue("Retry-After").orElse(null);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			long seconds = Long.parseLong(value.strip());
			return (seconds >= 0) ? this.clock.instant().plusSeconds(Math.min(seconds, 7 * 24 * 3600)) : null;
		}
		catch (NumberFormatException ex) {
			try {
				return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException unparsable) {
				return null;
			}
		}
	}

	private static Result failed(@Nullable Integer status, @Nullable URI movedTo, String message) {
		return new Result(Outcome.FAILED, status, null, null, null, movedTo, null, message);
	}

	private static String describe(Exception ex) {
		String message = ex.getMessage();
		return (message == null || message.isBlank()) ? ex.getClass().getSimpleName() : message;
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
	 * @param contentType the {@code Content-Type} of the feed, when {@code OK}: its charset is
	 * how the feed's bytes are read
	 */
	record Result(Outcome outcome, @Nullable Integer status, byte @Nullable [] body, @Nullable String etag,
			@Nullable String lastModified, @Nullable URI movedTo, @Nullable Instant retryAt,
			@Nullable String message, @Nullable String contentType) {

		Result(Outcome outcome, @Nullable Integer status, byte @Nullable [] body, @Nullable String etag,
				@Nullable String lastModified, @Nullable URI movedTo, @Nullable Instant retryAt,
				@Nullable String message) {
			this(outcome, status, body, etag, lastModified, movedTo, retryAt, message, null);
		}

	}

	/** The body was longer than allowed. */
	static class TooLargeException extends Exception {

		TooLargeException() {
			super("too large", null, false, false);
		}

	}

	/** Collects the body, cancelling the download as soon as it exceeds the limit. */
	private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final long max;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private Flow.@Nullable Subscription subscription;

		LimitedBody(long max) {
			this.max = max;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(1);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				byte[] chunk = new byte[buffer.remaining()];
				buffer.get(chunk);
				this.bytes.write(chunk, 0, chunk.length);
			}
			Flow.Subscription current = this.subscription;
			if (this.bytes.size() > this.max) {
				if (current != null) {
					current.cancel();
				}
				this.result.completeExceptionally(new TooLargeException());
			}
			else if (current != null) {
				current.request(1);
			}
		}

		@Override
		public void onError(Throwable error) {
			this.result.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			this.result.complete(this.bytes.toByteArray());
		}

	}

}
