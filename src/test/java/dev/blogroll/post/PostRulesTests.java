package dev.blogroll.post;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.blogroll.post.PostRules.TagName;

import static org.assertj.core.api.Assertions.assertThat;

class PostRulesTests {

	@Test
	void aSlugIsTheOneGivenOrMadeFromTheTitle() {
		assertThat(PostRules.slug("  my-post ", "Ignored")).isEqualTo("my-post");
		assertThat(PostRules.slug(" ", "Café Crème, Explained")).isEqualTo("cafe-creme-explained");
		assertThat(PostRules.slug(null, "!!!")).isEmpty();
	}

	@Test
	void reservedMalformedAndEmptySlugsAreProblems() {
		assertThat(PostRules.slugProblem("page")).contains("reserved");
		assertThat(PostRules.slugProblem("feed")).contains("reserved");
		assertThat(PostRules.slugProblem("Not A Slug")).contains("lower-case letters");
		assertThat(PostRules.slugProblem("a".repeat(81))).contains("at most 80");
		assertThat(PostRules.slugProblem("")).contains("no letters or digits");
		assertThat(PostRules.slugProblem("pages")).isNull();
	}

	@Test
	void slugsForFeedEntriesAreNeverEmptyOrReservedAndStayWithinEightyCharacters() {
		String long80 = "a".repeat(40) + " " + "b".repeat(39);
		assertThat(PostRules.slugFor("Post", 1)).isEqualTo("post");
		assertThat(PostRules.slugFor("Post", 2)).isEqualTo("post-2");
		assertThat(PostRules.slugFor(long80, 12)).hasSize(80).endsWith("-12");
		assertThat(PostRules.slugFor("¡¡¡", 1)).isEqualTo("post");
		assertThat(PostRules.slugFor("Page", 1)).isEqualTo("page-post");
		assertThat(PostRules.slugFor("Feed", 3)).isEqualTo("feed-post-3");
	}

	@Test
	void tagNamesAreDistinctBySlugInOrderWithoutEmptyOnes() {
		assertThat(PostRules.tagNames(" API Gateway, api-gateway ,Kong,, ---, Kong "))
			.containsExactly(new TagName("api-gateway", "API Gateway"), new TagName("kong", "Kong"));
		assertThat(PostRules.tagNames(List.of("Zürich", "zurich"))).containsExactly(new TagName("zurich", "Zürich"));
		assertThat(PostRules.tagNames((String) null)).isEmpty();
	}

	@Test
	void tagsAuthorsAndAddressesHaveLimits() {
		assertThat(PostRules.tagProblem("x".repeat(81))).contains("at most 80");
		assertThat(PostRules.tagProblem("---")).contains("needs a letter or digit");
		assertThat(PostRules.tagProblem("Kong")).isNull();
		assertThat(PostRules.tagCountProblem(31)).contains("at most 30");
		assertThat(PostRules.tagCountProblem(30)).isNull();
		assertThat(PostRules.authorProblem("…")).contains("letter or digit");
		assertThat(PostRules.authorProblem("y".repeat(201))).contains("at most 200");
		assertThat(PostRules.addressProblem("javascript:alert(1)")).contains("http");
		assertThat(PostRules.addressProblem("https://example.com/a.png")).isNull();
	}

}
