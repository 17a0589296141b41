package dev.blogroll.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No template shows interface text of its own: every text a reader or editor sees is replaced
 * by a message of the bundles ({@code th:text="#{…}"}) or by data. The template's own words
 * stay only as the prototype a designer sees when opening the file, inside an element whose
 * {@code th:text} (or {@code th:utext}) replaces them. A text node with letters that nothing
 * replaces, or an {@code aria-label}, {@code placeholder}, {@code title} or {@code alt} with
 * letters and no {@code th:} twin, fails this test, naming the template and the text.
 * <p>
 * The jte templates ({@code src/main/jte}) have no prototype text: every word is an expression
 * ({@code ${frame.text("…")}} or data). Their markup, with the expressions and directives taken
 * out, must have no words at all.
 */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JTE_TEMPLATES = Path.of("src/main/jte");

	/** A jte comment, an {@code @import} or {@code @param} line, or a directive without arguments. */
	private static final Pattern JTE_PLAIN_SYNTAX = Pattern
		.compile("(?s)<%--.*?--%>|(?m)^\\s*@(import|param) [^\\n]*$|@(else|endif|endfor)\\b|`\\s*,\\s*\\w+\\s*=\\s*@`|`\\s*\\)");

	/** Words that are the same in every language the site speaks: formats and brands. */
	private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("Atom", "RSS", "OPML", "JSON", "NDJSON", "WXR",
			"Markdown", "URL", "Blogroll", "Ghost", "WordPress", "helm");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("aria-label", "placeholder", "title", "alt", "data-label");

	/** Attributes whose expressions make text; a literal in them ({@code 'Trash'}) is text of the template's own. */
	private static final Set<String> EXPRESSION_ATTRIBUTES = Set.of("th:text", "th:utext", "th:attr", "th:aria-label",
			"th:placeholder", "th:title", "th:alt", "th:content", "th:replace", "th:value", "th:data-label");

	/** A quoted literal that reads as words: it starts with a capital letter or holds a space between words. */
	private static final Pattern TEXT_LITERAL = Pattern.compile("'(\\p{Lu}[\\p{Ll} ][^']*|[^']*\\p{L} \\p{L}[^']*|[^']*\\p{L} )'");

	@Test
	void everyTemplateTakesItsTextFromTheBundles() throws IOException {
		List<String> literal = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".html")).sorted().toList()) {
				Document template = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
				String name = TEMPLATES.relativize(file).toString();
				for (Element element : template.getAllElements()) {
					literalAttributes(element).forEach((text) -> literal.add(name + ": " + text));
					if (replacesItsContent(element) || isCode(element)) {
						continue;
					}
					for (Node child : element.childNodes()) {
						if (child instanceof TextNode text && !replacedByAnAncestor(element)
								&& isWords(text.text())) {
							literal.add(name + ": \"" + text.text().strip() + "\"");
						}
					}
				}
			}
		}
		assertThat(literal).as("interface text outside the message bundles").isEmpty();
	}

	@Test
	void everyJteTemplateTakesItsTextFromTheBundles() throws IOException {
		List<String> literal = new ArrayList<>();
		try (Stream<Path> files = Files.walk(JTE_TEMPLATES)) {
			List<Path> templates = files.filter((path) -> path.toString().endsWith(".jte")).sorted().toList();
			assertThat(templates).hasSizeGreaterThan(5);
			for (Path file : templates) {
				String markup = markupOf(Files.readString(file));
				Document template = Jsoup.parse(markup, "", Parser.xmlParser());
				String name = JTE_TEMPLATES.relativize(file).toString();
				for (Element element : template.getAllElements()) {
					literalAttributes(element).forEach((text) -> literal.add(name + ": " + text));
					if (isCode(element)) {
						continue;
					}
					for (Node child : element.childNodes()) {
						if (child instanceof TextNode text && isWords(text.text())) {
							literal.add(name + ": \"" + text.text().strip() + "\"");
						}
					}
				}
			}
		}
		assertThat(literal).as("interface text outside the message bundles").isEmpty();
	}

	@Test
	void jteMarkupIsWhatRemainsWithoutExpressionsAndDirectives() {
		String page = """
				<%-- a comment with Words --%>
				@import dev.blogroll.listing.PageFrame
				@param PageFrame frame
				!{var title = frame.text("home.title");}@template.listing.layout(frame = frame, title = title, head = @`
				  <meta name="robots" content="noindex">
				`, content = @`
				  @if (frame.searchPage())<p class="x">${frame.text("a.b")} Own words</p>@else<p>$unsafe{frame.html()}</p>@endif
				  @for (var tag : frame.featuredTags())<a href="${tag.href()}">${tag.label()}</a>@endfor
				`)
				""";
		String markup = markupOf(page);
		assertThat(markup).doesNotContain("@", "frame", "Words", "title", "content =", "`")
			.contains("<meta name=\"robots\" content=\"noindex\">", "<p class=\"x\"> Own words</p>", "<a href=\"\">");
	}

	/**
	 * A jte template's markup: its comments, {@code @import} and {@code @param} lines, expressions
	 * ({@code ${…}}, {@code $unsafe{…}}, {@code !{…}}) and directives taken out, and the
	 * parameters of a {@code @template} call up to its first content block.
	 */
	private static String markupOf(String template) {
		String source = JTE_PLAIN_SYNTAX.matcher(template).replaceAll("");
		StringBuilder markup = new StringBuilder();
		int i = 0;
		while (i < source.length()) {
			if (source.startsWith("${", i) || source.startsWith("!{", i) || source.startsWith("$unsafe{", i)) {
				i = closing(source, source.indexOf('{', i), '{', '}');
			}
			else if (source.startsWith("@if", i) || source.startsWith("@elseif", i) || source.startsWith("@for", i)) {
				i = closing(source, source.indexOf('(', i), '(', ')');
			}
			else if (source.startsWith("@template.", i)) {
				i = closing(source, source.indexOf('(', i), '(', ')');
			}
			else {
				markup.append(source.charAt(i++));
			}
		}
		return markup.toString();
	}

	/**
	 * The index after the bracket that closes the one at {@code open}, skipping Java string
	 * literals; or after the start of a content block ({@code @`}), whose markup follows.
	 */
	private static int closing(String source, int open, char opening, char closingBracket) {
		int depth = 0;
		for (int i = open; i < source.length(); i++) {
			char c = source.charAt(i);
			if (source.startsWith("@`", i)) {
				return i + 2;
			}
			if (c == '"') {
				i = source.indexOf('"', i + 1);
			}
			else if (c == opening) {
				depth++;
			}
			else if (c == closingBracket && --depth == 0) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException("Unclosed " + opening + " at " + open);
	}

	private static List<String> literalAttributes(Element element) {
		List<String> found = new ArrayList<>();
		for (Attribute attribute : element.attributes()) {
			if (TEXT_ATTRIBUTES.contains(attribute.getKey()) && isWords(attribute.getValue())
					&& !element.hasAttr("th:" + attribute.getKey()) && !element.attr("th:attr").contains(attribute.getKey())) {
				found.add(attribute.getKey() + "=\"" + attribute.getValue() + "\"");
			}
		}
		for (Attribute attribute : element.attributes()) {
			if (EXPRESSION_ATTRIBUTES.contains(attribute.getKey())) {
				Matcher literal = TEXT_LITERAL.matcher(attribute.getValue());
				while (literal.find()) {
					found.add(attribute.getKey() + " literal '" + literal.group(1) + "'");
				}
			}
		}
		if (element.normalName().equals("meta") && element.attr("name").equals("description")
				&& isWords(element.attr("content")) && !element.hasAttr("th:content")) {
			found.add("meta description \"" + element.attr("content") + "\"");
		}
		return found;
	}

	/**
	 * Whether Thymeleaf replaces what the element holds. A page's {@code <html th:replace="~{layout
	 * …}">} is not counted: the layout takes the page's own fragments from inside it.
	 */
	private static boolean replacesItsContent(Element element) {
		if (element.normalName().equals("html")) {
			return false;
		}
		return element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:replace")
				|| element.hasAttr("th:insert") || element.hasAttr("th:errors") || element.hasAttr("sec:authentication");
	}

	private static boolean replacedByAnAncestor(Element element) {
		for (Element parent : element.parents()) {
			if (replacesItsContent(parent) && !parent.hasAttr("th:fragment")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isCode(Element element) {
		return Set.of("code", "script", "style", "kbd", "pre", "svg").contains(element.normalName());
	}

	/** Whether the text has a word a reader would read (punctuation, arrows and brands don't count). */
	private static boolean isWords(String text) {
		if (text.strip().startsWith("https://")) {
			return false;
		}
		for (String word : text.split("[^\\p{L}]+")) {
			if (word.length() > 1 && !SAME_IN_EVERY_LANGUAGE.contains(word)) {
				return true;
			}
		}
		return false;
	}

}
