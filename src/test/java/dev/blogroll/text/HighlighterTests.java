package dev.blogroll.text;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlighterTests {

	@Test
	void javaKeywordsStringsCommentsNumbersAndAnnotations() {
		Element code = highlight("java", """
				@Override // the route's name
				public String name() { return "x<y>" + 42 + 0x1F; /* done */ }
				""");
		assertThat(tokens(code, "keyword")).containsExactly("public", "return");
		assertThat(tokens(code, "meta")).containsExactly("@Override");
		assertThat(tokens(code, "comment")).containsExactly("// the route's name", "/* done */");
		assertThat(tokens(code, "string")).containsExactly("\"x<y>\"");
		assertThat(tokens(code, "number")).containsExactly("42", "0x1F");
		// nothing of the code is lost or changed
		assertThat(code.wholeText()).isEqualTo("""
				@Override // the route's name
				public String name() { return "x<y>" + 42 + 0x1F; /* done */ }
				""");
	}

	@Test
	void lessThanInsideCodeIsEscaped() {
		String html = Highlighter.highlight("js", "if (a<b) { el.innerHTML = '<script>alert(1)</script>'; }");
		assertThat(html).doesNotContain("<script").contains("&lt;script&gt;", "a&lt;b");
	}

	@Test
	void pythonShellSqlYamlJsonGoRustLuaAndMarkup() {
		assertThat(tokens(highlight("python", "def f(x):  # note\n    return None if x else '''a\nb'''"), "keyword"))
			.containsExactly("def", "return", "if", "else");
		assertThat(tokens(highlight("bash", "export PORT=8000 # comment\necho \"$HOME\" ${PORT} $1 a#b"), "variable"))
			.containsExactly("${PORT}", "$1");
		assertThat(tokens(highlight("bash", "echo a#b # real"), "comment")).containsExactly("# real");
		assertThat(tokens(highlight("sql", "SELECT id FROM post WHERE slug = 'it''s' -- one"), "keyword"))
			.containsExactly("SELECT", "FROM", "WHERE");
		Element yaml = highlight("yaml", "services:\n  - name: kong # gateway\n    enabled: true\n    port: 8000\n");
		assertThat(tokens(yaml, "property")).containsExactly("services", "name", "enabled", "port");
		assertThat(tokens(yaml, "literal")).containsExactly("true");
		assertThat(tokens(yaml, "number")).containsExactly("8000");
		Element json = highlight("json", "{\"name\": \"kong\", \"port\": 8000, \"tls\": false}");
		assertThat(tokens(json, "property")).containsExactly("\"name\"", "\"port\"", "\"tls\"");
		assertThat(tokens(json, "string")).containsExactly("\"kong\"");
		assertThat(tokens(highlight("go", "func main() { defer close(ch); x := nil }"), "keyword"))
			.containsExactly("func", "defer");
		assertThat(tokens(highlight("rust", "fn main() { let mut v = Some(1); }"), "keyword"))
			.containsExactly("fn", "let", "mut");
		assertThat(tokens(highlight("lua", "--[[ block ]] local x = nil -- end"), "comment"))
			.containsExactly("--[[ block ]]", "-- end");
		Element html = highlight("html", "<!-- c --><a href=\"/x\" data-x='1'>link</a>");
		assertThat(tokens(html, "tag")).containsExactly("a", "a");
		assertThat(tokens(html, "attr")).containsExactly("href", "data-x");
		assertThat(tokens(html, "string")).containsExactly("\"/x\"", "'1'");
		assertThat(tokens(html, "comment")).containsExactly("<!-- c -->");
		assertThat(html.text()).isEqualTo("<!-- c --><a href=\"/x\" data-x='1'>link</a>");
	}

	@Test
	void anUnknownLanguageOrNoneIsPlainEscapedText() {
		assertThat(Highlighter.highlight("cobol", "IF A < B")).isEqualTo("IF A &lt; B");
		assertThat(Highlighter.highlight(null, "if <x>")).isEqualTo("if &lt;x&gt;");
		assertThat(Highlighter.knows("JAVA")).isTrue();
		assertThat(Highlighter.knows("cobol")).isFalse();
	}

	@Test
	void unterminatedStringsAndCommentsEndTheirLineOrTheCode() {
		Element code = highlight("java", "String s = \"open\nint x; /* never closed");
		assertThat(tokens(code, "string")).containsExactly("\"open");
		assertThat(tokens(code, "keyword")).containsExactly("int");
		assertThat(tokens(code, "comment")).containsExactly("/* never closed");
	}

	private static Element highlight(String language, String code) {
		return Jsoup.parseBodyFragment("<pre><code>" + Highlighter.highlight(language, code) + "</code></pre>")
			.selectFirst("code");
	}

	private static List<String> tokens(Element code, String kind) {
		return code.select("span.tok-" + kind).eachText();
	}

}
