package dev.blogroll.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the dates feeds write, exactly: RFC 822 and its variants (RSS: no weekday or a wrong
 * one, one-digit days and hours, two-digit years, no seconds, named zones such as {@code EST}
 * or {@code UT}, {@code +02:00}, a trailing {@code (UTC)}, full month names), ISO 8601 and
 * RFC 3339 (Atom: any number of fractional-second digits, a comma for the point, offsets as
 * {@code +02:00}, {@code +0200} or {@code +02}, lower-case {@code t} and {@code z}, a space for
 * the {@code T}, the basic format {@code 20020907T000001Z}, W3C-DTF's year or year and month),
 * {@code 2002/09/07 00:00:01} and the C library's {@code Sat Sep 07 00:00:01 UTC 2002}.
 * A date without a zone is taken as UTC. Fractions are kept to the nanosecond (ROME's parser
 * read {@code .972031} as 972,031 milliseconds, 16 minutes late).
 */
final class FeedDates {

	private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
			Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
			Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
			Map.entry("dec", 12));

	/** RFC 822's zone names and the North American ones it lists. */
	private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("ut", 0), Map.entry("utc", 0),
			Map.entry("gmt", 0), Map.entry("z", 0), Map.entry("est", -5), Map.entry("edt", -4), Map.entry("cst", -6),
			Map.entry("cdt", -5), Map.entry("mst", -7), Map.entry("mdt", -6), Map.entry("pst", -8),
			Map.entry("pdt", -7));

	private static final String ZONE = "(?<zone>[zZ]|[+-]\\d{2}(?::?\\d{2})?|[A-Za-z]{1,5})?";

	private static final Pattern ISO = Pattern.compile("(?<year>\\d{4})-?(?<month>\\d{2})-?(?<day>\\d{2})"
			+ "(?:[Tt ](?<hour>\\d{1,2}):?(?<minute>\\d{2})(?::?(?<second>\\d{2})(?:[.,](?<fraction>\\d{1,9})\\d*)?)?\\s*"
			+ ZONE + ")?");

	private static final Pattern YEAR_MONTH = Pattern.compile("(?<year>\\d{4})(?:-(?<month>\\d{2}))?");

	private static final Pattern RFC822 = Pattern.compile("(?:[A-Za-z]+,?\\s*)?(?<day>\\d{1,2})[\\s-]+(?<month>[A-Za-z]{3,9})\\.?[\\s-]+"
			+ "(?<year>\\d{2}|\\d{4})(?:\\s+(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2}))?)?\\s*" + ZONE
			+ "(?:\\s*\\([^)]*\\))?");

	private static final Pattern SLASHES = Pattern.compile("(?<year>\\d{4})/(?<month>\\d{1,2})/(?<day>\\d{1,2})"
			+ "(?:\\s+(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2}))?)?\\s*" + ZONE);

	/** {@code Sat Sep 07 00:00:01 UTC 2002} (Java, C's asctime with a zone) and {@code Sat Sep  7 00:00:01 2002}. */
	private static final Pattern ASCTIME = Pattern.compile("[A-Za-z]{3}\\s+(?<month>[A-Za-z]{3})\\s+(?<day>\\d{1,2})\\s+"
			+ "(?<hour>\\d{1,2}):(?<minute>\\d{2}):(?<second>\\d{2})\\s+(?:(?<zone>[A-Za-z]{1,5}|[+-]\\d{4})\\s+)?(?<year>\\d{4})");

	private FeedDates() {
	}

	/** The instant the text means, or {@code null} when it is not a date this class can read. */
	static @Nullable Instant parse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String value = text.strip();
		if (value.isEmpty() || value.length() > 100) {
			return null;
		}
		try {
			Matcher matcher;
			if ((matcher = ISO.matcher(value)).matches() || (matcher = SLASHES.matcher(value)).matches()) {
				return instant(matcher, Integer.parseInt(matcher.group("month")));
			}
			if ((matcher = RFC822.matcher(value)).matches() || (matcher = ASCTIME.matcher(value)).matches()) {
				Integer month = month(matcher.group("month"));
				return (month != null) ? instant(matcher, month) : null;
			}
			if ((matcher = YEAR_MONTH.matcher(value)).matches()) {
				int month = (matcher.group("month") != null) ? Integer.parseInt(matcher.group("month")) : 1;
				return LocalDate.of(Integer.parseInt(matcher.group("year")), month, 1).atStartOfDay()
					.toInstant(ZoneOffset.UTC);
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			// 32 September, 25 o'clock, an unknown zone: not a date
		}
		return null;
	}

	private static @Nullable Instant instant(Matcher matcher, int month) {
		int year = Integer.parseInt(matcher.group("year"));
		if (year < 100) {
			// RFC 822's two-digit years, read as RFC 2822 says: 00–49 are 2000–2049
			year += (year < 50) ? 2000 : 1900;
		}
		int day = Integer.parseInt(matcher.group("day"));
		String hour = matcher.group("hour");
		LocalDateTime local = LocalDate.of(year, month, day).atStartOfDay();
		if (hour != null) {
			String second = matcher.group("second");
			int nanos = 0;
			String fraction = group(matcher, "fraction");
			if (fraction != null) {
				nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
			}
			local = local.withHour(Integer.parseInt(hour))
				.withMinute(Integer.parseInt(matcher.group("minute")))
				.withSecond((second != null) ? Integer.parseInt(second) : 0)
				.withNano(nanos);
		}
		ZoneOffset offset = offset(matcher.group("zone"));
		return (offset != null) ? local.toInstant(offset) : null;
	}

	/** The named group, or {@code null} if it matched nothing or the pattern has no such group. */
	private static @Nullable String group(Matcher matcher, String name) {
		try {
			return matcher.group(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable Integer month(String name) {
		return (name.length() >= 3) ? MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT)) : null;
	}

	/** The zone's offset; no zone is UTC; an unknown name is {@code null}. */
	private static @Nullable ZoneOffset offset(@Nullable String zone) {
		if (zone == null || zone.isEmpty()) {
			return ZoneOffset.UTC;
		}
		char sign = zone.charAt(0);
		if (sign == '+' || sign == '-') {
			String digits = zone.substring(1).replace(":", "");
			int hours = Integer.parseInt(digits.substring(0, 2));
			int minutes = (digits.length() >= 4) ? Integer.parseInt(digits.substring(2, 4)) : 0;
			return (sign == '+') ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
		}
		Integer hours = ZONES.get(zone.toLowerCase(Locale.ROOT));
		return (hours != null) ? ZoneOffset.ofHours(hours) : null;
	}

}
