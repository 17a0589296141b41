package dev.blogroll.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.blogroll.text.Excerpts;

/**
 * Rewrites, once, the summaries that older rules derived from post bodies
 * ({@code post.summary_rules} below {@link #RULES}; see {@code V63}), in the background from a
 * minute after start-up ({@link #START_AFTER}), in batches of {@value #BATCH} posts by id, each
 * batch one transaction and one {@code update}. Only derived summaries change: a post whose
 * editor wrote an excerpt keeps it.
 * <p>
 * A job rather than a migration: the rules are Java ({@link Excerpts}, commonmark and jsoup),
 * which a SQL migration cannot run, and a Java migration would hold start-up, and every other
 * instance waiting on Flyway's lock, for as long as re-reading every body takes on a large site,
 * while the old summaries are still readable text. The job is resumable (each batch marks its
 * rows) and needs no coordination: a batch takes a transaction-level advisory lock, and an
 * instance that cannot get it stops, leaving the work to the one that has it. Its progress is
 * logged (posts done, rate, time left).
 */
@Component
@ConditionalOnWebApplication // not when --import runs without a web server
class SummaryRefresh {

	/** The rules {@link Excerpts} follows now; rows made by older ones are rewritten. */
	static final int RULES = 2;

	static final int BATCH = 500;

	/** The advisory lock a batch holds: "summary" in ASCII. */
	private static final long LOCK = 0x73756d6d617279L;

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

	/**
	 * How long after start-up the job begins. Its first question, how many rows older rules
	 * made, reads the whole post table even when the answer is none (1.4 GB in 0.9-1.6 s of a
	 * leader and two parallel workers at a million posts): run at once, it competed for the two
	 * cores with the first pages.
	 */
	static final Duration START_AFTER = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(SummaryRefresh.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	SummaryRefresh(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startInTheBackground() {
		Thread thread = new Thread(() -> {
			try {
				Thread.sleep(START_AFTER.toMillis());
				refreshAll();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				log.warn("Rewriting summaries stopped; it goes on at the next start", ex);
			}
		}, "summary-refresh");
		thread.setDaemon(true);
		thread.start();
	}

	/** Rewrites every summary made by older rules; returns how many posts it looked at. */
	long refreshAll() {
		long total = this.jdbc.sql("select count(*) from post where " + CANDIDATE)
			.param("rules", RULES)
			.query(Long.class)
			.single();
		if (total == 0) {
			return 0;
		}
		log.info("Rewriting the summaries of {} posts from their rendered text (rules {})", total, RULES);
		long started = System.nanoTime();
		long lastReport = started;
		long done = 0;
		long after = 0;
		while (true) {
			long from = after;
			Long last = this.transaction.execute((status) -> refreshBatch(from));
			if (last == null) {
				break;
			}
			after = last;
			done = Math.min(total, done + BATCH);
			long now = System.nanoTime();
			if (now - lastReport >= PROGRESS_EVERY.toNanos()) {
				lastReport = now;
				double perSecond = done / ((now - started) / 1e9);
				log.info("Summaries: {} of {} posts ({} a second, about {} s left)", done, total, Math.round(perSecond),
						Math.round((total - done) / Math.max(perSecond, 1)));
			}
		}
		log.info("Summaries rewritten: {} posts in {} ms", done, (System.nanoTime() - started) / 1_000_000);
		return done;
	}

	/** Rows whose summary older rules derived from the body; bound {@code :rules}. */
	private static final String CANDIDATE = "summary_rules < :rules and excerpt is null and body is not null";

	/**
	 * One batch, after the post with id {@code after}: the last id it rewrote, or null when
	 * nothing is left or another instance holds the lock.
	 */
	private @Nullable Long refreshBatch(long after) {
		boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
			.param("lock", LOCK)
			.query(Boolean.class)
			.single();
		if (!locked) {
			return null;
		}
		List<Object[]> rows = this.jdbc
			.sql("select id, body from post where " + CANDIDATE + " and id > :after order by id limit :batch")
			.param("rules", RULES)
			.param("after", after)
			.param("batch", BATCH)
			.query((rs, row) -> new Object[] { rs.getLong("id"), Excerpts.summarize(null, rs.getString("body")) })
			.list();
		if (rows.isEmpty()) {
			return null;
		}
		StringJoiner values = new StringJoiner(", ");
		List<Object> params = new ArrayList<>();
		for (Object[] row : rows) {
			values.add("(?, ?)");
			params.add(row[0]);
			params.add(row[1]);
		}
		this.jdbc.sql("""
				update post p set summary = v.summary, summary_rules = %1$d
				from (values %2$s) as v (id, summary)
				where p.id = v.id and p.summary_rules < %1$d""".formatted(RULES, values))
			.params(params)
			.update();
		return (Long) rows.get(rows.size() - 1)[0];
	}

}
