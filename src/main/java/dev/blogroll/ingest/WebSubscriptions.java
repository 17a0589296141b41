package dev.blogroll.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The WebSub subscriptions of sources, one a source, in PostgreSQL ({@code websub_subscription}).
 * A renewal keeps the callback and the secret, so pushes signed while it is under way still
 * count; a new hub or topic gets a new callback token and secret.
 */
@Repository
class WebSubscriptions {

	private final JdbcClient jdbc;

	private final Clock clock;

	WebSubscriptions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	/**
	 * The subscription a callback URL names, if its token is the subscription's (compared in
	 * constant time); empty for an unknown source or a wrong token alike.
	 */
	Optional<Subscription> find(String sourceId, String token) {
		long id;
		try {
			id = Long.parseLong(sourceId);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return find(id).filter((subscription) -> MessageDigest.isEqual(
				subscription.token().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The lease a hub granted ({@code hub.lease_seconds}), at most a year; what was asked for when
	 * the hub did not say; null when it is not a positive number of seconds.
	 */
	static @Nullable Duration lease(@Nullable String seconds, Duration asked) {
		if (seconds == null) {
			return asked;
		}
		try {
			long value = Long.parseLong(seconds.strip());
			return (value > 0) ? Duration.ofSeconds(Math.min(value, 365L * 24 * 3600)) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	Optional<Subscription> find(long sourceId) {
		return this.jdbc.sql("""
				select source_id, hub_url, topic_url, token, secret, state, requested_at, verified_at, expires_at,
				       retry_at, last_push_at, pushes, last_error
				from websub_subscription where source_id = :id""").param("id", sourceId)
			.query((rs, row) -> new Subscription(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), State.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), instant(rs.getTimestamp(8)),
					instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), rs.getInt(12),
					rs.getString(13)))
			.optional();
	}

	/**
	 * Records a subscription request about to be sent. A verified subscription being renewed
	 * stays verified (and pushes keep counting) until its lease ends.
	 */
	void requested(long sourceId, String hub, String topic, String token, String secret) {
		this.jdbc.sql("""
				insert into websub_subscription (source_id, hub_url, topic_url, token, secret, state, requested_at)
				values (:id, :hub, :topic, :token, :secret, 'REQUESTED', :now)
				on conflict (source_id) do update set
				    state = case when websub_subscription.state = 'ACTIVE' and websub_subscription.expires_at > :now
				                      and websub_subscription.token = excluded.token then 'ACTIVE' else 'REQUESTED' end,
				    hub_url = excluded.hub_url, topic_url = excluded.topic_url, token = excluded.token,
				    secret = excluded.secret, requested_at = excluded.requested_at, retry_at = null, last_error = null""")
			.param("id", sourceId).param("hub", hub).param("topic", topic).param("token", token)
			.param("secret", secret).param("now", now()).update();
	}

	/** The hub verified the subscription for {@code lease}. */
	void verified(long sourceId, Duration lease) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update websub_subscription set state = 'ACTIVE', verified_at = :now, expires_at = :expires,
				    last_error = null, retry_at = null
				where source_id = :id""")
			.param("id", sourceId).param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(lease)))
			.update();
	}

	/**
	 * The hub refused, failed or missed posts: the source is polled as usual, and the hub asked
	 * again after {@code retryAfter}. A verified subscription whose renewal failed stays verified
	 * until its lease ends, unless {@code endNow}.
	 */
	void failed(long sourceId, String error, Duration retryAfter, boolean endNow) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update websub_subscription set
				    state = case when state = 'ACTIVE' and expires_at > :now and not :endNow then 'ACTIVE' else 'FAILED' end,
				    last_error = :error, retry_at = :retry
				where source_id = :id""")
			.param("id", sourceId).param("now", Timestamp.from(now)).param("endNow", endNow)
			.param("error", (error.length() > 1000) ? error.substring(0, 999) + "…" : error)
			.param("retry", Timestamp.from(now.plus(retryAfter))).update();
	}

	void pushed(long sourceId) {
		this.jdbc.sql("update websub_subscription set last_push_at = :now, pushes = pushes + 1 where source_id = :id")
			.param("id", sourceId).param("now", now()).update();
	}

	/** When the source's verified subscription ends, if it has one that has not ended. */
	@Nullable Instant pushedUntil(long sourceId) {
		return this.jdbc.sql("""
				select expires_at from websub_subscription
				where source_id = :id and state = 'ACTIVE' and expires_at > :now""")
			.param("id", sourceId).param("now", now()).query(Timestamp.class).optional().map(Timestamp::toInstant)
			.orElse(null);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	enum State {

		REQUESTED, ACTIVE, FAILED

	}

	/** A source's subscription to a hub. */
	record Subscription(long sourceId, String hubUrl, String topicUrl, String token, String secret, State state,
			Instant requestedAt, @Nullable Instant verifiedAt, @Nullable Instant expiresAt, @Nullable Instant retryAt,
			@Nullable Instant lastPushAt, int pushes, @Nullable String lastError) {
	}

}
