package dev.blogroll.content;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * How the content-version question is shared ({@link SharedQuery}): {@code blogroll.content.version.rounds}
 * (how often PostgreSQL was asked, and how long that took) and
 * {@code blogroll.content.version.requests} (how many requests the answers served). Read from
 * counters when scraped, so nothing is added to the request path.
 */
@Component
class ContentMetrics implements MeterBinder {

	private final ContentVersion contentVersion;

	ContentMetrics(ContentVersion contentVersion) {
		this.contentVersion = contentVersion;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		SharedQuery<ContentVersion.Snapshot> query = this.contentVersion.sharedQuery();
		FunctionTimer.builder("blogroll.content.version.rounds", query, SharedQuery::rounds, SharedQuery::roundNanos,
				TimeUnit.NANOSECONDS)
			.description("Runs of the content-version statement, each answering every request that joined its round")
			.register(registry);
		FunctionCounter.builder("blogroll.content.version.requests", query, SharedQuery::callers)
			.description("Requests (and other callers) answered by a round of the content-version statement")
			.register(registry);
	}

}
