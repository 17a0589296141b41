package dev.blogroll.ingest;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;

/**
 * Subscribes sources to the WebSub hubs their feeds name (W3C WebSub, section 5.1): after a
 * fetch that read the feed, if it names a hub and its own URL (the topic) and the source has no
 * subscription that will last, Blogroll asks the hub, with a callback on the site's public
 * address ({@code /websub/{source}/{token}}), the lease it would like and a secret of its own
 * for the hub to sign pushes with. The hub then verifies the request ({@link WebSubController}).
 * The same request renews a subscription a day ({@code renew-before}) before its lease ends: the
 * schedule makes the source due then ({@link FetchSchedule}).
 * <p>
 * A hub that refuses, fails or never verifies leaves the source polled as usual, and is asked
 * again a day later ({@code retry-after}). Nothing is subscribed while the site's address is
 * this machine, which no hub could call back.
 */
@Component
class WebSubscriber {

	private static final Logger log = LoggerFactory.getLogger(WebSubscriber.class);

	private static final SecureRandom random = new SecureRandom();

	private final WebSubscriptions subscriptions;

	private final FeedClient client;

	private final BlogrollProperties properties;

	private final BlogrollProperties.WebSub settings;

	private final Clock clock;

	WebSubscriber(WebSubscriptions subscriptions, FeedClient client, BlogrollProperties properties, Clock clock) {
		this.subscriptions = subscriptions;
		this.client = client;
		this.properties = properties;
		this.settings = properties.ingest().webSub();
		this.clock = clock;
	}

	/** Subscribes the source to the hub its feed names, unless a subscription will last. */
	void afterRead(FeedSource source, FeedHints hints) {
		URI hub = hints.hub();
		URI topic = hints.self();
		if (!this.settings.enabled() || hub == null || topic == null || !reachable()) {
			return;
		}
		Instant now = this.clock.instant();
		Optional<WebSubscriptions.Subscription> existing = this.subscriptions.find(source.id())
			.filter((subscription) -> subscription.hubUrl().equals(hub.toString())
					&& subscription.topicUrl().equals(topic.toString()));
		if (existing.isPresent() && !due(existing.get(), now)) {
			return;
		}
		String token = existing.map(WebSubscriptions.Subscription::token).orElseGet(() -> random(16));
		String secret = existing.map(WebSubscriptions.Subscription::secret).orElseGet(() -> random(32));
		this.subscriptions.requested(source.id(), hub.toString(), topic.toString(), token, secret);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("hub.callback", callback(source.id(), token));
		form.put("hub.mode", "subscribe");
		form.put("hub.topic", topic.toString());
		form.put("hub.lease_seconds", Long.toString(this.settings.lease().toSeconds()));
		form.put("hub.secret", secret);
		try {
			FeedClient.HubAnswer answer = this.client.post(hub, form);
			if (answer.status() < 200 || answer.status() >= 300) {
				failed(source, "The hub " + hub + " refused the subscription: HTTP " + answer.status()
						+ (answer.text().isEmpty() ? "" : " " + answer.text()));
			}
			else {
				log.info("Asked {} to push {} to {}", hub, topic, source.name());
			}
		}
		catch (FeedClient.Failure ex) {
			failed(source, "Could not ask the hub " + hub + ": " + ex.getMessage());
		}
	}

	/**
	 * After a fetch that brought no feed (304): renews the source's subscription with the hub
	 * and topic it was made with, if it is due for renewal. A failed subscription waits for a
	 * feed read to name its hub again.
	 */
	void renewIfDue(FeedSource source) {
		this.subscriptions.find(source.id())
			.filter((subscription) -> subscription.state() != WebSubscriptions.State.FAILED)
			.ifPresent((subscription) -> afterRead(source, new FeedHints(null, null,
					URI.create(subscription.hubUrl()), URI.create(subscription.topicUrl()))));
	}

	/**
	 * A poll found posts the hub never pushed: the hub is not to be relied on, and the source
	 * is polled as usual again.
	 */
	void hubMissed(FeedSource source, int posts) {
		this.subscriptions.failed(source.id(), "A poll found " + posts + ((posts == 1) ? " post" : " posts")
				+ " the hub had not pushed", this.settings.retryAfter(), true);
	}

	private void failed(FeedSource source, String error) {
		log.info("WebSub for {}: {}", source.name(), error);
		this.subscriptions.failed(source.id(), error, this.settings.retryAfter(), false);
	}

	/** Whether to (re)subscribe now. */
	private boolean due(WebSubscriptions.Subscription subscription, Instant now) {
		return switch (subscription.state()) {
			case ACTIVE -> subscription.expiresAt() == null
					|| !subscription.expiresAt().minus(this.settings.renewBefore()).isAfter(now);
			case REQUESTED -> !subscription.requestedAt().plus(this.settings.verifyTimeout()).isAfter(now);
			case FAILED -> subscription.retryAt() == null || !subscription.retryAt().isAfter(now);
		};
	}

	String callback(long sourceId, String token) {
		return this.properties.absoluteUrl("/websub/" + sourceId + "/" + token);
	}

	/** Whether a hub could call the site back: not while its address is this machine. */
	boolean reachable() {
		String host = this.properties.siteUrl().getHost();
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		return !(name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.")
				|| name.equals("[::1]") || name.equals("::1"));
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

}
