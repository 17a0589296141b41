package dev.blogroll.search;

/**
 * Turns PostgreSQL's {@code ts_headline} output into safe HTML. The headline marks matches with
 * two control characters ({@link #START}, {@link #STOP}) that never reach the text searched (the
 * query strips them from the document first); everything else is HTML-escaped, and only then
 * do the markers become {@code <mark>} and {@code </mark>}, always balanced.
 */
final class Snippets {

	/** Starts a match in a headline (START OF TEXT). */
	static final char START = '\u0002';

	/** Ends a match in a headline (END OF TEXT). */
	static final char STOP = '\u0003';

	private Snippets() {
	}

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
