package dev.blogroll.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.blogroll.BlogrollProperties;

/**
 * The callback hubs call (W3C WebSub, sections 5.3 and 7): a GET to verify that Blogroll asked
 * for the subscription (answered with the hub's challenge), and a POST with the feed whenever it
 * changes. A push counts only if its {@code X-Hub-Signature} is the HMAC of its body with the
 * subscription's secret ({@code sha1}, {@code sha256}, {@code sha384} or {@code sha512});
 * unsigned or badly signed pushes are refused (403) and nothing of them is read further. Bodies
 * are bounded ({@code blogroll.ingest.web-sub.max-push-size}, 413 beyond). An unknown source or
 * token is a 404, so nobody can tell which sources exist.
 * <p>
 * A push is written like a fetch, under the source's lease; when the source is being fetched
 * that moment, the push is acknowledged (202) and the source fetched again at the next poll.
 */
@RestController
@RequestMapping("/websub/{sourceId}/{token}")
class WebSubController {

	private static final CacheControl NO_STORE = CacheControl.noStore().cachePrivate();

	private final WebSubscriptions subscriptions;

	private final FeedSources sources;

	private final FeedFetcher fetcher;

	private final BlogrollProperties.WebSub settings;

	WebSubController(WebSubscriptions subscriptions, FeedSources sources, FeedFetcher fetcher,
			BlogrollProperties properties) {
		this.subscriptions = subscriptions;
		this.sources = sources;
		this.fetcher = fetcher;
		this.settings = properties.ingest().webSub();
	}

	@GetMapping
	ResponseEntity<String> verifyIntent(@PathVariable String sourceId, @PathVariable String token,
			@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
			@RequestParam(name = "hub.topic", required = false) @Nullable String topic,
			@RequestParam(name = "hub.challenge", required = false) @Nullable String challenge,
			@RequestParam(name = "hub.lease_seconds", required = false) @Nullable String leaseSeconds,
			@RequestParam(name = "hub.reason", required = false) @Nullable String reason) {
		Optional<WebSubscriptions.Subscription> found = this.subscriptions.find(sourceId, token);
		if (found.isEmpty()) {
			return answer(HttpStatus.NOT_FOUND, "No such subscription");
		}
		WebSubscriptions.Subscription subscription = found.get();
		if ("denied".equals(mode)) {
			this.subscriptions.failed(subscription.sourceId(),
					"The hub denied the subscription" + ((reason != null) ? ": " + cut(reason, 300) : ""),
					this.settings.retryAfter(), true);
			return answer(HttpStatus.OK, "");
		}
		if (!"subscribe".equals(mode) || !subscription.topicUrl().equals(topic)
				|| subscription.state() == WebSubscriptions.State.FAILED) {
			// an unsubscription, or a subscription Blogroll did not ask for (any more): refused
			return answer(HttpStatus.NOT_FOUND, "Not a subscription Blogroll asked for");
		}
		if (challenge == null || challenge.isEmpty() || challenge.length() > 1000) {
			return answer(HttpStatus.BAD_REQUEST, "hub.challenge is missing or longer than 1,000 characters");
		}
		Duration lease = WebSubscriptions.lease(leaseSeconds, this.settings.lease());
		if (lease == null) {
			return answer(HttpStatus.BAD_REQUEST, "hub.lease_seconds must be a positive number of seconds");
		}
		this.subscriptions.verified(subscription.sourceId(), lease);
		return answer(HttpStatus.OK, challenge);
	}

	@PostMapping
	ResponseEntity<String> receivePush(@PathVariable String sourceId, @PathVariable String token,
			HttpServletRequest request) throws IOException {
		Optional<WebSubscriptions.Subscription> found = this.subscriptions.find(sourceId, token);
		if (found.isEmpty()) {
			return answer(HttpStatus.NOT_FOUND, "No such subscription");
		}
		WebSubscriptions.Subscription subscription = found.get();
		Optional<FeedSource> source = this.sources.findById(subscription.sourceId());
		if (subscription.state() != WebSubscriptions.State.ACTIVE || source.isEmpty() || !source.get().active()) {
			return answer(HttpStatus.GONE, "This subscription is not active");
		}
		long max = this.settings.maxPushSize().toBytes();
		if (request.getContentLengthLong() > max) {
			return answer(HttpStatus.CONTENT_TOO_LARGE, "A push may weigh at most " + max + " bytes");
		}
		String signature = request.getHeader("X-Hub-Signature");
		if (signature == null) {
			return answer(HttpStatus.FORBIDDEN, "A push must be signed (X-Hub-Signature)");
		}
		byte[] body = WebSubPush.readAtMost(request.getInputStream(), max);
		if (body == null) {
			return answer(HttpStatus.CONTENT_TOO_LARGE, "A push may weigh at most " + max + " bytes");
		}
		if (!WebSubPush.signedWith(subscription.secret(), signature, body)) {
			return answer(HttpStatus.FORBIDDEN, "The signature (X-Hub-Signature) does not match the body");
		}
		this.subscriptions.pushed(subscription.sourceId());
		Optional<FeedSource> claimed = this.fetcher.claimForLater(subscription.sourceId());
		if (claimed.isEmpty()) {
			// being fetched this moment (or shutting down): that fetch may predate the change,
			// so fetch again soon
			this.sources.dueNow(subscription.sourceId());
			return answer(HttpStatus.ACCEPTED, "");
		}
		this.fetcher.pushed(claimed.get(), body, URI.create(subscription.topicUrl()));
		return answer(HttpStatus.NO_CONTENT, "");
	}

	private static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max) + "…";
	}

	private static ResponseEntity<String> answer(HttpStatus status, String text) {
		return ResponseEntity.status(status)
			.cacheControl(NO_STORE)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(text);
	}

}
