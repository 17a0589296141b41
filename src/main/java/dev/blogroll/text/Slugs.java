package dev.blogroll.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Slugs are the readable URL segments of posts, categories, tags and authors: lower-case
 * ASCII letters and digits separated by single hyphens, at most {@value #MAX_LENGTH}
 * characters.
 */
public final class Slugs {

	public static final int MAX_LENGTH = 80;

	private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

	/** Letters that Unicode does not decompose into a base letter and an accent. */
	private static final Map<String, String> SPECIAL_LETTERS = Map.of("ß", "ss", "æ", "ae", "ø", "o", "œ", "oe",
			"ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i");

	private Slugs() {
	}

	/**
	 * Makes a slug from any text, transliterating accents ("Café Crème" becomes
	 * "cafe-creme"); returns an empty string when nothing usable is left.
	 */
	public static String slugify(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		for (Map.Entry<String, String> letter : SPECIAL_LETTERS.entrySet()) {
			lower = lower.replace(letter.getKey(), letter.getValue());
		}
		String ascii = COMBINING_MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
		String slug = trimHyphens(NON_ALPHANUMERIC.matcher(ascii).replaceAll("-"));
		if (slug.length() <= MAX_LENGTH) {
			return slug;
		}
		String cut = slug.substring(0, MAX_LENGTH);
		int lastHyphen = cut.lastIndexOf('-');
		return trimHyphens(lastHyphen > MAX_LENGTH / 2 ? cut.substring(0, lastHyphen) : cut);
	}

	/** Whether the text already is a well-formed slug. */
	public static boolean isValid(String text) {
		return text.length() <= MAX_LENGTH && VALID.matcher(text).matches();
	}

	private static String trimHyphens(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) == '-') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == '-') {
			end--;
		}
		return text.substring(start, end);
	}

	/**
	 * A name fit to show readers for what may be a slug: a name written like one
	 * ({@code api-security}, {@code engineering}) becomes words with capitals
	 * ({@code Api Security}, {@code Engineering}); any other name is returned as it is. For
	 * categories created by an import line that named its category by slug: the navigation
	 * never shows a raw slug.
	 */
	public static String readable(String name) {
		if (!isValid(name)) {
			return name;
		}
		StringBuilder words = new StringBuilder(name.length());
		for (String word : name.split("-")) {
			if (!words.isEmpty()) {
				words.append(' ');
			}
			words.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
		}
		return words.toString();
	}

}
