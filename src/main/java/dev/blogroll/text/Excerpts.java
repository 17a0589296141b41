package dev.blogroll.text;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The short text a post card shows: the editor's excerpt, or plain text taken from the body,
 * cut at a word boundary so that it is at most {@value #MAX_LENGTH} characters long
 * including the closing ellipsis.
 */
public final class Excerpts {

	public static final int MAX_LENGTH = 300;

	private static final String ELLIPSIS = "…";

	/** WordPress-style shortcodes such as {@code [cta-banner id="3"]}, but not Markdown links. */
	private static final Pattern SHORTCODE = Pattern.compile("\\[/?[a-z][\\w-]*(\\s[^\\]]*)?\\](?![(\\[])");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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

	/**
	 * The readable text of a Markdown body: Markdown, HTML, shortcodes and code blocks removed,
	 * whitespace collapsed.
	 */
	public static String plainText(String markdown) {
		String withoutShortcodes = SHORTCODE.matcher(markdown).replaceAll(" ");
		Document document = Jsoup.parse(Markdown.toUnsafeHtml(withoutShortcodes));
		// code listings read badly as a teaser
		document.select("pre, script, style").remove();
		String text = document.text();
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
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
