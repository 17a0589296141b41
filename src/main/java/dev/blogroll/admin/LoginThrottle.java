package dev.blogroll.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.text.IpAddresses;
import dev.blogroll.web.SiteLocale;

/**
 * Slows down password guessing without letting a stranger lock an editor out. Failed sign-ins
 * are counted in PostgreSQL, so that every instance sees them, under three keys:
 * <ul>
 * <li>the username <em>and</em> the client address: after {@value #FREE_FAILURES} failures that
 * pair is locked for 30 seconds, doubling with each further failure up to 15 minutes. This is
 * the lock that stops guessing; someone failing from elsewhere does not affect it;
 * <li>the username alone, from all addresses together: locked for 15 minutes only at
 * {@value #USER_CEILING} failures, a distributed attack, which the admins are shown
 * ({@link #lockedUsernames()}). Even then the account still signs in from the addresses it
 * has signed in from before, so an attacker cannot keep the real editor out;
 * <li>the client address alone, over all usernames: locked for 15 minutes at
 * {@value #ADDRESS_CEILING} failures (one address trying many accounts).
 * </ul>
 * An IPv6 client counts as its /64 network, which is what one subscriber gets. An hour without
 * failures forgets a key; forgotten rows are deleted as new failures come, so the table holds
 * at most an hour of failures. A successful sign-in clears its pair and remembers its address.
 */
@Component
class LoginThrottle {

	static final int FREE_FAILURES = 5;

	static final int USER_CEILING = 50;

	static final int ADDRESS_CEILING = 30;

	static final Duration FIRST_LOCK = Duration.ofSeconds(30);

	static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

	static final Duration FORGET_AFTER = Duration.ofHours(1);

	/** How long an address an account signed in from counts as known. */
	static final Duration KNOWN_FOR = Duration.ofDays(90);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Why and how long sign-ins for this username from this address are refused, if they are. */
	Optional<Lockout> lockedFor(String username, String address) {
		Instant now = this.clock.instant();
		boolean known = isKnown(username, address);
		List<Lockout> locks = this.jdbc.sql("""
				select throttle_key, locked_until from login_failure
				where throttle_key in (:pair, :user, :address) and locked_until > :now
				order by locked_until desc""")
			.param("pair", pairKey(username, address))
			.param("user", userKey(username))
			.param("address", addressKey(address))
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Lockout(Scope.of(rs.getString(1)), name(username), address,
					Duration.between(now, rs.getTimestamp(2).toInstant())))
			.list();
		return locks.stream().filter((lock) -> lock.scope() != Scope.USERNAME || !known).findFirst();
	}

	void recordFailure(String username, String address) {
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from login_failure where last_failure < :forgetBefore and coalesce(locked_until, :now) <= :now")
			.param("forgetBefore", Timestamp.from(now.minus(FORGET_AFTER)))
			.param("now", Timestamp.from(now))
			.update();
		recordFailure(pairKey(username, address), FREE_FAILURES, now);
		recordFailure(userKey(username), USER_CEILING, now);
		recordFailure(addressKey(address), ADDRESS_CEILING, now);
	}

	/** Clears the pair's failures and remembers the address for the account. */
	void recordSuccess(String username, String address) {
		this.jdbc.sql("delete from login_failure where throttle_key = :key")
			.param("key", pairKey(username, address))
			.update();
		this.jdbc.sql("""
				insert into login_known_address (username, address, last_success)
				select username, :address, :now from account where username = :username
				on conflict (username, address) do update set last_success = excluded.last_success""")
			.param("username", name(username))
			.param("address", network(address))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/** Usernames locked at their ceiling now: a distributed attack the admins should know about. */
	List<LockedUsername> lockedUsernames() {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select substr(throttle_key, 6), failures, locked_until from login_failure
				where throttle_key like 'user:%' and locked_until > :now order by locked_until desc limit 20""")
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new LockedUsername(rs.getString(1), rs.getInt(2),
					Duration.between(now, rs.getTimestamp(3).toInstant())))
			.list();
	}

	private boolean isKnown(String username, String address) {
		return this.jdbc.sql("""
				select count(*) from login_known_address
				where username = :username and address = :address and last_success > :since""")
			.param("username", name(username))
			.param("address", network(address))
			.param("since", Timestamp.from(this.clock.instant().minus(KNOWN_FOR)))
			.query(Long.class)
			.single() > 0;
	}

	private void recordFailure(String key, int freeFailures, Instant now) {
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
		if (failures >= freeFailures) {
			Duration lock = (freeFailures == FREE_FAILURES) ? lockFor(failures) : LONGEST_LOCK;
			this.jdbc.sql("update login_failure set locked_until = :until where throttle_key = :key")
				.param("key", key)
				.param("until", Timestamp.from(now.plus(lock)))
				.update();
		}
	}

	/** 30 s after the fifth failure, doubling with each one after, at most 15 minutes. */
	static Duration lockFor(int failures) {
		int doublings = Math.min(failures - FREE_FAILURES, 10);
		Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
		return (lock.compareTo(LONGEST_LOCK) > 0) ? LONGEST_LOCK : lock;
	}

	/** The username as accounts store it, cut to fit the key. */
	static String name(String username) {
		String name = username.strip().toLowerCase(Locale.ROOT);
		return (name.length() > 50) ? name.substring(0, 50) : name;
	}

	/** The address as counted: an IPv4 address, or the /64 network of an IPv6 one. */
	static String network(String address) {
		byte[] bytes = IpAddresses.literal(address);
		if (bytes == null || bytes.length == 4) {
			return (address.length() > 64) ? address.substring(0, 64) : address;
		}
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < 8; i += 2) {
			prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
		}
		return prefix.append(":/64").toString();
	}

	private static String pairKey(String username, String address) {
		return "pair:" + name(username) + "|" + network(address);
	}

	private static String userKey(String username) {
		return "user:" + name(username);
	}

	private static String addressKey(String address) {
		return "ip:" + network(address);
	}

	/** Which count locked a sign-in. */
	enum Scope {

		/** This username from this address. */
		PAIR,
		/** This username from everywhere: its ceiling. */
		USERNAME,
		/** This address, whatever the username: its ceiling. */
		ADDRESS;

		static Scope of(String key) {
			return key.startsWith("pair:") ? PAIR : key.startsWith("user:") ? USERNAME : ADDRESS;
		}

	}

	/**
	 * A refused sign-in: who is locked, from where, and for how long.
	 *
	 * @param scope which count locked it
	 * @param username the username tried
	 * @param address the client's address
	 * @param remaining how long the lock still lasts
	 */
	record Lockout(Scope scope, String username, String address, Duration remaining) {

		/** The wait in whole minutes, at least one. */
		public long minutes() {
			return Math.max(1, (this.remaining.toSeconds() + 59) / 60);
		}

		/** The sentence the sign-in page shows, in the site's language. */
		public String message(SiteLocale words) {
			String wait = words.text("login.lockout.wait", minutes());
			return switch (this.scope) {
				case PAIR -> words.text("login.lockout.pair", this.username, this.address) + " " + wait;
				case USERNAME -> words.text("login.lockout.username", this.username, minutes());
				case ADDRESS -> words.text("login.lockout.address", this.address) + " " + wait;
			};
		}

	}

	/**
	 * A username locked at its ceiling.
	 *
	 * @param username the username
	 * @param failures failed sign-ins in the last hour, from all addresses
	 * @param remaining how long the lock still lasts
	 */
	record LockedUsername(String username, int failures, Duration remaining) {

		/** The wait in whole minutes, at least one. */
		public long minutes() {
			return Math.max(1, (this.remaining.toSeconds() + 59) / 60);
		}

	}

}
