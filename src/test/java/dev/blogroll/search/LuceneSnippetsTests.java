package dev.blogroll.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lucene engine's snippets, made from a post's text in the JVM: what they mark and what they
 * leave out.
 */
class LuceneSnippetsTests {

	private static final Pattern MARKED = Pattern.compile(Snippets.START + "([^" + Snippets.STOP + "]*)" + Snippets.STOP);

	private static final String FILLER = "Nothing much happens in this sentence about the weather. ";

	private static List<String> marked(String headline) {
		List<String> marked = new ArrayList<>();
		Matcher matcher = MARKED.matcher(headline);
		while (matcher.find()) {
			marked.add(matcher.group(1));
		}
		return marked;
	}

	@Test
	void marksEveryFormOfAWordThatStemmingJoins() {
		String headline = LuceneSnippets.of("routes").headline("We route requests. The router's routes changed.");
		assertThat(marked(headline)).containsExactly("route", "routes");
	}

	@Test
	void marksAPhraseOnlyWhereItsWordsAreInARow() {
		String text = "The mesh of a service is not it. " + FILLER.repeat(10) + "Our service mesh grew.";
		String headline = LuceneSnippets.of("\"service mesh\"").headline(text);
		assertThat(String.join(" ", marked(headline))).isEqualTo("service mesh");
		assertThat(headline.replace(String.valueOf(Snippets.START), "").replace(String.valueOf(Snippets.STOP), ""))
			.contains("Our service mesh grew.")
			.doesNotContain("The mesh of a service");
	}

	@Test
	void aPhraseIsMarkedWhereverItFallsAgainstThePassagesEdges() {
		// a phrase's match can end past the end of the passage that holds its first word
		String[] words = { "service", "mesh", "services", "meshes", "the", "a", "gateway", "routes", "traffic",
				"through", "sidecars", "and", "proxies.", "latency", "grew", "when", "we", "moved", "to", "it." };
		Random random = new Random(42);
		for (int trial = 0; trial < 300; trial++) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < 80 + random.nextInt(300); i++) {
				text.append(words[random.nextInt(words.length)]).append(random.nextInt(9) == 0 ? "  " : " ");
			}
			String headline = LuceneSnippets.of("\"service mesh\"").headline(text.toString());
			if (headline != null) {
				// the phrase in any form stemming joins, or the part of it inside the passage
				assertThat(marked(headline)).as("trial %d", trial)
					.allMatch((match) -> match.strip().matches("services?(\\s+meshe?s?)?|meshe?s?"));
			}
		}
	}

	@Test
	void excludedWordsAreNotMarkedAndOrMarksEither() {
		String text = "Kubernetes runs the gateway; graphql and grpc both pass through it.";
		assertThat(marked(LuceneSnippets.of("gateway -kubernetes").headline(text))).containsExactly("gateway");
		assertThat(marked(LuceneSnippets.of("grpc OR graphql").headline(text))).containsExactly("graphql", "grpc");
	}

	@Test
	void aTextWithoutAMatchOrAQueryOfStopWordsHasNoHeadline() {
		assertThat(LuceneSnippets.of("gateway").headline("Nothing to see here.")).isNull();
		assertThat(LuceneSnippets.of("the").headline("The gateway.")).isNull();
		assertThat(LuceneSnippets.of("gateway").headline("")).isNull();
	}

	@Test
	void aLongTextGivesAtMostTwoShortPassagesAroundMatchesInTheTextsOrder() {
		String text = FILLER.repeat(40) + "The first gateway appears here. " + FILLER.repeat(40)
				+ "A second gateway appears there. " + FILLER.repeat(40) + "A third gateway, gateway, gateway. "
				+ FILLER.repeat(40);
		String headline = LuceneSnippets.of("gateway").headline(text);
		assertThat(headline.split(" … ")).hasSizeBetween(1, 2).allSatisfy((passage) -> assertThat(passage.length()).isBetween(20, 400));
		assertThat(Snippets.toHtml(headline)).contains("A third <mark>gateway</mark>, <mark>gateway</mark>")
			.contains("The first <mark>gateway</mark>");
		assertThat(marked(headline)).hasSizeGreaterThanOrEqualTo(3).allMatch("gateway"::equals);
	}

	@Test
	void markupCharactersArePassedOnAsTheyAreForSnippetsToEscape() {
		String headline = LuceneSnippets.of("alert").headline("<img src=x onerror=alert(1)> & more");
		assertThat(Snippets.toHtml(headline)).contains("&lt;img src=x onerror=<mark>alert</mark>(1)&gt; &amp; more");
	}

}
