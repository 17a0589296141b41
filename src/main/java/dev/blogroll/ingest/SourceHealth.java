package dev.blogroll.ingest;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The health of sources over the last {@value #DAYS} days (UTC), from {@code feed_fetch_day}
 * (V51: one row per source and day, written by each fetch): fetches, failures, new posts and
 * mean response time per day, for one page of sources or for all of them together, drawn as
 * small server-rendered SVG charts (bars and a line, numbers only, no script).
 */
@Component
class SourceHealth {

	static final int DAYS = 30;

	private final JdbcClient jdbc;

	private final Clock clock;

	static final Duration ALL_KEPT_FOR = Duration.ofMinutes(1);

	private volatile @Nullable Kept all;

	private record Kept(Days days, Instant at) {
	}

	SourceHealth(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The last {@value #DAYS} days of each source: one index range read of the page's ids. */
	Map<Long, Days> of(Collection<Long> sourceIds) {
		Map<Long, Days> health = new HashMap<>();
		if (sourceIds.isEmpty()) {
			return health;
		}
		LocalDate first = firstDay();
		this.jdbc.sql("""
				select source_id, day, fetches, failures, new_posts, total_ms from feed_fetch_day
				where source_id in (:ids) and day >= :first""")
			.param("ids", sourceIds)
			.param("first", Date.valueOf(first))
			.query((rs) -> {
				Days days = health.computeIfAbsent(rs.getLong("source_id"), (id) -> new Days(first));
				days.add(rs.getDate("day").toLocalDate(), rs.getInt("fetches"), rs.getInt("failures"), rs.getInt("new_posts"),
						rs.getLong("total_ms"));
			});
		return health;
	}

	/**
	 * Every source together, day by day: a sum over every source's rows of the period (300,000
	 * rows for 10,000 sources, about 100 ms), so it is kept for {@link #ALL_KEPT_FOR}; a chart
	 * of 30 days loses nothing by being a minute old.
	 */
	Days all() {
		Kept kept = this.all;
		Instant now = this.clock.instant();
		if (kept != null && kept.at().plus(ALL_KEPT_FOR).isAfter(now) && !kept.at().isAfter(now)) {
			return kept.days();
		}
		Days days = sumOfAll();
		this.all = new Kept(days, now);
		return days;
	}

	private Days sumOfAll() {
		LocalDate first = firstDay();
		Days days = new Days(first);
		this.jdbc.sql("""
				select day, sum(fetches) as fetches, sum(failures) as failures, sum(new_posts) as new_posts,
				       sum(total_ms) as total_ms
				from feed_fetch_day where day >= :first group by day""")
			.param("first", Date.valueOf(first))
			.query((rs) -> {
				days.add(rs.getDate("day").toLocalDate(), rs.getInt("fetches"), rs.getInt("failures"), rs.getInt("new_posts"),
						rs.getLong("total_ms"));
			});
		return days;
	}

	private LocalDate firstDay() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(DAYS - 1);
	}

	/** {@value #DAYS} days of one source, or of all, the oldest first. */
	static final class Days {

		private final LocalDate first;

		final int[] fetches = new int[DAYS];

		final int[] failures = new int[DAYS];

		final int[] newPosts = new int[DAYS];

		final long[] totalMillis = new long[DAYS];

		Days(LocalDate first) {
			this.first = first;
		}

		void add(LocalDate day, int fetches, int failures, int newPosts, long totalMillis) {
			int index = (int) (day.toEpochDay() - this.first.toEpochDay());
			if (index >= 0 && index < DAYS) {
				this.fetches[index] += fetches;
				this.failures[index] += failures;
				this.newPosts[index] += newPosts;
				this.totalMillis[index] += totalMillis;
			}
		}

		int totalFetches() {
			return sum(this.fetches);
		}

		int totalFailures() {
			return sum(this.failures);
		}

		int totalNewPosts() {
			return sum(this.newPosts);
		}

		/** The mean response time over the days, in ms; 0 without fetches. */
		long meanMillis() {
			long total = 0;
			for (long millis : this.totalMillis) {
				total += millis;
			}
			int fetches = totalFetches();
			return (fetches == 0) ? 0 : total / fetches;
		}

		/** Fetches (grey) with their failures (red) over them as bars, one a day: two SVG paths. */
		String fetchBars(int width, int height) {
			int max = Math.max(1, max(this.fetches));
			return path("f", this.fetches, max, width, height) + path("x", this.failures, max, width, height);
		}

		/** New posts as bars, one a day: an SVG path. */
		String newPostBars(int width, int height) {
			return path("n", this.newPosts, Math.max(1, max(this.newPosts)), width, height);
		}

		/**
		 * One {@code <path>} of bars standing on the bottom edge, one a day ({@code M x bottom
		 * v -h h w v h} each): about 16 bytes a day, where a {@code <rect>} takes 80.
		 */
		private static String path(String kind, int[] values, int max, int width, int height) {
			StringBuilder d = new StringBuilder();
			double step = (double) width / DAYS;
			String barWidth = format(Math.max(1, step - 1));
			for (int day = 0; day < DAYS; day++) {
				if (values[day] > 0) {
					String h = format(Math.max(1, height * (double) values[day] / max));
					d.append('M').append(format(step * day)).append(' ').append(height).append("v-").append(h).append('h')
						.append(barWidth).append('v').append(h);
				}
			}
			return d.isEmpty() ? "" : "<path class=\"" + kind + "\" d=\"" + d + "\"/>";
		}

		/** The points of the mean response time's line, one a day that had fetches. */
		String responsePoints(int width, int height) {
			long max = 1;
			for (int day = 0; day < DAYS; day++) {
				max = Math.max(max, mean(day));
			}
			StringBuilder points = new StringBuilder();
			double step = (double) width / DAYS;
			for (int day = 0; day < DAYS; day++) {
				if (this.fetches[day] > 0) {
					double y = height - 1 - (height - 2) * (double) mean(day) / max;
					points.append(format(step * day + step / 2)).append(',').append(format(y)).append(' ');
				}
			}
			return points.toString().strip();
		}

		private long mean(int day) {
			return (this.fetches[day] == 0) ? 0 : this.totalMillis[day] / this.fetches[day];
		}

		private static int max(int[] values) {
			int max = 0;
			for (int value : values) {
				max = Math.max(max, value);
			}
			return max;
		}

		private static int sum(int[] values) {
			int sum = 0;
			for (int value : values) {
				sum += value;
			}
			return sum;
		}

		private static String format(double value) {
			String text = String.format(Locale.ROOT, "%.1f", value);
			return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
		}

	}

	/** Unused ids are simply absent: a source without fetches in the period has empty days. */
	static Days orEmpty(Map<Long, Days> health, long id, Clock clock) {
		return health.getOrDefault(id,
				new Days(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(DAYS - 1)));
	}

	static List<Long> ids(List<FeedSource> sources) {
		return sources.stream().map(FeedSource::id).toList();
	}

	/**
	 * {@value SourceHealth#DAYS} days drawn: the SVG content of each chart (numbers only, made
	 * here) and the totals they stand for.
	 *
	 * @param width each chart's width
	 * @param height each chart's height
	 * @param fetchBars fetches a day in grey, their failures in red
	 * @param newPostBars new posts a day
	 * @param responseLine the mean response time a day, as polyline points
	 * @param fetches fetches in the period
	 * @param failures failed fetches in the period
	 * @param newPosts new posts in the period
	 * @param meanMillis the mean response time in the period
	 */
	record Chart(int width, int height, String fetchBars, String newPostBars, String responseLine, int fetches,
			int failures, int newPosts, long meanMillis) {

		static Chart of(Days days, int width, int height) {
			return new Chart(width, height, days.fetchBars(width, height), days.newPostBars(width, height),
					days.responsePoints(width, height), days.totalFetches(), days.totalFailures(), days.totalNewPosts(),
					days.meanMillis());
		}

		public String viewBox() {
			return "0 0 " + this.width + " " + this.height;
		}

	}

}
