package dev.blogroll.ingest;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled poll with ShedLock: while another instance holds the poller's lock row in
 * PostgreSQL this one fetches nothing; once the lock is free it fetches the due source, once.
 */
@SpringBootTest(properties = { "blogroll.ingest.scheduler-enabled=true", "blogroll.ingest.poll-interval=1s" })
@DirtiesContext
class FetchSchedulerTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FeedSources sources;

	private FeedServer server;

	private long categoryId;

	@BeforeEach
	void start() {
		this.server = new FeedServer();
		this.server.serve("/feed.xml", FeedServer.resource("engineering-rss2.xml"), "Content-Type",
				"application/rss+xml");
		this.jdbc.sql("insert into category (slug, name) values ('scheduler-test', 'Scheduler Test') on conflict do nothing")
			.update();
		this.categoryId = this.jdbc.sql("select id from category where slug = 'scheduler-test'").query(Long.class)
			.single();
	}

	@AfterEach
	void cleanUp() {
		this.server.close();
		this.jdbc.sql("delete from shedlock where name = :name").param("name", FetchScheduler.LOCK).update();
		this.jdbc.sql("delete from post where category_id = :id").param("id", this.categoryId).update();
		this.jdbc.sql("delete from feed_source where name like 'ST %'").update();
		this.jdbc.sql("delete from category where slug = 'scheduler-test'").update();
	}

	@Test
	void onlyTheInstanceHoldingTheLockPollsAndADueSourceIsFetchedOnce() throws InterruptedException {
		this.jdbc.sql("""
				insert into shedlock (name, lock_until, locked_at, locked_by)
				values (:name, now() + interval '1 hour', now(), 'another-instance')
				on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by""")
			.param("name", FetchScheduler.LOCK)
			.update();
		this.sources.create("ST Scheduled", "https://example.com/", this.server.url("/feed.xml"), this.categoryId, "",
				true, 60);
		Thread.sleep(4_000);
		assertThat(this.server.count("/feed.xml")).as("another instance holds the lock").isZero();

		this.jdbc.sql("update shedlock set lock_until = now() where name = :name").param("name", FetchScheduler.LOCK)
			.update();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.server.count("/feed.xml") == 0 && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		Thread.sleep(3_000);
		assertThat(this.server.count("/feed.xml")).as("fetched once, then not due for an hour").isOne();
		assertThat(this.jdbc.sql("select locked_by from shedlock where name = :name").param("name", FetchScheduler.LOCK)
			.query(String.class).single()).isNotEqualTo("another-instance");
		assertThat(this.jdbc.sql("select count(*) from post where category_id = :id").param("id", this.categoryId)
			.query(Long.class).single()).isPositive();
	}

}
