package dev.blogroll.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutting down while a feed is being fetched: a fetch that finishes within the wait records
 * its outcome and releases its lease itself; one that does not has its lease released, so
 * another instance can fetch the source at once. Runs on a fetcher of its own, so the shared
 * one keeps working for the other tests.
 */
@BlogrollTest
class FetchShutdownTests {

	@Autowired
	private FeedSources sources;

	@Autowired
	private EntryWriter writer;

	@Autowired
	private BlogrollProperties properties;

	@Autowired
	private JdbcClient jdbc;

	private FeedServer server;

	private long categoryId;

	private final CountDownLatch requested = new CountDownLatch(1);

	@BeforeEach
	void start() {
		this.server = new FeedServer();
		this.jdbc.sql("insert into category (slug, name) values ('shutdown-test', 'Shutdown Test') on conflict do nothing")
			.update();
		this.categoryId = this.jdbc.sql("select id from category where slug = 'shutdown-test'").query(Long.class)
			.single();
	}

	@AfterEach
	void cleanUp() {
		this.server.close();
		this.jdbc.sql("delete from post where category_id = :id").param("id", this.categoryId).update();
		this.jdbc.sql("delete from feed_source where name like 'Shutdown %'").update();
		this.jdbc.sql("delete from category where slug = 'shutdown-test'").update();
	}

	@Test
	void aFetchThatFinishesInTimeRecordsItsOutcome() throws Exception {
		long source = slowSource("Shutdown quick", Duration.ofMillis(800));
		FeedFetcher fetcher = fetcher();
		CompletableFuture<?> fetch = CompletableFuture.supplyAsync(() -> fetcher.fetchNow(source));
		assertThat(this.requested.await(10, TimeUnit.SECONDS)).isTrue();

		new FetchShutdown(fetcher, this.sources, Duration.ofSeconds(10)).stop();

		assertThat(fetch).isDone();
		assertThat(leaseHeld(source)).isFalse();
		assertThat(this.jdbc.sql("select outcome from feed_fetch where source_id = :id").param("id", source)
			.query(String.class).single()).isEqualTo("OK");
		assertThat(fetcher.fetchNow(source)).as("nothing is claimed after shutdown began").isEmpty();
	}

	@Test
	void aFetchThatDoesNotFinishHasItsLeaseReleased() throws Exception {
		// answers within the tests' read timeout (2 s), but after the shutdown's wait
		long source = slowSource("Shutdown slow", Duration.ofMillis(1800));
		FeedFetcher fetcher = fetcher();
		CompletableFuture<?> fetch = CompletableFuture.supplyAsync(() -> fetcher.fetchNow(source));
		assertThat(this.requested.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(leaseHeld(source)).isTrue();

		long started = System.nanoTime();
		// a phase timeout of 1.5 s: the fetch gets 0.5 s
		new FetchShutdown(fetcher, this.sources, Duration.ofMillis(1500)).stop();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
		assertThat(fetch).as("still fetching").isNotDone();
		assertThat(leaseHeld(source)).as("lease released").isFalse();
		fetch.get(20, TimeUnit.SECONDS); // before the clean-up deletes its source
	}

	private FeedFetcher fetcher() {
		return new FeedFetcher(this.sources, this.writer, this.properties, Clock.systemUTC(), new SimpleMeterRegistry());
	}

	private long slowSource(String name, Duration delay) {
		String feed = FeedServer.resource("engineering-rss2.xml");
		this.server.on("/slow.xml", (exchange) -> {
			this.requested.countDown();
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			FeedServer.respond(exchange, 200, feed, "Content-Type", "application/rss+xml");
		});
		return this.sources.create(name, "https://example.com/", this.server.url("/slow.xml"), this.categoryId, "",
				true, 60);
	}

	private boolean leaseHeld(long source) {
		return this.jdbc.sql("select fetching_until > now() from feed_source where id = :id").param("id", source)
			.query(Boolean.class).optional().orElse(false);
	}

}
