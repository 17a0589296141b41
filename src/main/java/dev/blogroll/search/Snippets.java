package dev.blogroll.search;

import java.util.regex.Pattern;

/**
 * Turns PostgreSQL's {@code ts_headline} output into safe HTML. The headline marks matches with
 * two control characters ({@link #START}, {@link #STOP}) that never reach the text searched (the
 * query strips them from the document first); everything else is HTML-escaped, and only then
 * do the markers become {@code <mark>} and {@code </mark>}, always balanced.
 * <p>
 * A headline is a passage or two from the middle of a post: where it starts after the text's
 * start, or ends before its end, the snippet says so with "…", as a reader expects of a
 * quotation (the fragments themselves are joined with " … " by {@code ts_headline}).
 */
final class Snippets {

	/**
	 * How many characters of the searched text's start and end the search returns, to tell
	 * whether a headline was cut there.
	 */
	static final int EDGE = 200;

	/** The words of a headline's edge compared with the text's edge, in characters. */
	private static final int COMPARED = 40;

	private static final String ELLIPSIS = "…";

	private static final String FRAGMENT_DELIMITER = " … ";

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/** Starts a match in a headline (START OF TEXT). */
	static final char START = '\u0002';

	/** Ends a match in a headline (END OF TEXT). */
	static final char STOP = '\u0003';

	private Snippets() {
	}

	/**
	 * The headline as safe HTML, with "…" before it unless it starts where the text starts, and
	 * after it unless it ends where the text ends.
	 * @param textStart the first {@link #EDGE} characters of the text the headline comes from
	 * @param textEnd its last {@link #EDGE} characters
	 */
	static String toHtml(String headline, String textStart, String textEnd) {
		String plain = normalize(headline.replace(String.valueOf(START), "").replace(String.valueOf(STOP), ""));
		if (plain.isEmpty()) {
			return toHtml(headline);
		}
		int firstBreak = plain.indexOf(FRAGMENT_DELIMITER);
		String first = (firstBreak >= 0) ? plain.substring(0, firstBreak) : plain;
		int lastBreak = plain.lastIndexOf(FRAGMENT_DELIMITER);
		String last = (lastBreak >= 0) ? plain.substring(lastBreak + FRAGMENT_DELIMITER.length()) : plain;
		boolean cutAtStart = !normalize(textStart).startsWith(first.substring(0, Math.min(COMPARED, first.length())));
		boolean cutAtEnd = !normalize(textEnd).endsWith(last.substring(Math.max(0, last.length() - COMPARED)));
		return (cutAtStart ? ELLIPSIS : "") + toHtml(headline.strip()) + (cutAtEnd ? ELLIPSIS : "");
	}

	private static String normalize(String text) {
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

	/** Text with markers as safe HTML, as it is. */
	static String toHtml(String headline) {
		StringBuilder html = new StringBuilder(headline.length() + 32);
		boolean marking = false;
		for (int i = 0; i < headline.length(); i++) {
			char c = headline.charAt(i);
			switch (c) {
				case START -> {
					if (!marking) {
						html.append("<mark>");
						marking = true;
					}
				}
				case STOP -> {
					if (marking) {
						html.append("</mark>");
						marking = false;
					}
				}
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '&' -> html.append("&amp;");
				case '"' -> html.append("&quot;");
				case '\'' -> html.append("&#39;");
				default -> html.append(Character.isISOControl(c) ? ' ' : c);
			}
		}
		if (marking) {
			html.append("</mark>");
		}
		return html.toString();
	}

}
