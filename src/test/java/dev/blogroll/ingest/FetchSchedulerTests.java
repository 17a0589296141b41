package dev.blogroll.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Polling on every instance, with a pool each: the poller fetches a due source once and again
 * when its interval has passed; two instances on one database fetch at the same time, each
 * source once, never more than {@code per-host} fetches of one host at once between them; and
 * a source due on a host that another instance keeps busy is fetched as soon as the host is
 * free. The tests run the pools themselves and move the clock instead of waiting for polls (the
 * application's own poller first polls a year after start, see {@link BlogrollTest}).
 */
@BlogrollTest
class FetchSchedulerTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FeedSources sources;

	@Autowired
	private FeedFetcher fetcher;

	@Autowired
	private FetchScheduler scheduler;

	@Autowired
	private MutableClock clock;

	@Autowired
	private BlogrollProperties properties;

	private final List<HttpServer> hosts = new ArrayList<>();

	private final CountDownLatch testOver = new CountDownLatch(1);

	private long categoryId;

	@BeforeEach
	void start() {
		this.jdbc.sql("insert into category (slug, name) values ('scheduler-test', 'Scheduler Test') on conflict do nothing")
			.update();
		this.categoryId = this.jdbc.sql("select id from category where slug = 'scheduler-test'").query(Long.class)
			.single();
	}

	@AfterEach
	void cleanUp() {
		this.testOver.countDown();
		this.hosts.forEach((host) -> host.stop(0));
		this.jdbc.sql("delete from post where category_id = :id").param("id", this.categoryId).update();
		this.jdbc.sql("delete from feed_source where name like 'ST %'").update();
		this.jdbc.sql("delete from category where slug = 'scheduler-test'").update();
	}

	@Test
	void thePollerFetchesADueSourceOnceAndAgainWhenItIsDue() {
		assertThat(this.scheduler.interval()).isEqualTo(this.properties.ingest().pollInterval());
		try (FeedServer server = new FeedServer()) {
			server.serve("/feed.xml", FeedServer.resource("engineering-rss2.xml"), "Content-Type", "application/rss+xml");
			this.sources.create("ST Scheduled", "https://example.com/", server.url("/feed.xml"), this.categoryId, "",
					true, 60);

			assertThat(this.scheduler.poll()).isOne();
			assertThat(server.count("/feed.xml")).as("fetched once").isOne();
			assertThat(this.jdbc.sql("select count(*) from post where category_id = :id").param("id", this.categoryId)
				.query(Long.class).single()).isPositive();

			assertThat(this.scheduler.poll()).isZero();
			assertThat(server.count("/feed.xml")).as("polled again: not due yet").isOne();

			this.clock.advance(Duration.ofHours(25));
			assertThat(this.scheduler.poll()).isOne();
			assertThat(server.count("/feed.xml")).as("polled after the longest interval: due again").isEqualTo(2);
		}
	}

	/**
	 * Two instances, each with a pool of three, fetch twelve sources on four hosts (four
	 * loopback addresses), at most one fetch per host at once. The feed servers hold every
	 * answer until four fetches are under way at once, which neither pool could reach alone:
	 * the latch proves the instances overlap. Every source is fetched once, by one of them.
	 */
	@Test
	void twoInstancesWithAPoolEachFetchAtTheSameTimeEachSourceOnceWithinTheLimitPerHost() throws Exception {
		CountDownLatch fourAtOnce = new CountDownLatch(4);
		AtomicInteger atOnce = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		Map<String, AtomicInteger> byHost = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> mostByHost = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> fetchesByPath = new ConcurrentHashMap<>();
		String feed = FeedServer.resource("atom-xhtml.xml");
		for (int h = 2; h <= 5; h++) {
			String address = "127.0.0." + h;
			HttpServer host = host(address);
			host.createContext("/", (exchange) -> {
				int now = atOnce.incrementAndGet();
				mostAtOnce.accumulateAndGet(now, Math::max);
				int onHost = byHost.computeIfAbsent(address, (key) -> new AtomicInteger()).incrementAndGet();
				mostByHost.computeIfAbsent(address, (key) -> new AtomicInteger()).accumulateAndGet(onHost, Math::max);
				fetchesByPath.computeIfAbsent(address + exchange.getRequestURI().getPath(), (key) -> new AtomicInteger())
					.incrementAndGet();
				try (exchange) {
					fourAtOnce.countDown();
					await(fourAtOnce);
					// unique entries per feed, so each source adds its own posts
					String unique = address + exchange.getRequestURI().getPath();
					FeedServer.respond(exchange, 200, feed.replace("tag:widgets.example.org,2026:", "tag:" + unique + ":")
						.replace("/blog/rust-in-production", "/blog/rust-in-production/" + unique)
						.replace("Memory safety", "Memory safety " + unique)
						.replace("widgets.example.org/blog/dates", unique + "/blog/dates")
						.replace("Dates are hard", "Dates are hard " + unique));
				}
				finally {
					byHost.get(address).decrementAndGet();
					atOnce.decrementAndGet();
				}
			});
			host.start();
			for (int f = 1; f <= 3; f++) {
				this.sources.create("ST " + address + " " + f, "https://example.com/",
						"http://" + address + ":" + host.getAddress().getPort() + "/feed-" + f + ".xml", this.categoryId, "",
						true, 60);
			}
		}
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try (FetchPool one = new FetchPool(this.sources, this.fetcher, 3, 1, "instance-one");
				FetchPool two = new FetchPool(this.sources, this.fetcher, 3, 1, "instance-two")) {
			Future<Integer> first = instances.submit(one::fetchDue);
			Future<Integer> second = instances.submit(two::fetchDue);

			assertThat(fourAtOnce.await(20, TimeUnit.SECONDS)).as("four fetches at once: both instances fetching")
				.isTrue();
			int byFirst = first.get(30, TimeUnit.SECONDS);
			int bySecond = second.get(30, TimeUnit.SECONDS);

			assertThat(byFirst + bySecond).as("sources fetched").isEqualTo(12);
			assertThat(byFirst).as("by the first instance").isPositive();
			assertThat(bySecond).as("by the second instance").isPositive();
			assertThat(fetchesByPath).hasSize(12).allSatisfy((path, count) -> assertThat(count.get()).as(path).isOne());
			assertThat(mostByHost).hasSize(4).allSatisfy((host, most) -> assertThat(most.get()).as(host).isOne());
			assertThat(mostAtOnce.get()).isBetween(4, 6);
			assertThat(this.jdbc.sql("select count(*) from post where category_id = :id").param("id", this.categoryId)
				.query(Long.class).single()).as("posts: two of each feed").isEqualTo(24);
			assertThat(this.jdbc.sql("""
					select count(*) from feed_source where name like 'ST %'
					and (fetching_until is not null or last_success_at is null)""").query(Long.class).single())
				.as("sources still leased or not fetched").isZero();
		}
		finally {
			instances.shutdownNow();
		}
	}

	/**
	 * A host has two due sources and a per-host limit of one; another instance is fetching the
	 * first. This instance leaves the second alone while the host is busy and fetches it as soon
	 * as the other fetch ends, in the same poll.
	 */
	@Test
	void aSourceWaitingForItsHostIsFetchedOnceTheHostIsFree() throws Exception {
		CountDownLatch firstRequested = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		AtomicInteger requests = new AtomicInteger();
		String feed = FeedServer.resource("atom-xhtml.xml");
		HttpServer host = host("127.0.0.6");
		host.createContext("/", (exchange) -> {
			try (exchange) {
				if (requests.incrementAndGet() == 1) {
					firstRequested.countDown();
					await(releaseFirst);
				}
				FeedServer.respond(exchange, 200, feed);
			}
		});
		host.start();
		String base = "http://127.0.0.6:" + host.getAddress().getPort();
		this.sources.create("ST Busy 1", "https://example.com/", base + "/1.xml", this.categoryId, "", true, 60);
		this.sources.create("ST Busy 2", "https://example.com/", base + "/2.xml", this.categoryId, "", true, 60);
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try (FetchPool one = new FetchPool(this.sources, this.fetcher, 4, 1, "instance-one");
				FetchPool two = new FetchPool(this.sources, this.fetcher, 4, 1, "instance-two")) {
			Future<Integer> first = instances.submit(one::fetchDue);
			assertThat(firstRequested.await(10, TimeUnit.SECONDS)).isTrue();
			Future<Integer> second = instances.submit(two::fetchDue);
			Thread.sleep(700);
			assertThat(requests.get()).as("the host is busy: the second source waits").isOne();
			releaseFirst.countDown();
			assertThat(first.get(20, TimeUnit.SECONDS) + second.get(20, TimeUnit.SECONDS)).isEqualTo(2);
			assertThat(requests.get()).isEqualTo(2);
		}
		finally {
			releaseFirst.countDown();
			instances.shutdownNow();
		}
	}

	private HttpServer host(String address) {
		try {
			HttpServer host = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
			host.setExecutor(Executors.newCachedThreadPool());
			this.hosts.add(host);
			return host;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void await(CountDownLatch latch) {
		try {
			latch.await(15, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
