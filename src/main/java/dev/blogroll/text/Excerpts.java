package dev.blogroll.text;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The short text a post card, {@code og:description} and JSON-LD show: the editor's excerpt,
 * or the text a reader sees first in the rendered body, cut at a word boundary so that it is
 * at most {@value #MAX_LENGTH} characters long including the closing ellipsis.
 * <p>
 * The body's text is read from its rendered HTML, not from the Markdown, block by block: a
 * heading, a paragraph or a list item ends a sentence (a full stop is added where the block
 * has no closing punctuation of its own), so "## Setting up" followed by a list reads
 * "Setting up. Install the gateway. Add a route." Tables, code blocks, images, figures and
 * footnotes (the numbers in the text and the notes) are left out: they read badly as running text. Every writer of posts (the editor, imports,
 * feed ingest) derives summaries here; {@code post.summary_rules} records that these rules
 * made a row's summary.
 */
public final class Excerpts {

	public static final int MAX_LENGTH = 300;

	private static final String ELLIPSIS = "…";

	/** WordPress-style shortcodes such as {@code [cta-banner id="3"]}, but not Markdown links. */
	private static final Pattern SHORTCODE = Pattern.compile("\\[/?[a-z][\\w-]*(\\s[^\\]]*)?\\](?![(\\[])");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/** What a summary leaves out: it reads badly as running text, or is not text at all. */
	private static final String LEFT_OUT = "table, pre, img, picture, figure, video, audio, iframe, object, embed, svg, "
			+ "math, canvas, script, style, noscript, template, button, input, select, textarea, form, "
			+ "section.footnotes, sup.footnote-ref";

	/** Punctuation that already ends a sentence. */
	private static final String SENTENCE_ENDS = ".!?…:;";

	/** Closing quotes and brackets, looked through for the punctuation before them. */
	private static final String CLOSERS = "\"')]}’”»";

	private Excerpts() {
	}

	/**
	 * The summary for a card: the excerpt when one is given, otherwise the body's text.
	 */
	public static String summarize(@Nullable String excerpt, @Nullable String markdownBody) {
		if (excerpt != null && !excerpt.isBlank()) {
			return cut(collapseWhitespace(excerpt.strip()));
		}
		return cut(plainText(markdownBody == null ? "" : markdownBody));
	}

	/** The summary of a post whose body is HTML (a feed entry's), by the same rules. */
	public static String summarizeHtml(@Nullable String excerpt, String html) {
		if (excerpt != null && !excerpt.isBlank()) {
			return cut(collapseWhitespace(excerpt.strip()));
		}
		return cut(htmlText(html));
	}

	/**
	 * The readable text of a Markdown body, as {@link #htmlText} reads its rendered HTML;
	 * WordPress-style shortcodes are removed first.
	 */
	public static String plainText(String markdown) {
		String withoutShortcodes = SHORTCODE.matcher(markdown).replaceAll(" ");
		return htmlText(Markdown.toUnsafeHtml(withoutShortcodes));
	}

	/**
	 * The readable text of HTML: each block (heading, paragraph, list item, quote, …) a
	 * sentence of its own; tables, code blocks, images, figures, scripts and styles left out;
	 * whitespace collapsed.
	 */
	public static String htmlText(String html) {
		Element body = Jsoup.parseBodyFragment(html).body();
		body.select(LEFT_OUT).remove();
		StringBuilder text = new StringBuilder(Math.min(html.length(), 4096));
		NodeTraversor.traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					appendWords(text, textNode.getWholeText());
				}
				else if (node instanceof Element element && element.nameIs("br")) {
					appendWords(text, " ");
				}
				else if (isBlock(node)) {
					endSentence(text);
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (isBlock(node)) {
					endSentence(text);
				}
			}

		}, body);
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

	private static boolean isBlock(Node node) {
		return node instanceof Element element && element.isBlock() && !element.nameIs("body");
	}

	/** Appends text, whitespace runs as one space. */
	private static void appendWords(StringBuilder text, String words) {
		for (int i = 0; i < words.length(); i++) {
			char c = words.charAt(i);
			boolean space = Character.isWhitespace(c) || c == '\u00A0';
			if (!space) {
				text.append(c);
			}
			else if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
				text.append(' ');
			}
		}
	}

	/**
	 * Ends the sentence the text has so far: a full stop unless it already ends with closing
	 * punctuation (looking inside closing quotes and brackets), then a space.
	 */
	private static void endSentence(StringBuilder text) {
		int end = text.length();
		while (end > 0 && text.charAt(end - 1) == ' ') {
			end--;
		}
		text.setLength(end);
		if (end == 0) {
			return;
		}
		int last = end - 1;
		while (last > 0 && CLOSERS.indexOf(text.charAt(last)) >= 0) {
			last--;
		}
		if (SENTENCE_ENDS.indexOf(text.charAt(last)) < 0) {
			text.append('.');
		}
		text.append(' ');
	}

	/**
	 * Runs of whitespace as single spaces. Text that has none (most excerpts) is returned as it
	 * is, not copied: an import keeps thousands of summaries in memory at once.
	 */
	private static String collapseWhitespace(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean run = (c == ' ') ? i + 1 < text.length() && isRegexWhitespace(text.charAt(i + 1))
					: isRegexWhitespace(c);
			if (run) {
				return WHITESPACE.matcher(text).replaceAll(" ");
			}
		}
		return text;
	}

	/** What {@code \s} matches. */
	private static boolean isRegexWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	/**
	 * Cuts text longer than {@value #MAX_LENGTH} characters at the last word boundary that
	 * leaves room for the ellipsis.
	 */
	public static String cut(String text) {
		if (text.length() <= MAX_LENGTH) {
			return text;
		}
		int limit = MAX_LENGTH - ELLIPSIS.length();
		int boundary = text.lastIndexOf(' ', limit);
		String head = (boundary > 0) ? text.substring(0, boundary) : text.substring(0, limit);
		return stripTrailingPunctuation(head) + ELLIPSIS;
	}

	private static String stripTrailingPunctuation(String text) {
		int end = text.length();
		while (end > 0 && ",;:-–—([{ ".indexOf(text.charAt(end - 1)) >= 0) {
			end--;
		}
		return text.substring(0, end);
	}

}
