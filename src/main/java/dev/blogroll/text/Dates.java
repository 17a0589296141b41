package dev.blogroll.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as readers see them, whatever the server's locale: {@code May 24, 2021}.
 */
public final class Dates {

	private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

	private Dates() {
	}

	public static String display(LocalDate date) {
		return DISPLAY.format(date);
	}

}
