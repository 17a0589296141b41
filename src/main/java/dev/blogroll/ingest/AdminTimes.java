package dev.blogroll.ingest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** Formats instants in the site's time zone for the admin tables. */
record AdminTimes(DateTimeFormatter formatter) {

	public String show(@Nullable Instant instant) {
		return (instant != null) ? this.formatter.format(instant) : "never";
	}

}
