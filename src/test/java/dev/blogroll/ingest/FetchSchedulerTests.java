package dev.blogroll.ingest;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled poll with ShedLock: while another instance holds the poller's lock row in
 * PostgreSQL this one fetches nothing; once the lock is free it fetches the due source, once,
 * and again when the source's interval has passed. The tests run the task the scheduler runs
 * (whose first run is a year away in tests, see {@link BlogrollTest}) and move the clock instead
 * of waiting for polls.
 */
@BlogrollTest
class FetchSchedulerTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FeedSources sources;

	@Autowired
	private MutableClock clock;

	@Autowired
	private BlogrollProperties properties;

	@Autowired
	private List<ScheduledTaskHolder> schedulers;

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
	void thePollIsScheduledEveryPollIntervalAfterAFirstInterval() {
		FixedDelayTask poll = (FixedDelayTask) pollTask().getTask();
		Duration interval = this.properties.ingest().pollInterval();
		assertThat(poll.getIntervalDuration()).isEqualTo(interval);
		assertThat(poll.getInitialDelayDuration()).isEqualTo(interval);
	}

	@Test
	void onlyTheInstanceHoldingTheLockPollsAndADueSourceIsFetchedOnce() {
		this.jdbc.sql("""
				insert into shedlock (name, lock_until, locked_at, locked_by)
				values (:name, now() + interval '1 hour', now(), 'another-instance')
				on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by""")
			.param("name", FetchScheduler.LOCK)
			.update();
		this.sources.create("ST Scheduled", "https://example.com/", this.server.url("/feed.xml"), this.categoryId, "",
				true, 60);
		poll();
		assertThat(this.server.count("/feed.xml")).as("another instance holds the lock").isZero();

		lockRunsOut();
		poll();
		assertThat(this.server.count("/feed.xml")).as("fetched once the lock is free").isOne();
		assertThat(this.jdbc.sql("select locked_by from shedlock where name = :name").param("name", FetchScheduler.LOCK)
			.query(String.class).single()).isNotEqualTo("another-instance");
		assertThat(this.jdbc.sql("select count(*) from post where category_id = :id").param("id", this.categoryId)
			.query(Long.class).single()).isPositive();

		lockRunsOut();
		poll();
		assertThat(this.server.count("/feed.xml")).as("polled again: not due for an hour").isOne();

		this.clock.advance(Duration.ofMinutes(61));
		lockRunsOut();
		poll();
		assertThat(this.server.count("/feed.xml")).as("polled an hour later: due again").isEqualTo(2);
	}

	/** Runs the poll as the scheduler does, through ShedLock. */
	private void poll() {
		pollTask().getTask().getRunnable().run();
	}

	/**
	 * Ends the poller's lock now. (The lock is timed by PostgreSQL's clock, and held at least a
	 * second after each poll.)
	 */
	private void lockRunsOut() {
		this.jdbc.sql("update shedlock set lock_until = now() where name = :name")
			.param("name", FetchScheduler.LOCK)
			.update();
	}

	private ScheduledTask pollTask() {
		List<ScheduledTask> polls = this.schedulers.stream()
			.flatMap((scheduler) -> scheduler.getScheduledTasks().stream())
			.filter((task) -> task.toString().endsWith(".fetchDueSources"))
			.toList();
		assertThat(polls).as("the scheduled poll").hasSize(1);
		return polls.get(0);
	}

}
