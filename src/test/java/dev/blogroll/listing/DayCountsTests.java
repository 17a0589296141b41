package dev.blogroll.listing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DayCountsTests {

	private static final Timestamp FOURTH = at("2024-03-05");

	private static final Timestamp THIRD = at("2024-03-04");

	private static final Timestamp SECOND = at("2024-03-03");

	private static final Timestamp FIRST = at("2024-03-02");

	private static final Timestamp BEFORE = at("2024-03-01");

	/** Newest day first: 3 posts, then 0 (a day whose posts were all removed), then 5, then 2. */
	private final DayCounts days = DayCounts.of(List.of(new DayCounts.Day(THIRD, FOURTH, 3),
			new DayCounts.Day(THIRD, FOURTH, 0), new DayCounts.Day(SECOND, THIRD, 5), new DayCounts.Day(BEFORE, FIRST, 2)), 1);

	private static Timestamp at(String day) {
		return Timestamp.from(Instant.parse(day + "T00:00:00Z"));
	}

	@Test
	void findsTheDayOfEveryPositionAndHowManyOfItsPostsComeFirst() {
		assertThat(this.days.find(0)).isEqualTo(new DayCounts.Start(THIRD, FOURTH, 0));
		assertThat(this.days.find(2)).isEqualTo(new DayCounts.Start(THIRD, FOURTH, 2));
		assertThat(this.days.find(3)).as("past the empty day").isEqualTo(new DayCounts.Start(SECOND, THIRD, 0));
		assertThat(this.days.find(7)).isEqualTo(new DayCounts.Start(SECOND, THIRD, 4));
		assertThat(this.days.find(8)).isEqualTo(new DayCounts.Start(BEFORE, FIRST, 0));
		assertThat(this.days.find(9)).isEqualTo(new DayCounts.Start(BEFORE, FIRST, 1));
		assertThat(this.days.scheduled()).isEqualTo(1);
	}

	@Test
	void pastTheLastPostThereIsNoStart() {
		assertThat(this.days.find(10)).isNull();
		assertThat(DayCounts.of(List.of(), 0).find(0)).isNull();
	}

}
