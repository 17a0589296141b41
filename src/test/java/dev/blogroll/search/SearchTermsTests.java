package dev.blogroll.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTests {

	@Test
	void whiteSpaceAndControlCharactersCollapse() {
		assertThat(SearchTerms.of("  kong\t\n gateway\u0000 \u00a0 ").text()).isEqualTo("kong gateway");
	}

	@Test
	void blankIsEmpty() {
		assertThat(SearchTerms.of(" \t ").isEmpty()).isTrue();
		assertThat(SearchTerms.of("kong").isEmpty()).isFalse();
	}

	@Test
	void longQueriesAreCutWithoutSplittingACharacter() {
		assertThat(SearchTerms.of("x".repeat(10_000)).text()).hasSize(SearchTerms.MAX_LENGTH);
		String emoji = "\uD83D\uDE80";
		String cut = SearchTerms.of(emoji.repeat(300)).text();
		assertThat(cut.codePointCount(0, cut.length())).isEqualTo(SearchTerms.MAX_LENGTH);
		assertThat(cut).endsWith(emoji);
	}

	@Test
	void onlyTheFirstTenWordsAreSearched() {
		SearchTerms terms = SearchTerms.of("kong " + "-word ".repeat(100));
		assertThat(terms.text().split(" ")).hasSize(SearchTerms.MAX_TERMS);
		assertThat(terms.shortened()).isTrue();
		assertThat(SearchTerms.of("a OR b OR c OR d OR e OR f OR g OR h OR i OR j").shortened()).isFalse();
		assertThat(SearchTerms.of("kong gateway").shortened()).isFalse();
	}

	@Test
	void syntaxIsLeftForPostgresql() {
		assertThat(SearchTerms.of("\"service mesh\" -kubernetes OR kong").text())
			.isEqualTo("\"service mesh\" -kubernetes OR kong");
	}

}
