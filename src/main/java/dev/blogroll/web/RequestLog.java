package dev.blogroll.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

import dev.blogroll.BlogrollProperties;

/**
 * What an operator sees of each request: an id, a meter, and a log line when it went wrong.
 * <ul>
 * <li>The <em>request id</em> is in every log line written while the request is served (the
 * MDC key {@value #REQUEST_ID}, a field of its own in structured logs), in the
 * {@code X-Request-Id} response header and on error pages, so a reader's report can be matched
 * to the log. A trusted proxy's {@code X-Request-Id} is kept ({@code blogroll.trusted-proxies}).</li>
 * <li>The request is counted and timed by route template and status ({@link RequestMetrics}),
 * including pages served from {@link RenderedPageCache}, which remembers the route of the page
 * (those {@link KeptPageValve} serves before this filter runs are recorded by it here too).</li>
 * <li>One line is logged on {@code dev.blogroll.requests} for every request that answered an
 * error: WARN for 5xx, INFO for 4xx and for requests slower than a second, DEBUG for all others
 * (off unless that logger is set to DEBUG), with method, path, status, route and duration as
 * fields. An exception that escaped the application is logged here with the request id (and
 * by the container, which answers it with the site's error page).</li>
 * </ul>
 * This runs for every request, so it does no per-request lookup by tags and writes nothing for
 * a request that went well.
 */
@Component
@Order(FilterOrder.REQUEST_LOG)
class RequestLog extends SiteFilter {

	/** The MDC key, request attribute and template variable holding the request id. */
	static final String REQUEST_ID = "requestId";

	static final String HEADER = "X-Request-Id";

	private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final long SLOW_NANOS = 1_000_000_000L;

	private static final int MAX_LOGGED_PATH = 300;

	private static final Logger log = LoggerFactory.getLogger("dev.blogroll.requests");

	private final TrustedProxies trustedProxies;

	private final RequestMetrics metrics;

	@Autowired
	RequestLog(BlogrollProperties properties, RequestMetrics metrics) {
		this(properties.trustedProxies(), metrics);
	}

	/** With other trusted proxies, for tests. */
	RequestLog(List<String> trustedProxies, RequestMetrics metrics) {
		this.trustedProxies = TrustedProxies.of(trustedProxies);
		this.metrics = metrics;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = requestId(request);
		request.setAttribute(REQUEST_ID, id);
		response.setHeader(HEADER, id);
		MDC.put(REQUEST_ID, id);
		long started = System.nanoTime();
		Throwable failure = null;
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException | Error ex) {
			// logged below with the request id; the container answers with the site's error page
			failure = ex;
			throw ex;
		}
		finally {
			long nanos = System.nanoTime() - started;
			int status = (failure != null) ? statusOf(failure, response) : response.getStatus();
			answered(request, status, route(request, status), nanos, failure);
			MDC.remove(REQUEST_ID);
		}
	}

	/**
	 * Counts and times an answered request under its route, and logs it if it went wrong or
	 * was slow. Also for the kept pages {@link KeptPageValve} serves before this filter runs.
	 */
	void answered(HttpServletRequest request, int status, String route, long nanos, @Nullable Throwable failure) {
		this.metrics.record(route, request.getMethod(), status, nanos);
		if (status >= 400 || nanos >= SLOW_NANOS || log.isDebugEnabled()) {
			logRequest(request, status, route, nanos, failure);
		}
	}

	/** The status the container will answer an exception with. */
	private static int statusOf(Throwable failure, HttpServletResponse response) {
		if (response.isCommitted()) {
			return response.getStatus();
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidParameterException) {
				return HttpServletResponse.SC_BAD_REQUEST;
			}
		}
		return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
	}

	private static void logRequest(HttpServletRequest request, int status, String route, long nanos,
			@Nullable Throwable failure) {
		LoggingEventBuilder line = (status >= 500) ? log.atWarn()
				: (status >= 400 || nanos >= SLOW_NANOS) ? log.atInfo() : log.atDebug();
		long millis = nanos / 1_000_000;
		// the path is the client's: up to the 8 KB a request line may have, so it is cut
		String path = request.getRequestURI();
		if (path.length() > MAX_LOGGED_PATH) {
			path = path.substring(0, MAX_LOGGED_PATH) + "…";
		}
		line.addKeyValue("http.request.method", request.getMethod())
			.addKeyValue("url.path", path)
			.addKeyValue("http.response.status_code", status)
			.addKeyValue("http.route", route)
			.addKeyValue("event.duration_ms", millis)
			.setCause((status >= 500) ? failure : null)
			.log("{} {} answered {} ({}, {} ms)", request.getMethod(), path, status, route, millis);
	}

	/**
	 * The route template Spring MVC matched (or the one {@link RenderedPageCache} remembered), or
	 * a fixed word for requests that matched none, so the number of routes stays bounded.
	 */
	static String route(HttpServletRequest request, int status) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (pattern != null) {
			return pattern.toString();
		}
		if (status >= 300 && status < 400) {
			return "REDIRECTION";
		}
		return (status == HttpServletResponse.SC_NOT_FOUND) ? "NOT_FOUND" : "UNKNOWN";
	}

	private String requestId(HttpServletRequest request) {
		return requestId(request.getHeader(HEADER), PeerAddress.of(request));
	}

	/**
	 * The proxy's id if it may be believed, else a new one: 16 hexadecimal digits. It is
	 * believed if the connection's other end, {@code peer} (not the client a proxy names in
	 * {@code X-Forwarded-For}, which {@link ForwardedHeadersValve} has already put in
	 * {@code getRemoteAddr()}), is a trusted proxy. Like forwarded headers, nothing is trusted
	 * unless listed, loopback included.
	 */
	String requestId(@Nullable String sent, @Nullable String peer) {
		if (sent != null && ACCEPTED_ID.matcher(sent).matches() && this.trustedProxies.contains(peer)) {
			return sent;
		}
		return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
	}

}
