package dev.blogroll.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTests {

	private static final String START = String.valueOf(Snippets.START);

	private static final String STOP = String.valueOf(Snippets.STOP);

	@Test
	void markersBecomeMarkElements() {
		assertThat(Snippets.toHtml("the " + START + "gateway" + STOP + " scales"))
			.isEqualTo("the <mark>gateway</mark> scales");
	}

	@Test
	void everythingElseIsEscaped() {
		assertThat(Snippets.toHtml("<script>" + START + "alert" + STOP + "('x&y')</script> \"q\""))
			.isEqualTo("&lt;script&gt;<mark>alert</mark>(&#39;x&amp;y&#39;)&lt;/script&gt; &quot;q&quot;");
	}

	@Test
	void marksAreAlwaysBalanced() {
		assertThat(Snippets.toHtml(STOP + "a " + START + START + "b" + STOP + STOP + " " + START + "c"))
			.isEqualTo("a <mark>b</mark> <mark>c</mark>");
	}

	@Test
	void otherControlCharactersBecomeSpaces() {
		assertThat(Snippets.toHtml("line\none\u0000two")).isEqualTo("line one two");
	}

	@Test
	void aHeadlineFromTheMiddleOfTheTextIsMarkedAsCutAtBothEnds() {
		String text = "Gateways route traffic. When the cluster grows, the gateway keeps working. More follows here.";
		assertThat(Snippets.toHtml("the cluster grows, the " + START + "gateway" + STOP + " keeps working", text, text))
			.isEqualTo("…the cluster grows, the <mark>gateway</mark> keeps working…");
	}

	@Test
	void aHeadlineAtTheTextsStartOrEndHasNoEllipsisThere() {
		String text = "Gateways route traffic.\n\nWhen the   cluster grows, the gateway keeps working.";
		assertThat(Snippets.toHtml(START + "Gateways" + STOP + " route traffic", text, text))
			.isEqualTo("<mark>Gateways</mark> route traffic…");
		assertThat(Snippets.toHtml("When the cluster grows, the " + START + "gateway" + STOP + " keeps working.", text,
				text))
			.isEqualTo("…When the cluster grows, the <mark>gateway</mark> keeps working.");
		assertThat(Snippets.toHtml(START + "Gateways" + STOP + " route traffic. When the cluster grows, the gateway keeps working.",
				text, text))
			.isEqualTo("<mark>Gateways</mark> route traffic. When the cluster grows, the gateway keeps working.");
	}

	@Test
	void fragmentsAreJudgedByTheFirstAndTheLast() {
		String text = "Alpha starts here. Middle part. Omega ends here";
		String start = text.substring(0, 20);
		String end = text.substring(text.length() - 20);
		assertThat(Snippets.toHtml(START + "Alpha" + STOP + " starts … " + START + "Omega" + STOP + " ends here", start, end))
			.isEqualTo("<mark>Alpha</mark> starts … <mark>Omega</mark> ends here");
		assertThat(Snippets.toHtml("starts here … Middle " + START + "part" + STOP, start, end))
			.isEqualTo("…starts here … Middle <mark>part</mark>…");
	}

}
