package dev.blogroll.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.blogroll.BlogrollProperties;

/**
 * When to fetch a source next: a pure function of what its last fetch learnt, so that every
 * rule can be tested without a clock or a server.
 * <ul>
 * <li>The editor's interval is the default, not a fixed rule: a source that publishes often is
 * fetched more often (a quarter of the usual time between its posts, down to a quarter of the
 * editor's interval), a quiet one less often (up to eight times the editor's interval). A source
 * quiet for longer than its usual gap counts as that quiet.</li>
 * <li>The server and the feed can only make Blogroll wait longer, never come sooner:
 * {@code Cache-Control: max-age} (or {@code Expires}), RSS {@code <ttl>},
 * {@code sy:updatePeriod}/{@code sy:updateFrequency}, and {@code Retry-After} after a 429 or 503.</li>
 * <li>A source whose WebSub hub pushes its posts is polled only every {@code max-interval}, in
 * case the hub stops, and before its subscription's lease ends, so that it is renewed.</li>
 * <li>After a failure the interval doubles with each consecutive failure, up to
 * {@code max-backoff}.</li>
 * <li>Whatever the rule, the wait is between {@code min-interval} (at least five minutes, so no
 * setting can make Blogroll hammer a blog) and {@code max-interval} ({@code max-backoff} after
 * failures).</li>
 * </ul>
 */
final class FetchSchedule {

	/** How many of the newest entries tell how often a feed publishes. */
	static final int ENTRIES_CONSIDERED = 10;

	private FetchSchedule() {
	}

	/**
	 * The bounds every plan keeps to.
	 *
	 * @param min the shortest wait ({@code min-interval})
	 * @param max the longest wait after a success ({@code max-interval})
	 * @param maxBackoff the longest wait after failures ({@code max-backoff})
	 */
	record Limits(Duration min, Duration max, Duration maxBackoff) {

		static Limits of(BlogrollProperties.Ingest settings) {
			Duration backoff = settings.maxBackoff();
			return new Limits(settings.minInterval(), settings.maxInterval(),
					(backoff.compareTo(settings.minInterval()) < 0) ? settings.minInterval() : backoff);
		}

	}

	/**
	 * How often a feed publishes, from the dates of its newest entries.
	 *
	 * @param newest the newest entry's date, if any entry has one
	 * @param typicalGap the median time between the newest entries, if two have dates
	 */
	record Publishing(@Nullable Instant newest, @Nullable Duration typicalGap) {

		static final Publishing UNKNOWN = new Publishing(null, null);

		/** From the entries' dates; dates in the future (after {@code now}) are not believed. */
		static Publishing of(Collection<@Nullable Instant> dates, Instant now) {
			List<Instant> newest = dates.stream()
				.filter(Objects::nonNull)
				.filter((date) -> !date.isAfter(now))
				.distinct()
				.sorted(Comparator.reverseOrder())
				.limit(ENTRIES_CONSIDERED)
				.toList();
			if (newest.isEmpty()) {
				return UNKNOWN;
			}
			List<Duration> gaps = new ArrayList<>();
			for (int i = 1; i < newest.size(); i++) {
				gaps.add(Duration.between(newest.get(i), newest.get(i - 1)));
			}
			gaps.sort(Comparator.naturalOrder());
			Duration median = gaps.isEmpty() ? null : gaps.get(gaps.size() / 2);
			return new Publishing(newest.get(0), median);
		}

	}

	/**
	 * What a fetch that worked (200 or 304) learnt about when to come back.
	 *
	 * @param editorInterval the source's interval, as its editor set it
	 * @param publishing how often the feed publishes
	 * @param freshFor how long the server says the feed stays fresh ({@code max-age}, {@code Expires})
	 * @param feedTtl how long the feed asks to be cached ({@code <ttl>}, {@code sy:updatePeriod})
	 * @param pushedUntil when the source's verified WebSub subscription ends, if it has one
	 * @param renewBefore how long before that end the subscription is renewed
	 */
	record Success(Duration editorInterval, Publishing publishing, @Nullable Duration freshFor,
			@Nullable Duration feedTtl, @Nullable Instant pushedUntil, Duration renewBefore) {
	}

	/**
	 * The next fetch.
	 *
	 * @param at when
	 * @param reason why then, for editors ("every 4 h: no post for 40 days")
	 */
	record Plan(Instant at, String reason) {
	}

	static Plan afterSuccess(Instant now, Success fetch, Limits limits) {
		Duration editor = clamp(fetch.editorInterval(), limits.min(), limits.max());
		Duration interval = editor;
		String reason = "the editor's interval";
		Publishing publishing = fetch.publishing();
		if (publishing.typicalGap() != null && publishing.newest() != null) {
			Duration quiet = Duration.between(publishing.newest(), now);
			boolean silent = quiet.compareTo(publishing.typicalGap()) > 0;
			Duration gap = silent ? quiet : publishing.typicalGap();
			interval = clamp(gap.dividedBy(4), editor.dividedBy(4), editor.multipliedBy(8));
			reason = silent ? "no post for " + human(quiet) : "a post about every " + human(gap);
		}
		Duration asked = max(fetch.freshFor(), fetch.feedTtl());
		if (asked != null && asked.compareTo(interval) > 0) {
			interval = asked;
			reason = Objects.equals(asked, fetch.freshFor())
					? "the server's caching headers keep it fresh for " + human(asked)
					: "the feed asks to be cached for " + human(asked);
		}
		if (fetch.pushedUntil() != null && fetch.pushedUntil().isAfter(now)) {
			interval = limits.max();
			reason = "its hub pushes new posts; polled in case it stops";
		}
		interval = clamp(interval, limits.min(), limits.max());
		Instant at = now.plus(interval);
		if (fetch.pushedUntil() != null && fetch.pushedUntil().isAfter(now)) {
			Instant renew = fetch.pushedUntil().minus(fetch.renewBefore());
			Instant earliest = now.plus(limits.min());
			if (renew.isBefore(at)) {
				at = renew.isBefore(earliest) ? earliest : renew;
				reason = "its hub pushes new posts; the subscription is renewed then";
			}
		}
		return new Plan(at, "in " + human(Duration.between(now, at)) + ": " + reason);
	}

	/** After a 429 or 503: when the server said, else as after other failures. */
	static Plan afterRetryLater(Instant now, Duration editorInterval, int failures, @Nullable Instant retryAt,
			Limits limits) {
		if (retryAt == null || !retryAt.isAfter(now)) {
			return afterFailure(now, editorInterval, failures, limits);
		}
		Duration wait = clamp(Duration.between(now, retryAt), limits.min(), limits.maxBackoff());
		return new Plan(now.plus(wait), "in " + human(wait) + ": the server's Retry-After");
	}

	/** After the {@code failures}th failure in a row: the interval doubled per failure. */
	static Plan afterFailure(Instant now, Duration editorInterval, int failures, Limits limits) {
		Duration wait = backoff(clamp(editorInterval, limits.min(), limits.max()), failures, limits.maxBackoff());
		return new Plan(now.plus(wait), "in " + human(wait) + ": " + failures
				+ ((failures == 1) ? " failure" : " failures in a row"));
	}

	/** The interval doubled for each failure, at most {@code cap}. */
	static Duration backoff(Duration interval, int failures, Duration cap) {
		Duration wait = interval;
		for (int i = 0; i < failures && wait.compareTo(cap) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(cap) > 0) ? cap : wait;
	}

	static Duration clamp(Duration value, Duration min, Duration max) {
		if (value.compareTo(min) < 0) {
			return min;
		}
		return (value.compareTo(max) > 0) ? max : value;
	}

	private static @Nullable Duration max(@Nullable Duration a, @Nullable Duration b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.compareTo(b) >= 0) ? a : b;
	}

	/** "45 min", "4 h", "3 days". */
	static String human(Duration duration) {
		long minutes = Math.max(0, duration.toMinutes());
		if (minutes < 120) {
			return minutes + " min";
		}
		long hours = Math.round(minutes / 60.0);
		if (hours < 48) {
			return hours + " h";
		}
		return Math.round(hours / 24.0) + " days";
	}

}
