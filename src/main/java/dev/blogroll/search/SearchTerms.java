package dev.blogroll.search;

/**
 * What a reader typed into the search box, made safe to send to PostgreSQL and to show back:
 * control characters become spaces, runs of white space one space, anything past
 * {@value #MAX_LENGTH} characters is dropped, and so is every word after the first
 * {@value #MAX_TERMS} ({@code OR} does not count), so a query of a hundred excluded words costs
 * no more than a short one. The syntax itself ({@code "exact phrase"}, {@code -excluded},
 * {@code OR}) is read by PostgreSQL's {@code websearch_to_tsquery}, which accepts any text
 * without error.
 *
 * @param text the normalized query, possibly empty
 * @param shortened whether words or characters past the limits were dropped
 */
record SearchTerms(String text, boolean shortened) {

	/** The longest query searched for, in characters (code points). */
	static final int MAX_LENGTH = 200;

	/** The most words searched for; each word, even an excluded one, is work for PostgreSQL. */
	static final int MAX_TERMS = 10;

	static SearchTerms of(String raw) {
		String cleaned = raw.replaceAll("[\\p{Cc}\\p{Z}\\s]+", " ").strip();
		boolean shortened = false;
		if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
			cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH)).strip();
			shortened = true;
		}
		StringBuilder kept = new StringBuilder();
		int words = 0;
		for (String token : cleaned.split(" ")) {
			if (!token.equals("OR") && ++words > MAX_TERMS) {
				shortened = true;
				break;
			}
			kept.append((kept.length() > 0) ? " " : "").append(token);
		}
		return new SearchTerms(kept.toString().strip(), shortened);
	}

	boolean isEmpty() {
		return this.text.isEmpty();
	}

}
