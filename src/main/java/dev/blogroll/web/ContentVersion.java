package dev.blogroll.web;

import java.sql.Timestamp;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether anything readers can see has changed, asked of PostgreSQL in one cheap statement:
 * {@code data_version.version}, which every write to posts, post tags, categories, authors and
 * tags increases in its own transaction ({@code V31}), and the time of the next scheduled post,
 * which appears by itself when that time comes.
 * <p>
 * What is kept in memory because it only changes with these ({@link RenderedPageCache}'s pages,
 * {@link SiteChrome}'s categories and tags) is served again only while they are the same, so an
 * editor's change shows on the next request, on every instance sharing the database. Requests
 * that arrive together share one run of the statement ({@link SharedQuery}), which is never
 * older than the request: one round trip per burst of requests instead of one per request.
 */
@Component
public class ContentVersion {

	private static final String STATE = """
			select v.version,
			       (select min(p.published_at) from post p
			        where p.status = 'PUBLISHED' and p.published_at > :now) as next_scheduled
			from data_version v""";

	private final SharedQuery<Snapshot> state;

	ContentVersion(JdbcClient jdbc, Clock clock) {
		this.state = new SharedQuery<>(() -> jdbc.sql(STATE)
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, row) -> new Snapshot(rs.getLong(1), rs.getTimestamp(2)))
			.single());
	}

	/** The state now: read by a statement that started after this call. */
	public Snapshot current() {
		return this.state.get();
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
