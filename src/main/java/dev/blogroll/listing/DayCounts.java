package dev.blogroll.listing;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A counted listing's posts (every post, a category's, a tag's) per UTC day, newest day first,
 * days without posts left out, with the running total before each day: where page N starts is
 * a binary search. A tag's "days" are months ({@link ListingFilter#countedBy()}): the same
 * search, over bigger buckets. Scheduled posts are counted like the others
 * (they are dated after now, so they come first) and {@link #scheduled()} says how many there
 * are, to be skipped.
 * <p>
 * Read from {@code listing_count} once per state of the content ({@link ListingQueries}), so
 * a page needs only the index read that starts at its day.
 */
record DayCounts(Timestamp[] dayStarts, Timestamp[] dayEnds, long[] before, int[] posts, long scheduled) {

	static DayCounts of(List<Day> allDays, long scheduled) {
		List<Day> days = allDays.stream().filter((day) -> day.posts() > 0).toList();
		int size = days.size();
		Timestamp[] starts = new Timestamp[size];
		Timestamp[] ends = new Timestamp[size];
		long[] before = new long[size];
		int[] posts = new int[size];
		long total = 0;
		for (int i = 0; i < size; i++) {
			starts[i] = days.get(i).startsAt();
			ends[i] = days.get(i).endsAt();
			posts[i] = days.get(i).posts();
			before[i] = total;
			total += posts[i];
		}
		return new DayCounts(starts, ends, before, posts, scheduled);
	}

	/**
	 * The day in which the post at {@code position} (from 0, newest first, scheduled posts
	 * first) lies, and how many of that day's posts come before it; {@code null} past the end.
	 */
	@Nullable Start find(long position) {
		// every day has posts (days without are not read), so running totals strictly increase
		int found = Arrays.binarySearch(this.before, position);
		int day = (found >= 0) ? found : -found - 2;
		if (day < 0 || position >= this.before[day] + this.posts[day]) {
			return null;
		}
		return new Start(this.dayStarts[day], this.dayEnds[day], position - this.before[day]);
	}

	/** About what the counts weigh in memory. */
	long bytes() {
		return 64L + 56L * this.posts.length;
	}

	/** One row of {@code listing_count}: a day's bounds and its posts. */
	record Day(Timestamp startsAt, Timestamp endsAt, int posts) {
	}

	/**
	 * Where a page starts: in the index, the posts of the day from {@code dayStart} to
	 * {@code dayEnd} (excluded), newest first, skipping {@code skip}.
	 */
	record Start(Timestamp dayStart, Timestamp dayEnd, long skip) {
	}

}
