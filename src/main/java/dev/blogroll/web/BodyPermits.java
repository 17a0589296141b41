package dev.blogroll.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.SiteLocale;

/**
 * Keeps clients that send their request bodies slowly from taking the server's threads.
 * <p>
 * Reading a body holds one of Tomcat's threads until its last byte has arrived; Tomcat only
 * bounds the wait between two reads ({@code server.tomcat.connection-timeout}), so a client
 * that sends a byte now and then holds its thread for as long as it likes. A thousand such
 * clients took the site down. So a request with a body must first get a permit: at most
 * {@code blogroll.limits.bodies-per-address} from one client address ({@code 429} beyond) and
 * {@code blogroll.limits.concurrent-bodies} in all ({@code 503} beyond), well below the
 * server's 200 threads. A refused request is answered at once, without reading its body, and
 * its connection is closed. Readers' GETs have no body and never wait for a permit.
 * <p>
 * The client address is the one {@link ForwardedHeadersValve} settled on: behind a trusted
 * proxy, the real client's. The map of addresses holds only those with a request in progress,
 * so it never grows beyond the number of threads.
 */
@Component
@Order(FilterOrder.BODY_PERMITS)
class BodyPermits extends SiteFilter {

	static final String RETRY_AFTER = "5";

	private final int perAddress;

	private final Semaphore all;

	private final Map<String, Integer> inProgress = new ConcurrentHashMap<>();

	private final SiteLocale siteLocale;

	BodyPermits(BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.perAddress = properties.limits().bodiesPerAddress();
		this.all = new Semaphore(properties.limits().concurrentBodies());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		if (!acquire(address)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
			RequestLimitsFilter.refuse(request, response, 429,
					this.siteLocale.text("limits.tooManyFromYou"));
			return;
		}
		try {
			if (!this.all.tryAcquire()) {
				response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
				RequestLimitsFilter.refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
						this.siteLocale.text("limits.tooMuchAtOnce"));
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				this.all.release();
			}
		}
		finally {
			release(address);
		}
	}

	private boolean acquire(String address) {
		boolean[] granted = { false };
		this.inProgress.compute(address, (key, count) -> {
			int current = (count != null) ? count : 0;
			if (current >= this.perAddress) {
				return count;
			}
			granted[0] = true;
			return current + 1;
		});
		return granted[0];
	}

	private void release(String address) {
		this.inProgress.computeIfPresent(address, (key, count) -> (count <= 1) ? null : count - 1);
	}

	/** Requests with a body being read, for tests. */
	int bodiesInProgress() {
		return this.inProgress.values().stream().mapToInt(Integer::intValue).sum();
	}

}
