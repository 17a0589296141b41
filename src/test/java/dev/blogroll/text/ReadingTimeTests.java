package dev.blogroll.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingTimeTests {

	@Test
	void aShortPostTakesAMinute() {
		assertThat(ReadingTime.minutes("")).isEqualTo(1);
		assertThat(ReadingTime.minutes("Just a *few* words.")).isEqualTo(1);
	}

	@Test
	void minutesAreWordsAtTwoHundredThirtyAMinuteRoundedUp() {
		assertThat(ReadingTime.minutes("word ".repeat(230))).isEqualTo(1);
		assertThat(ReadingTime.minutes("word ".repeat(231))).isEqualTo(2);
		assertThat(ReadingTime.minutes("## Heading\n\n" + "it's fine, `code` too. ".repeat(460))).isEqualTo(9);
	}

}
