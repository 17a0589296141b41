package dev.blogroll.post;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import dev.blogroll.post.PostRules.TagName;

import static org.assertj.core.api.Assertions.assertThat;

class PostRulesTests {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("messages");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	/** The rule's sentence as an English site words it. */
	private static String english(PostRules.@Nullable Problem problem) {
		assertThat(problem).isNotNull();
		return MESSAGES.getMessage(problem.code(), problem.args(), Locale.ENGLISH);
	}

	@Test
	void aSlugIsTheOneGivenOrMadeFromTheTitle() {
		assertThat(PostRules.slug("  my-post ", "Ignored")).isEqualTo("my-post");
		assertThat(PostRules.slug(" ", "Café Crème, Explained")).isEqualTo("cafe-creme-explained");
		assertThat(PostRules.slug(null, "!!!")).isEmpty();
	}

	@Test
	void reservedMalformedAndEmptySlugsAreProblems() {
		assertThat(english(PostRules.slugProblem("page"))).contains("reserved");
		assertThat(english(PostRules.slugProblem("feed"))).contains("reserved");
		assertThat(english(PostRules.slugProblem("Not A Slug"))).contains("lower-case letters");
		assertThat(english(PostRules.slugProblem("a".repeat(81)))).contains("at most 80");
		assertThat(english(PostRules.slugProblem("page"))).isEqualTo("“page” is reserved for the site's own URLs.");
		assertThat(english(PostRules.authorProblem("…"))).isEqualTo("An author's name needs a letter or digit.");
		assertThat(english(PostRules.slugProblem(""))).contains("no letters or digits");
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
		assertThat(english(PostRules.tagProblem("x".repeat(81)))).contains("at most 80");
		assertThat(english(PostRules.tagProblem("---"))).contains("needs a letter or digit");
		assertThat(PostRules.tagProblem("Kong")).isNull();
		assertThat(english(PostRules.tagCountProblem(31))).contains("at most 30");
		assertThat(PostRules.tagCountProblem(30)).isNull();
		assertThat(english(PostRules.authorProblem("…"))).contains("letter or digit");
		assertThat(english(PostRules.authorProblem("y".repeat(201)))).contains("at most 200");
		assertThat(english(PostRules.addressProblem("javascript:alert(1)"))).contains("http");
		assertThat(PostRules.addressProblem("https://example.com/a.png")).isNull();
	}

}
