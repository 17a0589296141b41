package dev.blogroll.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates as readers see them, in the site's locale ({@code BLOGROLL_LOCALE}), whatever the
 * server's: the locale's long date, {@code May 24, 2021} in English, {@code 24. Mai 2021} in
 * German.
 */
public final class Dates {

	private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);

	private Dates() {
	}

	public static String display(LocalDate date, Locale locale) {
		return DISPLAY.withLocale(locale).format(date);
	}

}
