package dev.blogroll.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTests {

	@Test
	void markdownBecomesHtml() {
		assertThat(Markdown.toSafeHtml("## Title\n\nSome *text* and `code`.\n\n```java\nint x;\n```"))
			.contains("<h2>Title</h2>", "<em>text</em>", "<code>code</code>",
					"<pre tabindex=\"0\"><code class=\"language-java\">int x;");
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

}
