package dev.blogroll.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTML bodies of WordPress and Ghost posts become Markdown with the same structure: what
 * Blogroll's editor edits and its renderer shows.
 */
class HtmlBodiesTests {

	@Test
	void blockEditorHtmlBecomesMarkdownWithItsImagesCodeAndCharacters() {
		String html = """
				<!-- wp:paragraph --><p>Intro with <a href="https://example.com/a?b=1&amp;c=2">a link</a> and a_b *star*.</p><!-- /wp:paragraph -->
				<!-- wp:heading --><h2>Set up</h2><!-- /wp:heading -->
				<figure class="wp-block-image"><img src="https://example.com/gw.png" alt="The gateway" width="800"/><figcaption>Figure 1</figcaption></figure>
				<pre class="wp-block-code"><code class="language-java">if (a &lt; b &amp;&amp; c) {
				    System.out.println("&lt;hi&gt;");
				}</code></pre>
				<ul><li>one</li><li>two</li></ul>
				<p>Ünïcødé – “quotes” 日本語</p>
				""";
		assertThat(HtmlBodies.toMarkdown(html)).isEqualTo("""
				Intro with [a link](https://example.com/a?b=1&c=2) and a_b \\*star\\*.

				## Set up

				![The gateway](https://example.com/gw.png)

				Figure 1

				```java
				if (a < b && c) {
				    System.out.println("<hi>");
				}
				```

				* one
				* two

				Ünïcødé – “quotes” 日本語""");
	}

	@Test
	void classicEditorTextKeepsItsParagraphsAndLineBreaks() {
		assertThat(HtmlBodies.toMarkdown("First line\nsecond line\n\nSecond para with <em>em</em> & more.\n\n<pre>x &lt; y</pre>"))
			.isEqualTo("First line  \nsecond line\n\nSecond para with *em* \\& more.\n\n```\nx < y\n```");
	}

	@Test
	void emptyBodiesAndExcerptsAreNone() {
		assertThat(HtmlBodies.toMarkdown("  ")).isNull();
		assertThat(HtmlBodies.toMarkdown("<!-- wp:paragraph --><p></p><!-- /wp:paragraph -->")).isNull();
		assertThat(HtmlBodies.toText("<p>One <em>limiter</em> &amp; more.</p>")).isEqualTo("One limiter & more.");
		assertThat(HtmlBodies.unescape("News &amp; Events ")).isEqualTo("News & Events");
	}

}
