package dev.blogroll.web;

import org.springframework.core.Ordered;

/**
 * The order of every servlet filter Blogroll registers, in one place, each with its own value
 * so that no two filters tie (a tie leaves the order to chance). From first to last:
 * <ol>
 * <li>Spring Boot's {@code CharacterEncodingFilter} ({@link Ordered#HIGHEST_PRECEDENCE}): the
 * request's encoding must be set before anything reads a parameter;
 * <li>{@link #REQUEST_LOG}: the request id, the metrics and the log line of every request,
 * refused ones included;
 * <li>{@link #REQUEST_LIMITS}: refuses a path or query string that is too long and an upload
 * that is too large, before anything reads a body or remembers a path;
 * <li>{@link #BODY_PERMITS}: limits how many requests may be sending a body at once, per client
 * address and in all, before anything reads a body;
 * <li>{@link #DATABASE_OUTAGE}: wraps everything that may need PostgreSQL, the page cache,
 * the session store and Spring Security included;
 * <li>{@link #RENDERED_PAGE_CACHE}: keeps rendered pages, before anything a kept page does not
 * need (the filters below, the session store, Spring Security, the dispatcher): a kept page
 * replays the headers its first answer had, {@code Cache-Control} included. Kept pages are
 * served again before every filter, by {@link KeptPageValve};
 * <li>{@link #CACHE_CONTROL}: decides {@code Cache-Control} before the application answers, so
 * that every later filter's answer (a redirect) carries it;
 * <li>{@link #NUL_CHARACTERS}: refuses NUL characters in parameters (reads form bodies);
 * <li>{@link #FEED_ADDRESSES}: the addresses feed readers guess ({@code /blog/engineering/rss},
 * with or without a trailing slash) answer 301 straight to the listing's feed (looks the
 * listing up); other paths pass untouched;
 * <li>{@link #TRAILING_SLASH}: one URL per page, answered without the database;
 * <li>Spring Session's {@code SessionRepositoryFilter} ({@code Integer.MIN_VALUE + 50}), then
 * Spring Security's filter chain ({@code -100}), then the {@code DispatcherServlet}.
 * </ol>
 */
public final class FilterOrder {

	public static final int REQUEST_LOG = Ordered.HIGHEST_PRECEDENCE + 1;

	public static final int REQUEST_LIMITS = Ordered.HIGHEST_PRECEDENCE + 2;

	public static final int BODY_PERMITS = Ordered.HIGHEST_PRECEDENCE + 3;

	public static final int DATABASE_OUTAGE = Ordered.HIGHEST_PRECEDENCE + 10;

	public static final int RENDERED_PAGE_CACHE = Ordered.HIGHEST_PRECEDENCE + 11;

	public static final int CACHE_CONTROL = Ordered.HIGHEST_PRECEDENCE + 12;

	public static final int NUL_CHARACTERS = Ordered.HIGHEST_PRECEDENCE + 13;

	public static final int FEED_ADDRESSES = Ordered.HIGHEST_PRECEDENCE + 14;

	public static final int TRAILING_SLASH = Ordered.HIGHEST_PRECEDENCE + 15;

	private FilterOrder() {
	}

}
