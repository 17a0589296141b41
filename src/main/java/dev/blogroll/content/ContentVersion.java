package dev.blogroll.content;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.ToLongBiFunction;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.blogroll.database.DatabaseFailures;

/**
 * Whether anything readers can see has changed, asked of PostgreSQL in one cheap statement:
 * the content version, which grows with every committed transaction that writes posts, post
 * tags, categories, authors or tags ({@code V36}: {@code data_version.version} plus the rows
 * of {@code data_change}, one per such transaction, which no writer ever waits for), and the
 * time of the next scheduled post, which appears by itself when that time comes.
 * <p>
 * What is kept in memory because it only changes with these (rendered pages, the navigation,
 * listing counts: see {@link Kept}) is served again only while they are the same, so an
 * editor's change shows on the next request, on every instance sharing the database. Requests
 * that arrive together share one run of the statement ({@link SharedQuery}), which is never
 * older than the request: one round trip per burst of requests instead of one per request.
 * Within one request the answer is asked once and remembered (a request attribute), so the
 * page cache, the chrome and the listing counts all judge the request by the same state; a
 * failure to reach the database is remembered the same way, so a request that meets an outage
 * waits for it once.
 * <p>
 * When the statement finds more than {@value #FOLD_AT} rows in {@code data_change}, it folds
 * them into {@code data_version} (one statement, which leaves the sum unchanged), so that
 * counting them stays cheap.
 */
@Component
public class ContentVersion {

	/**
	 * The state, with the time as its one positional parameter: the statement runs for nearly
	 * every burst of requests, and with named parameters (JdbcClient) it took 12.7 % of the
	 * request threads' time on a kept page against 9.4 % so (JFR, bench/RESULTS.md).
	 */
	private static final String STATE = """
			select v.version + c.pending as version, c.pending,
			       (select min(p.published_at) from post p where %s) as next_scheduled
			from data_version v, (select count(*) as pending from data_change) c"""
		.formatted(Visibility.SCHEDULED.replace(":now", "?"));

	/**
	 * Moves the rows of {@code data_change} into the counter, in one statement: every snapshot
	 * sees both or neither, so the sum readers compare stays the same.
	 */
	static final String FOLD = """
			with folded as (delete from data_change returning 1)
			update data_version set version = version + (select count(*) from folded)""";

	/** Rows of {@code data_change} past which a reader folds them. */
	static final int FOLD_AT = 500;

	private static final Logger log = LoggerFactory.getLogger(ContentVersion.class);

	private static final String ATTRIBUTE = ContentVersion.class.getName();

	private final SharedQuery<Snapshot> state;

	public ContentVersion(JdbcTemplate jdbc, Clock clock) {
		this.state = new SharedQuery<>(() -> {
			Counted counted = jdbc.query(STATE, (statement) -> statement.setTimestamp(1, Timestamp.from(clock.instant())),
					(rs) -> {
						if (!rs.next()) {
							throw new IllegalStateException("data_version has no row (migration V36 makes one)");
						}
						return new Counted(new Snapshot(rs.getLong(1), rs.getTimestamp(3)), rs.getLong(2));
					});
			// not inside a caller's transaction: it may be read-only, and the fold would hold
			// the counter's row until that transaction ends
			if (counted.pending() > FOLD_AT && !TransactionSynchronizationManager.isActualTransactionActive()) {
				fold(jdbc);
			}
			return counted.snapshot();
		}, DatabaseFailures::isUnreachable);
	}

	private static void fold(JdbcTemplate jdbc) {
		try {
			jdbc.update(FOLD);
		}
		catch (DataAccessException ex) {
			// the next reader tries again; the version is right either way
			log.debug("Could not fold data_change into data_version", ex);
		}
	}

	/**
	 * The state for the current request, asked once per request, or now if there is no
	 * request: read by a statement that started after the request (or this call) did.
	 */
	public Snapshot current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			return current(request.getRequest());
		}
		return this.state.get();
	}

	/**
	 * {@link #current()} for filters that run before Spring MVC has exposed the request. If the
	 * database could not be reached for this request, says so again at once rather than
	 * waiting for a connection a second time (an error page asks again, for its chrome).
	 */
	public Snapshot current(HttpServletRequest request) {
		Object asked = request.getAttribute(ATTRIBUTE);
		if (asked instanceof Snapshot snapshot) {
			return snapshot;
		}
		if (asked instanceof RuntimeException failure) {
			throw failure;
		}
		try {
			Snapshot snapshot = this.state.get();
			request.setAttribute(ATTRIBUTE, snapshot);
			return snapshot;
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			request.setAttribute(ATTRIBUTE, ex);
			throw ex;
		}
	}

	/**
	 * A new store of values kept until the content changes, at most {@code maxBytes} as
	 * {@code weigher} counts a key and its value.
	 */
	public <K, V> Kept<K, V> keeper(long maxBytes, ToLongBiFunction<? super K, ? super V> weigher) {
		return new Kept<>(this, maxBytes, weigher);
	}

	/** The shared statement, for {@link ContentMetrics}. */
	SharedQuery<Snapshot> sharedQuery() {
		return this.state;
	}

	/**
	 * What readers' pages depend on besides their own rows.
	 *
	 * @param dataVersion the content version: larger after every committed transaction that wrote
	 * what readers see, and the same at two moments only if none committed in between
	 * @param nextScheduled when the next scheduled post comes due, if there is one
	 */
	public record Snapshot(long dataVersion, @Nullable Timestamp nextScheduled) {
	}

	private record Counted(Snapshot snapshot, long pending) {
	}

}
