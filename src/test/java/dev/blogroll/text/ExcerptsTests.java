package dev.blogroll.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcerptsTests {

	@Test
	void aShortExcerptIsShownAsStored() {
		String stored = "OPA support to secure communication between these calls [cta-banner";
		assertThat(Excerpts.summarize(stored, "ignored body")).isEqualTo(stored);
	}

	@Test
	void runsOfWhitespaceInAnExcerptBecomeOneSpace() {
		assertThat(Excerpts.summarize("  Tabs\tand\nnew lines,  double \r\n spaces ", null))
			.isEqualTo("Tabs and new lines, double spaces");
		assertThat(Excerpts.summarize("one\u000Bvertical\ftab and form feed", null))
			.isEqualTo("one vertical tab and form feed");
		assertThat(Excerpts.summarize("a non-breaking\u00A0space stays", null)).isEqualTo("a non-breaking\u00A0space stays");
	}

	@Test
	void aStoredExcerptThatEndsInAnEllipsisIsKept() {
		String stored = "We looked at service design considerations in the first part. There…";
		assertThat(Excerpts.summarize(stored, null)).isEqualTo(stored);
	}

	@Test
	void longTextIsCutAtAWordBoundaryWithinThreeHundredCharacters() {
		String text = "word ".repeat(100).strip();
		String cut = Excerpts.cut(text);
		assertThat(cut).hasSizeLessThanOrEqualTo(300).endsWith("word…");
		assertThat(cut.substring(0, cut.length() - 1)).doesNotEndWith(" ");
	}

	@Test
	void cuttingDropsDanglingPunctuationBeforeTheEllipsis() {
		String text = "alpha, ".repeat(60);
		assertThat(Excerpts.cut(text)).endsWith("alpha…");
	}

	@Test
	void withoutAnExcerptTheBodyIsSummarizedAsPlainText() {
		String body = """
				## Why rate limits

				Kong's **rate limiting** plugin [protects services](https://example.com/docs) from <em>bursts</em>.
				[cta-banner id="42"]

				```lua
				local x = 1
				```
				""";
		assertThat(Excerpts.summarize(null, body))
			.isEqualTo("Why rate limits. Kong's rate limiting plugin protects services from bursts.");
	}

	@Test
	void headingsAndListItemsEndTheirSentencesAndTablesCodeAndImagesAreLeftOut() {
		String body = """
				![Kong Gateway Tutorial Header](https://example.com/header.png)

				## Setting up

				- Install the gateway
				- Add a route:
				  1. pick a path
				  2. pick a service!

				| col a | col b |
				|-------|-------|
				| 1     | 2     |

				    indented code

				> Rate limits (the "quotas")

				Done. Use `kubectl apply` and <b>enjoy</b><br>the rest
				""";
		assertThat(Excerpts.summarize(null, body)).isEqualTo("Setting up. Install the gateway. Add a route: pick a path. "
				+ "pick a service! Rate limits (the \"quotas\"). Done. Use kubectl apply and enjoy the rest.");
	}

	@Test
	void footnotesFencedCodeAndTaskCheckboxesStayOutOfTheSummary() {
		String body = """
				Kong routes requests[^1] to services.

				- [x] add a route
				- [ ] add a plugin

				```java
				class Route {}
				```

				See https://konghq.com for more.

				[^1]: Over HTTP or gRPC.
				""";
		assertThat(Excerpts.summarize(null, body))
			.isEqualTo("Kong routes requests to services. add a route. add a plugin. See https://konghq.com for more.");
	}

	@Test
	void punctuationInsideClosingQuotesOrBracketsEndsTheSentence() {
		assertThat(Excerpts.summarize(null, "- (Done.)\n- “Ready?”\n- plain")).isEqualTo("(Done.) “Ready?” plain.");
	}

	@Test
	void aFeedEntrysHtmlIsSummarizedByTheSameRules() {
		String html = "<h2>News</h2><p>One<br>two</p><figure><img src=x alt=\"Chart\"><figcaption>A chart</figcaption></figure>"
				+ "<table><tr><td>cell</td></tr></table><ul><li>first</li><li>second</li></ul><pre>code()</pre>"
				+ "<script>alert(1)</script>";
		assertThat(Excerpts.summarizeHtml(null, html)).isEqualTo("News. One two. first. second.");
		assertThat(Excerpts.summarizeHtml("  Given\n excerpt ", html)).isEqualTo("Given excerpt");
	}

	@Test
	void aLongBodyIsCutAfterItsSentencesAreJoined() {
		String body = "## A heading\n\n" + "Many words in a paragraph. ".repeat(20);
		String summary = Excerpts.summarize(null, body);
		assertThat(summary).startsWith("A heading. Many words").endsWith("…").hasSizeLessThanOrEqualTo(300);
	}

	@Test
	void blankExcerptCountsAsMissing() {
		assertThat(Excerpts.summarize("   ", "Body text.")).isEqualTo("Body text.");
	}

	@Test
	void nothingAtAllGivesAnEmptySummary() {
		assertThat(Excerpts.summarize(null, null)).isEmpty();
	}

}
