package dev.blogroll.ingest;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which sources the sources page shows, and in which order.
 *
 * @param text a part of the name or feed address, or empty
 * @param status every source, the failing ones, the paused ones, or those that are fine
 * @param sort by name, failing longest first, or quiet longest first
 */
record SourceFilter(String text, Status status, Sort sort) {

	static final SourceFilter ALL = new SourceFilter("", Status.ALL, Sort.NAME);

	/** The filter a query string asks for; anything unknown is the default. */
	static SourceFilter of(@Nullable String text, @Nullable String status, @Nullable String sort) {
		String stripped = (text == null) ? "" : text.strip();
		return new SourceFilter((stripped.length() > 200) ? stripped.substring(0, 200) : stripped,
				parse(Status.class, status, Status.ALL), parse(Sort.class, sort, Sort.NAME));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, E fallback) {
		if (value == null) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	/** The conditions on {@code feed_source s}, each starting with {@code and}; {@code :pattern} is bound. */
	String sql() {
		String text = this.text.isEmpty() ? "" : " and (s.name ilike :pattern or s.feed_url ilike :pattern)";
		return text + switch (this.status) {
			case ALL -> "";
			case FAILING -> " and s.active and s.consecutive_failures > 0";
			case PAUSED -> " and not s.active";
			case OK -> " and s.active and s.consecutive_failures = 0";
		};
	}

	/** The {@code like} pattern of the text: its own {@code %}, {@code _} and {@code \} match themselves. */
	String pattern() {
		return "%" + this.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	String orderBy() {
		return switch (this.sort) {
			case NAME -> "lower(s.name), s.id";
			// failing first, the one whose last success is oldest (or that never had one) first
			case FAILING -> "(s.consecutive_failures = 0), s.last_success_at nulls first, s.created_at, s.id";
			// the one whose last new post is oldest (or that never brought one) first
			case QUIET -> "s.last_new_post_at nulls first, s.created_at, s.id";
		};
	}

	/** The query string of this filter, for links that keep it ({@code &}-joined, no leading {@code ?}). */
	String query() {
		StringBuilder query = new StringBuilder();
		if (!this.text.isEmpty()) {
			query.append("q=").append(java.net.URLEncoder.encode(this.text, java.nio.charset.StandardCharsets.UTF_8))
				.append('&');
		}
		if (this.status != Status.ALL) {
			query.append("status=").append(this.status.name().toLowerCase(Locale.ROOT)).append('&');
		}
		if (this.sort != Sort.NAME) {
			query.append("sort=").append(this.sort.name().toLowerCase(Locale.ROOT)).append('&');
		}
		return query.isEmpty() ? "" : query.substring(0, query.length() - 1);
	}

	enum Status {

		ALL, FAILING, PAUSED, OK

	}

	enum Sort {

		NAME, FAILING, QUIET

	}

}
