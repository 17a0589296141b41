package dev.blogroll.search;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.content.Visibility;
import dev.blogroll.listing.PostCard;

/**
 * Runs searches in two steps, so that no search reads more than a bounded number of posts,
 * however common its words.
 * <p>
 * First the matches: the newest {@value SearchEngine#RANKED_UP_TO} + 1 visible posts that match, found
 * slice by slice from the newest posts backwards ({@link #SLICE}). Each slice is a range of
 * dates, chosen from the listing counts ({@code listing_count}, by day) to hold about as many
 * posts as should give the matches still missing at the rate the slices so far matched; in it,
 * PostgreSQL intersects the GIN index on {@code post.search_vector} with the date index, so it
 * reads only the posts of the slice that have every word, and checks a quoted phrase
 * ({@code <->}, which the GIN index cannot answer) only on those. A common word is done in one
 * small slice; a rare one widens to all posts, where its matches are few.
 * <p>
 * Then the ranking: when at most {@value SearchEngine#RANKED_UP_TO} posts match, all of them are ranked, and
 * the page is exactly what ranking every match would give; when more match, the newest
 * {@value SearchEngine#RANKED_UP_TO} are ranked and the page says so ({@link Hits#more()}). Ranking reads
 * each ranked post's whole tsvector (the expensive part at a million posts), which is why it is
 * bounded. Highlighted snippets are built for the page's rows only, because {@code ts_headline}
 * reads the whole text of each post it is given.
 * <p>
 * Each search is timed ({@code blogroll.search.queries}, by outcome: {@code ok},
 * {@code timeout}, {@code error}).
 */
@Component
class SearchQueries implements SearchEngine {

	/** PostgreSQL's SQLSTATE for a cancelled statement (query_canceled). */
	private static final String QUERY_CANCELED = "57014";

	/** The first slice holds about this many posts per match wanted; later ones adapt. */
	private static final int FIRST_SLICE_POSTS_PER_MATCH = 2;

	/** At most this many slices; the last one reaches back to the oldest post. */
	private static final int SLICES = 4;

	/**
	 * Where a slice of about {@code :posts} visible posts, the newest before {@code :before}, starts: the
	 * start of the day at which the listing's day counts, summed from the newest day before
	 * {@code :before} backwards, reach {@code :posts}; null when they never do (the slice reaches back to
	 * the oldest post). The counts include scheduled posts and their days; a slice that holds a few
	 * more or fewer posts than asked is only a little more or less work, never a wrong result.
	 */
	private static final String SLICE = """
			select case when max(running) >= :posts then min(starts_at) filter (where running - posts < :posts) end
			from (
			  select starts_at, posts, sum(posts) over (order by starts_at desc) as running
			  from listing_count
			  where kind = :kind and listing_id = :listing and unit = 'day' and starts_at < :before
			) as days""";

	/*
	 * The matches of one slice, newest first. The query is written into the statement (not
	 * joined from a CTE) so that the planner sees its words and their frequencies and chooses
	 * a BitmapAnd of the GIN and date indexes. A query with no positive word ("-kong", or only
	 * stop words) has querytree 'T' and would match every post: it matches none instead.
	 */
	private static final String MATCHES = """
			select p.id from post p
			where p.search_vector @@ websearch_to_tsquery('english', :q)
			  and querytree(websearch_to_tsquery('english', :q)) not in ('T', '')
			  and p.published_at < :before%3$s
			  and %2$s%1$s
			order by p.published_at desc, p.id desc
			limit :limit""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BlogrollProperties properties;

	private final int rankedUpTo;

	private final Timer answered;

	private final Timer timedOut;

	private final Timer failed;

	@Autowired
	SearchQueries(DataSource dataSource, Clock clock, BlogrollProperties properties, MeterRegistry registry) {
		this(JdbcClient.create(withTimeout(dataSource)), clock, properties, RANKED_UP_TO, registry);
	}

	/** With another bound than the default, for tests. */
	SearchQueries(JdbcClient jdbc, Clock clock, BlogrollProperties properties, int rankedUpTo) {
		this(jdbc, clock, properties, rankedUpTo, new SimpleMeterRegistry());
	}

	private SearchQueries(JdbcClient jdbc, Clock clock, BlogrollProperties properties, int rankedUpTo,
			MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.rankedUpTo = rankedUpTo;
		this.answered = timer(registry, "ok");
		this.timedOut = timer(registry, "timeout");
		this.failed = timer(registry, "error");
	}

	private static Timer timer(MeterRegistry registry, String outcome) {
		return Timer.builder("blogroll.search.queries")
			.description("Search statements run, by outcome")
			.tag("engine", "postgresql")
			.tag("outcome", outcome)
			.register(registry);
	}

	/** Search statements are cancelled after this many seconds (see {@link Hits#timedOut()}). */
	static final int TIMEOUT_SECONDS = 5;

	private static JdbcTemplate withTimeout(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout(TIMEOUT_SECONDS);
		return template;
	}

	/**
	 * One page, numbered from 1, of the visible posts matching {@code terms}; no results, and
	 * {@code timedOut}, if PostgreSQL took longer than {@value #TIMEOUT_SECONDS} seconds for one
	 * of the statements.
	 */
	@Override
	public Hits search(SearchTerms terms, @Nullable FilterOption category, @Nullable FilterOption tag, int page,
			int pageSize) {
		long started = System.nanoTime();
		try {
			Hits hits = find(terms, category, tag, page, pageSize);
			this.answered.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			return hits;
		}
		catch (DataAccessException ex) {
			if (ex.getMostSpecificCause() instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
				this.timedOut.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
				return Hits.tooSlow();
			}
			this.failed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			throw ex;
		}
	}

	private Hits find(SearchTerms terms, @Nullable FilterOption category, @Nullable FilterOption tag, int page,
			int pageSize) {
		StringBuilder filters = new StringBuilder();
		if (category != null) {
			filters.append(" and p.category_id = :category");
		}
		if (tag != null) {
			filters.append(" and exists (select 1 from post_tag pt where pt.post_id = p.id and pt.tag_id = :tag)");
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		String sliceSql = MATCHES.formatted(filters, Visibility.VISIBLE, " and p.published_at >= :from");
		String lastSliceSql = MATCHES.formatted(filters, Visibility.VISIBLE, "");
		List<Long> ids = new ArrayList<>();
		int wanted = this.rankedUpTo + 1;
		long postsSeen = 0;
		Timestamp before = new Timestamp(now.getTime() + 1);
		for (int slice = 1; ids.size() < wanted && before != null; slice++) {
			long posts = slicePosts(slice, wanted - ids.size(), ids.size(), postsSeen);
			Timestamp from = (slice < SLICES) ? sliceStart(category, before, posts) : null;
			JdbcClient.StatementSpec statement = (from != null) ? this.jdbc.sql(sliceSql).param("from", from)
					: this.jdbc.sql(lastSliceSql);
			List<Long> found = statement.param("q", terms.text())
				.param("now", now)
				.param("before", before)
				.param("category", (category != null) ? category.id() : 0)
				.param("tag", (tag != null) ? tag.id() : 0)
				.param("limit", wanted - ids.size())
				.query(Long.class)
				.list();
			ids.addAll(found);
			postsSeen += posts;
			before = from;
		}
		boolean more = ids.size() > this.rankedUpTo;
		if (more) {
			ids = ids.subList(0, this.rankedUpTo);
		}
		if (ids.isEmpty()) {
			return Hits.none();
		}
		List<SearchResult> results = SearchRows.ranked(this.jdbc, this.properties, terms.text(), ids, pageSize,
				(long) (page - 1) * pageSize);
		return new Hits(results, ids.size(), more, false, false);
	}

	/**
	 * How many posts the next slice should hold: twice the matches wanted for the first; then as
	 * many as the matches still missing need at the rate the slices so far matched, with room to
	 * spare, and at least eight times as many as before when nothing matched yet.
	 */
	private static long slicePosts(int slice, int missing, int found, long postsSeen) {
		if (slice == 1) {
			return (long) missing * FIRST_SLICE_POSTS_PER_MATCH;
		}
		if (found == 0) {
			return postsSeen * 8;
		}
		return Math.max(postsSeen, (long) Math.ceil(missing * 1.5 * postsSeen / found));
	}

	/** Where a slice of about {@code posts} posts before {@code before} starts, or null: the oldest post. */
	private @Nullable Timestamp sliceStart(@Nullable FilterOption category, Timestamp before, long posts) {
		return this.jdbc.sql(SLICE)
			.param("kind", (category != null) ? "category" : "all")
			.param("listing", (category != null) ? category.id() : 0)
			.param("before", before)
			.param("posts", posts)
			.query(Timestamp.class)
			.optional()
			.orElse(null);
	}


}
