package dev.blogroll.listing;

import java.util.regex.Pattern;

import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.PermanentRedirect;

/**
 * The {@code N} of a {@code …/page/N} URL, read strictly: only a plain positive number names a
 * page. Anything else ({@code 0}, {@code -1}, {@code 1e3}, {@code 007}, a number too large
 * for any listing) is a 404, and {@code /page/1} redirects to the listing itself. Search results
 * read their {@code ?page=N} parameter by the same rules.
 */
public final class PageNumber {

	/** No listing has more pages than this; longer numbers are not even parsed. */
	static final int MAX = 999_999_999;

	private static final Pattern CANONICAL = Pattern.compile("[1-9][0-9]{0,8}");

	private PageNumber() {
	}

	/**
	 * The page number in a {@code /page/N} segment (or {@code page=N} parameter) of the list
	 * whose page 1 is at {@code basePath}.
	 */
	public static int parse(String segment, String basePath) {
		if (!CANONICAL.matcher(segment).matches()) {
			throw new NotFoundException("There is no page " + segment);
		}
		int page = Integer.parseInt(segment);
		if (page == 1) {
			throw new PermanentRedirect(basePath);
		}
		return page;
	}

}
