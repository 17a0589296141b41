package dev.blogroll.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code http.server.requests}, by route template, method and status, with the tags Spring
 * Boot's own metric has ({@code uri}, {@code method}, {@code status}, {@code outcome}), so the
 * usual dashboards work. Spring MVC's observation, which would record it otherwise, is turned
 * off (it cost more CPU than serving a kept page); here each timer is created once, on the first
 * request of its route, method and status, and found again by the route and a number.
 */
@Component
class RequestMetrics {

	private static final String[] METHODS = { "GET", "HEAD", "POST", "OTHER" };

	private final MeterRegistry registry;

	private final ConcurrentHashMap<String, RouteTimers> routes = new ConcurrentHashMap<>();

	RequestMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(String route, String method, int status, long nanos) {
		RouteTimers timers = this.routes.get(route);
		if (timers == null) {
			timers = this.routes.computeIfAbsent(route, RouteTimers::new);
		}
		timers.timer(method, status).record(nanos, TimeUnit.NANOSECONDS);
	}

	private static int methodIndex(String method) {
		return switch (method) {
			case "GET" -> 0;
			case "HEAD" -> 1;
			case "POST" -> 2;
			default -> 3;
		};
	}

	private static String outcome(int status) {
		if (status < 200) {
			return "INFORMATIONAL";
		}
		if (status < 300) {
			return "SUCCESS";
		}
		if (status < 400) {
			return "REDIRECTION";
		}
		return (status < 500) ? "CLIENT_ERROR" : "SERVER_ERROR";
	}

	/** The timers of one route, by method and status. */
	private final class RouteTimers {

		private final String route;

		private final ConcurrentHashMap<Integer, Timer> timers = new ConcurrentHashMap<>();

		RouteTimers(String route) {
			this.route = route;
		}

		Timer timer(String method, int status) {
			int index = methodIndex(method);
			Integer key = index * 1000 + status;
			Timer timer = this.timers.get(key);
			if (timer == null) {
				timer = this.timers.computeIfAbsent(key, (k) -> Timer.builder("http.server.requests")
					.description("Requests answered, by route template, method and status")
					.tag("uri", this.route)
					.tag("method", METHODS[index])
					.tag("status", Integer.toString(status))
					.tag("outcome", outcome(status))
					.register(RequestMetrics.this.registry));
			}
			return timer;
		}

	}

}
