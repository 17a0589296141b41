package dev.blogroll.search;

/**
 * What a reader typed into the search box, made safe to send to PostgreSQL and to show back:
 * control characters become spaces, runs of white space one space, and anything past
 * {@value #MAX_LENGTH} characters is dropped, so a 10,000-character query costs no more than a
 * short one. The syntax itself ({@code "exact phrase"}, {@code -excluded}, {@code OR}) is read
 * by PostgreSQL's {@code websearch_to_tsquery}, which accepts any text without error.
 *
 * @param text the normalized query, possibly empty
 */
record SearchTerms(String text) {

	/** The longest query searched for, in characters (code points). */
	static final int MAX_LENGTH = 200;

	static SearchTerms of(String raw) {
		String cleaned = raw.replaceAll("[\\p{Cc}\\p{Z}\\s]+", " ").strip();
		if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
			cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH)).strip();
		}
		return new SearchTerms(cleaned);
	}

	boolean isEmpty() {
		return this.text.isEmpty();
	}

}
