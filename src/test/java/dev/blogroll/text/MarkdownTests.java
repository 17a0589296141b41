package dev.blogroll.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTests {

	@Test
	void markdownBecomesHtml() {
		assertThat(Markdown.toSafeHtml("## Title\n\nSome *text* and `code`.\n\n```java\nint x;\n```"))
			.contains("<h2 id=\"section-title\">Title</h2>", "<em>text</em>", "<code>code</code>",
					"<pre tabindex=\"0\"><code class=\"language-java\"><span class=\"tok-keyword\">int</span> x;");
	}

	@Test
	void scriptsEventHandlersAndJavascriptUrlsAreRemoved() {
		String html = Markdown.toSafeHtml("""
				<script>alert(1)</script>

				<img src="https://example.com/a.png" onerror="alert(2)">

				[click](javascript:alert(3)) <a href="javascript:alert(4)">x</a>

				<iframe src="https://evil.example"></iframe><style>body{}</style>
				""");
		assertThat(html).doesNotContain("<script", "alert(1)", "onerror", "javascript:", "<iframe", "<style");
		assertThat(html).contains("<img src=\"https://example.com/a.png\">");
	}

	@Test
	void pipeTablesBecomeTables() {
		String html = Markdown.toSafeHtml("""
				| Plugin | Phase |
				|:-------|------:|
				| rate-limiting | access |
				""");
		assertThat(html).contains("<table>", "<th", ">Plugin</th>", "<td", ">rate-limiting</td>")
			.doesNotContain("| Plugin", "style=");
	}

	@Test
	void taskListsBecomeDisabledCheckboxes() {
		Element body = render("""
				- [x] write the post
				- [ ] ask for a review
				- plain item
				""");
		assertThat(body.select("ul.task-list")).hasSize(1);
		assertThat(body.select("li.task-list-item")).hasSize(2);
		assertThat(body.select("li.task-list-item input[type=checkbox][disabled]")).hasSize(2);
		assertThat(body.select("li.task-list-item").get(0).select("input").hasAttr("checked")).isTrue();
		assertThat(body.select("li.task-list-item").get(1).select("input").hasAttr("checked")).isFalse();
		assertThat(body.select("li.task-list-item").get(1).text()).isEqualTo("ask for a review");
		assertThat(body.select("li").get(2).hasClass("task-list-item")).isFalse();
		assertThat(body.text()).doesNotContain("[x]", "[ ]");
	}

	@Test
	void bareAddressesBecomeLinks() {
		Element body = render("See https://konghq.com/blog and www.example.com for more; mail ops@example.com.");
		assertThat(body.select("a").eachAttr("href")).contains("https://konghq.com/blog", "http://www.example.com",
				"mailto:ops@example.com");
		assertThat(render("`https://not.a.link`").select("a")).isEmpty();
	}

	@Test
	void footnotesLinkBothWays() {
		Element body = render("""
				Rate limiting[^limits] runs in the access phase[^2], as noted[^limits].

				[^limits]: Counted per consumer, with *Redis* as the store.
				[^2]: https://docs.konghq.com/
				[^unused]: Nobody refers to this one.
				""");
		assertThat(body.select("sup.footnote-ref a").eachAttr("href")).containsExactly("#fn-1", "#fn-2", "#fn-1");
		assertThat(body.select("sup.footnote-ref a").eachAttr("id")).containsExactly("fnref-1", "fnref-2", "fnref-1-2");
		Element notes = body.selectFirst("section.footnotes");
		assertThat(notes.select("li").eachAttr("id")).containsExactly("fn-1", "fn-2");
		assertThat(notes.select("li#fn-1").text()).startsWith("Counted per consumer, with Redis as the store.");
		assertThat(notes.select("li#fn-1 em").text()).isEqualTo("Redis");
		assertThat(notes.select("li#fn-2").text()).contains("https://docs.konghq.com/");
		assertThat(notes.select("a.footnote-backref").eachAttr("href")).containsExactly("#fnref-1", "#fnref-2");
		assertThat(body.text()).doesNotContain("[^", "Nobody refers");
		// a reference to a note that does not exist stays text
		assertThat(render("No note[^missing] here.").text()).isEqualTo("No note[^missing] here.");
	}

	@Test
	void headingsHaveStableIdsThatCannotClashWithThePage() {
		Element body = render("""
				# Main
				## Getting started
				## Getting started
				### Über die API
				""");
		assertThat(body.select("h1, h2, h3").eachAttr("id")).containsExactly("section-main", "section-getting-started",
				"section-getting-started-1", "section-über-die-api");
		// the same text gives the same ids on every render
		assertThat(render("## Getting started").selectFirst("h2").id()).isEqualTo("section-getting-started");
	}

	@Test
	void fencedCodeIsHighlightedAndEscaped() {
		Element body = render("""
				```java
				if (a < b && list.size() > 0) { return "<b>"; }
				```

				```brainfuck
				<script>++</script>
				```
				""");
		Element java = body.selectFirst("pre > code.language-java");
		assertThat(java.select("span.tok-keyword").eachText()).containsExactly("if", "return");
		assertThat(java.select("span.tok-string").eachText()).containsExactly("\"<b>\"");
		assertThat(java.text()).isEqualTo("if (a < b && list.size() > 0) { return \"<b>\"; }");
		Element unknown = body.selectFirst("pre > code.language-brainfuck");
		assertThat(unknown.children()).isEmpty();
		assertThat(unknown.text()).isEqualTo("<script>++</script>");
		assertThat(body.select("script")).isEmpty();
	}

	@Test
	void hostileHtmlCannotBorrowWhatTheExtensionsAreAllowed() {
		Element body = render("""
				<h2 id="main" onclick="alert(1)">Hijack</h2>
				<p><span class="tok-keyword" style="color:red">outside code</span><span class="flash">x</span></p>
				<pre><code><span class="tok-string" onmouseover="alert(2)">in code</span><span class="button">b</span></code></pre>
				<p><input type="text" name="q" value="x"><input type="checkbox" onchange="alert(3)"></p>
				<a href="javascript:alert(4)" id="fnref-1" class="button">x</a>
				<a href="#fn-1" id="site-search">y</a>
				<section class="flash"><li id="main">z</li></section>

				- [ ] task <input type="checkbox"><a href="JaVaScRiPt:alert(5)">q</a>

				```html
				<img src=x onerror="alert(6)">
				```
				""");
		String html = body.html();
		assertThat(html).doesNotContain("onclick", "onmouseover", "onchange", "style=", "javascript:", "JaVaScRiPt");
		assertThat(body.select("[id]").eachAttr("id")).containsOnly("fnref-1");
		assertThat(body.select("span")).allSatisfy((span) -> assertThat(span.closest("pre > code")).isNotNull());
		assertThat(body.select("pre").first().select("span").eachAttr("class")).containsExactly("tok-string");
		assertThat(body.select("span").eachAttr("class")).allMatch(Highlighter.CLASSES::contains);
		assertThat(body.select("[class]").eachAttr("class")).doesNotContain("flash", "button", "tok-keyword");
		assertThat(body.select("input")).allSatisfy((input) -> {
			assertThat(input.attr("type")).isEqualTo("checkbox");
			assertThat(input.hasAttr("disabled")).isTrue();
			assertThat(input.closest("li.task-list-item")).isNotNull();
		});
		assertThat(body.select("input")).hasSize(1);
		// the code block's HTML is shown as text, coloured, never run
		assertThat(body.select("img")).isEmpty();
		assertThat(body.selectFirst("code.language-html").text()).isEqualTo("<img src=x onerror=\"alert(6)\">");
	}

	private static Element render(String markdown) {
		return Jsoup.parseBodyFragment(Markdown.toSafeHtml(markdown)).body();
	}

}
