package dev.blogroll.text;

/**
 * How long a post takes to read: its words at {@value #WORDS_PER_MINUTE} words a minute,
 * rounded up, at least one minute. Code counts as words too; readers slow down there anyway.
 */
public final class ReadingTime {

	static final int WORDS_PER_MINUTE = 230;

	private ReadingTime() {
	}

	/** Minutes to read a Markdown body. */
	public static int minutes(String markdown) {
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < markdown.length(); i++) {
			boolean letterOrDigit = Character.isLetterOrDigit(markdown.charAt(i));
			if (letterOrDigit && !inWord) {
				words++;
			}
			inWord = letterOrDigit || (inWord && markdown.charAt(i) == '\'');
		}
		return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
	}

}
