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

}
