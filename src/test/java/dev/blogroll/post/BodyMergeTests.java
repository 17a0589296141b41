package dev.blogroll.post;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three-way merge of a post's body on the conflict page: changes to different lines are
 * both kept; changes to the same lines are both shown between markers; nothing the other save
 * did is lost.
 */
class BodyMergeTests {

	private static final String BASE = "Intro.\n\nMiddle.\n\nEnd.";

	@Test
	void changesToDifferentLinesAreBothKept() {
		BodyMerge.Result merged = BodyMerge.merge(BASE, "Their intro.\n\nMiddle.\n\nEnd.",
				"Intro.\r\n\r\nMiddle.\r\n\r\nMy end.\r\nAnd a new line of mine.");
		assertThat(merged.conflicts()).isZero();
		assertThat(merged.text()).isEqualTo("Their intro.\n\nMiddle.\n\nMy end.\nAnd a new line of mine.");
		assertThat(BodyMerge.hasMarkers(merged.text())).isFalse();
	}

	@Test
	void changesToTheSameLinesAreMarkedWithBothVersions() {
		BodyMerge.Result merged = BodyMerge.merge(BASE, "Intro.\n\nTheir middle.\n\nEnd.", "Intro.\n\nMy middle.\n\nEnd.");
		assertThat(merged.conflicts()).isOne();
		assertThat(merged.text()).isEqualTo(
				"Intro.\n\n<<<<<<< yours\nMy middle.\n=======\nTheir middle.\n>>>>>>> theirs\n\nEnd.");
		assertThat(BodyMerge.hasMarkers(merged.text())).isTrue();
	}

	@Test
	void theSameChangeOnBothSidesIsNoConflictAndOneSideAloneIsTaken() {
		assertThat(BodyMerge.merge(BASE, "Intro.\n\nSame.\n\nEnd.", "Intro.\n\nSame.\n\nEnd.").text())
			.isEqualTo("Intro.\n\nSame.\n\nEnd.");
		assertThat(BodyMerge.merge(BASE, BASE, "Mine only.").text()).isEqualTo("Mine only.");
		assertThat(BodyMerge.merge(BASE, "Theirs only.", BASE).text()).isEqualTo("Theirs only.");
		assertThat(BodyMerge.merge("", "Their first line.", "").text()).isEqualTo("Their first line.");
	}

	@Test
	void bothAddingAtTheEndIsAConflictKeepingBoth() {
		BodyMerge.Result merged = BodyMerge.merge(BASE, BASE + "\n\nTheirs added.", BASE + "\n\nMine added.");
		assertThat(merged.conflicts()).isOne();
		assertThat(merged.text()).as("the blank line both added stays outside the markers")
			.isEqualTo(BASE + "\n\n<<<<<<< yours\nMine added.\n=======\nTheirs added.\n>>>>>>> theirs");
	}

}
