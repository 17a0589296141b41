package dev.blogroll.content;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.ToLongBiFunction;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Whether anything readers can see has changed, asked of PostgreSQL in one cheap statement:
 * {@code data_version.version}, which every write to posts, post tags, categories, authors and
 * tags increases in its own transaction ({@code V31}), and the time of the next scheduled post,
 * which appears by itself when that time comes.
 * <p>
 * What is kept in memory because it only changes with these (rendered pages, the navigation,
 * listing counts: see {@link Kept}) is served again only while they are the same, so an
 * editor's change shows on the next request, on every instance sharing the database. Requests
 * that arrive together share one run of the statement ({@link SharedQuery}), which is never
 * older than the request: one round trip per burst of requests instead of one per request.
 * Within one request the answer is asked once and remembered (a request attribute), so the
 * page cache, the chrome and the listing counts all judge the request by the same state.
 */
@Component
public class ContentVersion {

	private static final String STATE = """
			select v.version,
			       (select min(p.published_at) from post p where %s) as next_scheduled
			from data_version v""".formatted(Visibility.SCHEDULED);

	private static final String ATTRIBUTE = ContentVersion.class.getName();

	private final SharedQuery<Snapshot> state;

	public ContentVersion(JdbcClient jdbc, Clock clock) {
		this.state = new SharedQuery<>(() -> jdbc.sql(STATE)
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, row) -> new Snapshot(rs.getLong(1), rs.getTimestamp(2)))
			.single());
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

	/** {@link #current()} for filters that run before Spring MVC has exposed the request. */
	public Snapshot current(HttpServletRequest request) {
		Snapshot asked = (Snapshot) request.getAttribute(ATTRIBUTE);
		if (asked == null) {
			asked = this.state.get();
			request.setAttribute(ATTRIBUTE, asked);
		}
		return asked;
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
	 * @param dataVersion increased by every write readers could see
	 * @param nextScheduled when the next scheduled post comes due, if there is one
	 */
	public record Snapshot(long dataVersion, @Nullable Timestamp nextScheduled) {
	}

}
