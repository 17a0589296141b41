package dev.blogroll.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Failed sign-ins are counted per username and per client
 * address, in PostgreSQL so that every instance sees them. After {@value #FREE_FAILURES}
 * failures a key is locked for 30 seconds, and each further failure doubles the lock, up to
 * 15 minutes. An hour without failures forgets them; a successful sign-in clears the
 * username's count.
 */
@Component
class LoginThrottle {

	static final int FREE_FAILURES = 5;

	static final Duration FIRST_LOCK = Duration.ofSeconds(30);

	static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

	static final Duration FORGET_AFTER = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How long sign-ins for this username or from this address are still refused, if at all. */
	Optional<Duration> lockedFor(String username, String address) {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("select max(locked_until) from login_failure where throttle_key in (:user, :address) and locked_until > :now")
			.param("user", userKey(username))
			.param("address", addressKey(address))
			.param("now", Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.map((until) -> Duration.between(now, until.toInstant()));
	}

	void recordFailure(String username, String address) {
		recordFailure(userKey(username));
		recordFailure(addressKey(address));
	}

	void recordSuccess(String username) {
		this.jdbc.sql("delete from login_failure where throttle_key = :key").param("key", userKey(username)).update();
	}

	private void recordFailure(String key) {
		Instant now = this.clock.instant();
		int failures = this.jdbc.sql("""
				insert into login_failure (throttle_key, failures, last_failure) values (:key, 1, :now)
				on conflict (throttle_key) do update set
				    failures = case when login_failure.last_failure < :forgetBefore then 1
				                    else login_failure.failures + 1 end,
				    last_failure = :now
				returning failures""")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.param("forgetBefore", Timestamp.from(now.minus(FORGET_AFTER)))
			.query(Integer.class)
			.single();
		if (failures >= FREE_FAILURES) {
			this.jdbc.sql("update login_failure set locked_until = :until where throttle_key = :key")
				.param("key", key)
				.param("until", Timestamp.from(now.plus(lockFor(failures))))
				.update();
		}
	}

	/** 30 s after the fifth failure, doubling with each one after, at most 15 minutes. */
	static Duration lockFor(int failures) {
		int doublings = Math.min(failures - FREE_FAILURES, 10);
		Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
		return (lock.compareTo(LONGEST_LOCK) > 0) ? LONGEST_LOCK : lock;
	}

	private static String userKey(String username) {
		String name = username.strip().toLowerCase(Locale.ROOT);
		return "user:" + ((name.length() > 100) ? name.substring(0, 100) : name);
	}

	private static String addressKey(String address) {
		return "ip:" + address;
	}

}
