package dev.blogroll.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule as a pure function: the editor's interval is the default, publishing often or
 * rarely moves it, servers and feeds can only make Blogroll wait longer, and nothing goes below
 * the floor or above the ceiling.
 */
class FetchScheduleTests {

	private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	private static final Duration HOUR = Duration.ofHours(1);

	private static final FetchSchedule.Limits LIMITS = new FetchSchedule.Limits(Duration.ofMinutes(15),
			Duration.ofHours(24), Duration.ofHours(24));

	private static Duration wait(FetchSchedule.Plan plan) {
		return Duration.between(NOW, plan.at());
	}

	private static FetchSchedule.Plan success(Duration editor, FetchSchedule.Publishing publishing,
			Duration freshFor, Duration feedTtl) {
		return FetchSchedule.afterSuccess(NOW,
				new FetchSchedule.Success(editor, publishing, freshFor, feedTtl, null, Duration.ofDays(1)), LIMITS);
	}

	private static FetchSchedule.Publishing postsEvery(Duration gap, Duration lastOneAgo) {
		Instant newest = NOW.minus(lastOneAgo);
		return FetchSchedule.Publishing.of(List.of(newest, newest.minus(gap), newest.minus(gap.multipliedBy(2)),
				newest.minus(gap.multipliedBy(3))), NOW);
	}

	@Test
	void withoutDatesOrHintsTheEditorsIntervalIsKept() {
		FetchSchedule.Plan plan = success(HOUR, FetchSchedule.Publishing.UNKNOWN, null, null);
		assertThat(wait(plan)).isEqualTo(HOUR);
		assertThat(plan.reason()).isEqualTo("in 60 min: the editor's interval");
	}

	@Test
	void aSourceThatPublishesOftenIsFetchedMoreOften() {
		// a post every two hours, the last one an hour ago: a quarter of the gap
		FetchSchedule.Plan plan = success(HOUR, postsEvery(Duration.ofHours(2), HOUR), null, null);
		assertThat(wait(plan)).isEqualTo(Duration.ofMinutes(30));
		assertThat(plan.reason()).isEqualTo("in 30 min: a post about every 2 h");
		// a post every ten minutes: a quarter of the editor's interval, and never below the floor
		assertThat(wait(success(HOUR, postsEvery(Duration.ofMinutes(10), Duration.ofMinutes(5)), null, null)))
			.isEqualTo(Duration.ofMinutes(15));
		assertThat(wait(success(Duration.ofMinutes(5), postsEvery(Duration.ofMinutes(10), Duration.ZERO), null, null)))
			.as("an editor's five minutes are the floor's fifteen").isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void aQuietSourceIsFetchedLessOften() {
		// a post a week, the last one two days ago: a quarter of the week, at most 8 × the interval
		assertThat(wait(success(HOUR, postsEvery(Duration.ofDays(7), Duration.ofDays(2)), null, null)))
			.isEqualTo(Duration.ofHours(8));
		assertThat(wait(success(Duration.ofHours(2), postsEvery(Duration.ofDays(1), Duration.ofHours(3)), null, null)))
			.isEqualTo(Duration.ofHours(6));
		// a post a day, but none for three weeks: as quiet as three weeks, capped by the ceiling
		FetchSchedule.Plan silent = success(Duration.ofHours(6), postsEvery(Duration.ofDays(1), Duration.ofDays(21)),
				null, null);
		assertThat(wait(silent)).isEqualTo(Duration.ofHours(24));
		assertThat(silent.reason()).isEqualTo("in 24 h: no post for 21 days");
	}

	@Test
	void serversAndFeedsCanOnlyMakeBlogrollWaitLonger() {
		FetchSchedule.Plan maxAge = success(HOUR, FetchSchedule.Publishing.UNKNOWN, Duration.ofHours(3), null);
		assertThat(wait(maxAge)).isEqualTo(Duration.ofHours(3));
		assertThat(maxAge.reason()).isEqualTo("in 3 h: the server's caching headers keep it fresh for 3 h");
		FetchSchedule.Plan ttl = success(HOUR, FetchSchedule.Publishing.UNKNOWN, Duration.ofMinutes(10),
				Duration.ofHours(2));
		assertThat(wait(ttl)).isEqualTo(Duration.ofHours(2));
		assertThat(ttl.reason()).isEqualTo("in 2 h: the feed asks to be cached for 2 h");
		// shorter than the interval: no effect (max-age=0, ttl 5)
		assertThat(wait(success(HOUR, FetchSchedule.Publishing.UNKNOWN, Duration.ZERO, Duration.ofMinutes(5))))
			.isEqualTo(HOUR);
		// a year of max-age: the ceiling
		assertThat(wait(success(HOUR, FetchSchedule.Publishing.UNKNOWN, Duration.ofDays(365), null)))
			.isEqualTo(Duration.ofHours(24));
	}

	@Test
	void retryAfterIsHonouredWithinTheFloorAndTheLongestBackoff() {
		assertThat(wait(FetchSchedule.afterRetryLater(NOW, HOUR, 1, NOW.plus(Duration.ofHours(2)), LIMITS)))
			.isEqualTo(Duration.ofHours(2));
		assertThat(wait(FetchSchedule.afterRetryLater(NOW, HOUR, 1, NOW.plusSeconds(1), LIMITS)))
			.as("Retry-After: 1 does not make Blogroll come back in a second").isEqualTo(Duration.ofMinutes(15));
		assertThat(wait(FetchSchedule.afterRetryLater(NOW, HOUR, 1, NOW.plus(Duration.ofDays(30)), LIMITS)))
			.isEqualTo(Duration.ofHours(24));
		assertThat(wait(FetchSchedule.afterRetryLater(NOW, HOUR, 1, null, LIMITS))).as("without one: a failure")
			.isEqualTo(Duration.ofHours(2));
	}

	@Test
	void failuresDoubleTheIntervalUpToTheLongestBackoff() {
		assertThat(wait(FetchSchedule.afterFailure(NOW, HOUR, 1, LIMITS))).isEqualTo(Duration.ofHours(2));
		assertThat(wait(FetchSchedule.afterFailure(NOW, HOUR, 3, LIMITS))).isEqualTo(Duration.ofHours(8));
		assertThat(wait(FetchSchedule.afterFailure(NOW, HOUR, 40, LIMITS))).isEqualTo(Duration.ofHours(24));
		assertThat(FetchSchedule.afterFailure(NOW, HOUR, 3, LIMITS).reason()).isEqualTo("in 8 h: 3 failures in a row");
	}

	@Test
	void aPushedSourceIsPolledAtTheCeilingAndBeforeItsSubscriptionEnds() {
		FetchSchedule.Plan pushed = FetchSchedule.afterSuccess(NOW, new FetchSchedule.Success(HOUR,
				postsEvery(Duration.ofHours(2), HOUR), null, null, NOW.plus(Duration.ofDays(7)), Duration.ofDays(1)),
				LIMITS);
		assertThat(wait(pushed)).isEqualTo(Duration.ofHours(24));
		FetchSchedule.Plan renewal = FetchSchedule.afterSuccess(NOW, new FetchSchedule.Success(HOUR,
				FetchSchedule.Publishing.UNKNOWN, null, null, NOW.plus(Duration.ofHours(30)), Duration.ofDays(1)), LIMITS);
		assertThat(wait(renewal)).as("renewed a day before the lease ends").isEqualTo(Duration.ofHours(6));
		assertThat(renewal.reason()).endsWith("the subscription is renewed then");
		FetchSchedule.Plan ended = FetchSchedule.afterSuccess(NOW, new FetchSchedule.Success(HOUR,
				FetchSchedule.Publishing.UNKNOWN, null, null, NOW.minusSeconds(1), Duration.ofDays(1)), LIMITS);
		assertThat(wait(ended)).as("a subscription that ended: polled as usual").isEqualTo(HOUR);
	}

	@Test
	void publishingIsTheMedianGapOfTheNewestDatedEntries() {
		FetchSchedule.Publishing publishing = FetchSchedule.Publishing.of(Arrays.asList(NOW.minus(Duration.ofHours(1)),
				null, NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofHours(4)), NOW.minus(Duration.ofHours(30)),
				NOW.plus(Duration.ofDays(400))), NOW);
		assertThat(publishing.newest()).as("the future date is not believed").isEqualTo(NOW.minus(Duration.ofHours(1)));
		// gaps 2 h, 1 h, 26 h: the median is 2 h
		assertThat(publishing.typicalGap()).isEqualTo(Duration.ofHours(2));
		assertThat(FetchSchedule.Publishing.of(List.of(NOW), NOW).typicalGap()).isNull();
	}

}
