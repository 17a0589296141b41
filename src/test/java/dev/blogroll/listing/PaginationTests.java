package dev.blogroll.listing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PaginationTests {

	private static final String BASE = "/blog/engineering";

	@Test
	void singlePageShowsNoNavigationAtAll() {
		Pagination pagination = new Pagination(BASE, 1, 1);
		assertThat(pagination.isPaged()).isFalse();
		assertThat(render(pagination)).isEqualTo("[1]");
	}

	@Test
	void firstOfTwoLinksOnlyForward() {
		Pagination pagination = new Pagination(BASE, 1, 2);
		assertThat(render(pagination)).isEqualTo("[1] 2 Next›");
		assertThat(pagination.previousHref()).isNull();
		assertThat(pagination.nextHref()).isEqualTo("/blog/engineering/page/2");
	}

	@Test
	void thirdOfTwentyShowsItsNeighboursAndTheLastPage() {
		assertThat(render(new Pagination(BASE, 3, 20))).isEqualTo("‹Prev 1 2 [3] 4 … 20 Next›");
	}

	@Test
	void seventeenthOfTwentyMatchesTheReferenceView() {
		Pagination pagination = new Pagination(BASE, 17, 20);
		assertThat(render(pagination)).isEqualTo("‹Prev 1 … 16 [17] 18 … 20 Next›");
		assertThat(pagination.items()).extracting(Pagination.Item::href)
			.containsExactly("/blog/engineering/page/16", "/blog/engineering", null, "/blog/engineering/page/16", null,
					"/blog/engineering/page/18", null, "/blog/engineering/page/20", "/blog/engineering/page/18");
	}

	@Test
	void lastOfTwentyLinksOnlyBackward() {
		Pagination pagination = new Pagination(BASE, 20, 20);
		assertThat(render(pagination)).isEqualTo("‹Prev 1 … 19 [20]");
		assertThat(pagination.nextHref()).isNull();
	}

	@Test
	void firstOfAThousandStaysShort() {
		Pagination pagination = new Pagination(BASE, 1, 1000);
		assertThat(render(pagination)).isEqualTo("[1] 2 … 1000 Next›");
		assertThat(pagination.items()).hasSize(5);
	}

	@Test
	void aGapOfOneNumberIsStillAGap() {
		// 1 … 3 4 5: page 2 is hidden, and one hidden number still becomes one gap
		assertThat(render(new Pagination(BASE, 4, 5))).isEqualTo("‹Prev 1 … 3 [4] 5 Next›");
	}

	@Test
	void linksKeepTheListingsBasePath() {
		Pagination pagination = new Pagination("/blog/tag/api-gateway", 2, 3);
		assertThat(pagination.items()).extracting(Pagination.Item::href)
			.containsExactly("/blog/tag/api-gateway", "/blog/tag/api-gateway", null, "/blog/tag/api-gateway/page/3",
					"/blog/tag/api-gateway/page/3");
	}

	@Test
	void pagesOutsideTheListingAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Pagination(BASE, 0, 20));
		assertThatIllegalArgumentException().isThrownBy(() -> new Pagination(BASE, 21, 20));
		assertThatIllegalArgumentException().isThrownBy(() -> new Pagination(BASE, 1, 0));
	}

	@Test
	void aPageParameterIsAddedToTheQueryStringAndKeepsIt() {
		Pagination pagination = Pagination.withPageParameter("/search?q=service+mesh&tag=kuma", 2, 3);
		assertThat(pagination.previousHref()).isEqualTo("/search?q=service+mesh&tag=kuma");
		assertThat(pagination.nextHref()).isEqualTo("/search?q=service+mesh&tag=kuma&page=3");
		assertThat(render(pagination)).isEqualTo("‹Prev 1 [2] 3 Next›");
	}

	@Test
	void aPageParameterStartsTheQueryStringWhenThereIsNone() {
		Pagination pagination = Pagination.withPageParameter("/search", 1, 2);
		assertThat(pagination.href(1)).isEqualTo("/search");
		assertThat(pagination.href(2)).isEqualTo("/search?page=2");
	}

	@Test
	void listingsKeepTheirPathSegments() {
		assertThat(new Pagination(BASE, 1, 2).pageParameter()).isFalse();
		assertThat(new Pagination(BASE, 1, 2).href(2)).isEqualTo("/blog/engineering/page/2");
	}

	/** The navigation as text, the current page in brackets. */
	private static String render(Pagination pagination) {
		List<String> labels = pagination.items()
			.stream()
			.map((item) -> item.isCurrent() ? "[" + item.label() + "]" : item.label())
			.toList();
		return String.join(" ", labels);
	}

}
