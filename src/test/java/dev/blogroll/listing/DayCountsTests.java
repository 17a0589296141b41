package dev.blogroll.listing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DayCountsTests {

	private static final Timestamp THIRD = Timestamp.from(Instant.parse("2024-03-04T00:00:00Z"));

	private static final Timestamp SECOND = Timestamp.from(Instant.parse("2024-03-03T00:00:00Z"));

	private static final Timestamp FIRST = Timestamp.from(Instant.parse("2024-03-02T00:00:00Z"));

	/** Newest day first: 3 posts, then 0 (a day whose posts were all removed), then 5, then 2. */
	private final DayCounts days = DayCounts.of(List.of(new DayCounts.Day(THIRD, 3), new DayCounts.Day(THIRD, 0),
			new DayCounts.Day(SECOND, 5), new DayCounts.Day(FIRST, 2)), 1);

	@Test
	void findsTheDayOfEveryPositionAndHowManyOfItsPostsComeFirst() {
		assertThat(this.days.find(0)).isEqualTo(new DayCounts.Start(THIRD, 0));
		assertThat(this.days.find(2)).isEqualTo(new DayCounts.Start(THIRD, 2));
		assertThat(this.days.find(3)).as("past the empty day").isEqualTo(new DayCounts.Start(SECOND, 0));
		assertThat(this.days.find(7)).isEqualTo(new DayCounts.Start(SECOND, 4));
		assertThat(this.days.find(8)).isEqualTo(new DayCounts.Start(FIRST, 0));
		assertThat(this.days.find(9)).isEqualTo(new DayCounts.Start(FIRST, 1));
		assertThat(this.days.scheduled()).isEqualTo(1);
	}

	@Test
	void pastTheLastPostThereIsNoStart() {
		assertThat(this.days.find(10)).isNull();
		assertThat(DayCounts.of(List.of(), 0).find(0)).isNull();
	}

}
