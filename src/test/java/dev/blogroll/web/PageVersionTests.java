package dev.blogroll.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entity tag covers every component of a page model, however deeply nested, and tells
 * apart models that only the boundaries between their values distinguish. (What a client gets
 * from it, 304s and new tags after an editor's change, is tested over HTTP in
 * {@link HttpCachingTests}.)
 */
class PageVersionTests {

	record Card(String title, @Nullable String image, Instant publishedAt) {
	}

	/** Not public, like the page models of the listing and post packages. */
	private record Page(String heading, List<Card> cards, long total) {
	}

	private static final Instant MAY = Instant.parse("2021-05-24T00:00:00Z");

	private final Page page = new Page("Engineering", List.of(new Card("API Versioning", "a.png", MAY),
			new Card("Rate limiting…", null, MAY)), 300);

	@Test
	void theSameContentHasTheSameTag() {
		Page same = new Page("Engineering", List.of(new Card("API Versioning", "a.png", MAY),
				new Card("Rate limiting…", null, MAY)), 300);
		assertThat(tag(same)).isEqualTo(tag(this.page)).startsWith("W/\"").hasSize(36);
	}

	@Test
	void aChangeAnywhereInTheModelChangesTheTag() {
		String before = tag(this.page);
		assertThat(tag(new Page("Engineering!", this.page.cards(), 300))).isNotEqualTo(before);
		assertThat(tag(new Page("Engineering", this.page.cards(), 301))).isNotEqualTo(before);
		assertThat(tag(new Page("Engineering", List.of(this.page.cards().get(0),
				new Card("Rate limiting…", null, MAY.plusSeconds(1))), 300))).isNotEqualTo(before);
		assertThat(tag(new Page("Engineering", List.of(this.page.cards().get(0),
				new Card("Rate limiting...", null, MAY)), 300))).isNotEqualTo(before);
		assertThat(tag(new Page("Engineering", this.page.cards().subList(0, 1), 300))).isNotEqualTo(before);
	}

	@Test
	void nullIsNotTheWordNull() {
		assertThat(tag(new Card("t", null, MAY))).isNotEqualTo(tag(new Card("t", "null", MAY)));
	}

	@Test
	void valuesKeepTheirBoundaries() {
		assertThat(tag(List.of("ab", "c"))).isNotEqualTo(tag(List.of("a", "bc")));
		assertThat(tag(List.of(List.of("a"), "b"))).isNotEqualTo(tag(List.of(List.of("a", "b"))));
		assertThat(tag(new Card("a", "b", MAY), "c")).isNotEqualTo(tag(new Card("a", "b", MAY)));
		// a text spelling out the bytes a list and its end were fed as, were texts only ended by a 0
		assertThat(tag("[\u0000a\u0000\u0002b")).isNotEqualTo(tag(List.of("a"), "b"));
		// a text in front of a list, against a list starting with that text
		assertThat(tag("[", List.of("a"))).isNotEqualTo(tag(List.of("[", "a")));
		assertThat(tag(Card.class.getName(), "a", "b", MAY)).isNotEqualTo(tag(new Card("a", "b", MAY)));
	}

	/** Numbers, dates, instants and booleans are hashed as values, not as text; each still counts. */
	@Test
	void numbersDatesInstantsAndBooleansCountByTheirValues() {
		assertThat(tag(300L)).isEqualTo(tag(300L)).isNotEqualTo(tag(301L)).isNotEqualTo(tag("300"));
		assertThat(tag(MAY)).isEqualTo(tag(Instant.parse("2021-05-24T00:00:00Z")))
			.isNotEqualTo(tag(MAY.plusNanos(1)))
			.isNotEqualTo(tag(MAY.plusSeconds(1)))
			.isNotEqualTo(tag(MAY.getEpochSecond()));
		LocalDate day = LocalDate.of(2021, 5, 24);
		assertThat(tag(day)).isNotEqualTo(tag(day.plusDays(1))).isNotEqualTo(tag(day.toEpochDay()))
			.isNotEqualTo(tag(day.toString()));
		assertThat(tag(true)).isNotEqualTo(tag(false)).isNotEqualTo(tag("true"));
		// a number's 8 bytes against a text holding the same bytes
		assertThat(tag(1L, "a")).isNotEqualTo(tag("\u0005\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001", "a"));
	}

	@Test
	void aCopyLeavesTheChromeItCameFromAsItWas() {
		PageVersion chrome = PageVersion.start("page").with("Blogroll", List.of("Engineering"));
		String chromeOnly = chrome.copy().etag();
		String withPage = chrome.copy().with(this.page).etag();
		assertThat(chrome.copy().etag()).isEqualTo(chromeOnly).isNotEqualTo(withPage);
	}

	@Test
	void lastModifiedIsTheLatestChange() {
		PageVersion version = PageVersion.start("page").changedAt(MAY).changedAt(null).changedAt(MAY.minusSeconds(60));
		assertThat(version.lastModified()).isEqualTo(MAY);
	}

	private static String tag(@Nullable Object... parts) {
		return PageVersion.start("page").with(parts).etag();
	}

}
