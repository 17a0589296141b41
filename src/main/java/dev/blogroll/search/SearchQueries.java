package dev.blogroll.search;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
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
 * Runs searches: one statement finds the visible posts that match (through the GIN index on
 * {@code post.search_vector}), ranks them by relevance with recency as tie-break, counts them,
 * keeps one page, and only then builds the highlighted snippets of that page's posts, because
 * {@code ts_headline} reads the whole text of each post it is given. Ranking is bounded: when
 * more than {@value #RANKED_ALL_UP_TO} posts match, only the newest {@value #RANKED_NEWEST}
 * matches are ranked.
 * <p>
 * Each search statement is timed ({@code blogroll.search.queries}, by outcome: {@code ok},
 * {@code timeout}, {@code error}).
 */
@Component
class SearchQueries {

	/** Matches marked by two control characters; see {@link Snippets}. */
	private static final String HEADLINE_OPTIONS = "StartSel=" + Snippets.START + ", StopSel=" + Snippets.STOP
			+ ", MaxWords=30, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=\" … \"";

	/** PostgreSQL's SQLSTATE for a cancelled statement (query_canceled). */
	private static final String QUERY_CANCELED = "57014";

	/** Up to this many matches, every match is ranked. */
	static final int RANKED_ALL_UP_TO = 10_000;

	/** Beyond {@link #RANKED_ALL_UP_TO} matches, only this many of the newest are ranked. */
	static final int RANKED_NEWEST = 300;

	/*
	 * Notes on the statement:
	 * - the query is parsed once (a materialized CTE), not once per row;
	 * - a query with no positive word ("-kong", or only stop words) has querytree 'T' and would
	 *   need a scan of every post; the one-time filter turns it into no results instead;
	 * - ranking reads each candidate's tsvector, the expensive part at a million posts, so the
	 *   candidates are bounded: "probe" counts matches through the GIN index, stopping at
	 *   :all + 1. Up to :all matches, all are ranked (exact total). Beyond, the word is common,
	 *   and the newest :newest matches, found by walking the date index (the tsvector
	 *   expression is made unindexable on purpose), are ranked instead; "more" tells the page;
	 * - ts_rank_cd with normalization 1 (divide by 1 + log(length)) keeps long posts from winning
	 *   on length alone; weights A/B/C come from the column itself;
	 * - count(*) over () is computed before the limit, so the page and the total cost one scan;
	 * - snippets are built for the page's rows only, from the Markdown body with link targets,
	 *   markup characters and the two marker characters removed; the first and last :edge
	 *   characters of that text tell whether a snippet starts at its start and ends at its end.
	 */
	private static final String SEARCH = """
			with q as materialized (select websearch_to_tsquery('english', :q) as query),
			probe as materialized (
			  select count(*) as matches from (
			    select 1 from q join post p on p.search_vector @@ q.query
			    where (select querytree(query) from q) not in ('T', '')
			      and %2$s%1$s
			    limit :all + 1) as counted
			),
			candidates as (
			  select p.id, p.published_at, p.search_vector
			  from q join post p on p.search_vector @@ q.query
			  where (select matches from probe) <= :all
			    and %2$s%1$s
			  union all
			  (select p.id, p.published_at, p.search_vector
			   from q cross join post p
			   where (select matches from probe) > :all
			     and %2$s%1$s
			     and (p.search_vector || ''::tsvector) @@ q.query
			   order by p.published_at desc, p.id desc
			   limit :newest)
			),
			hits as (
			  select c.id, c.published_at, ts_rank_cd(c.search_vector, q.query, 1) as rank,
			         count(*) over () as total
			  from candidates c cross join q
			  order by rank desc, c.published_at desc, c.id desc
			  limit :limit offset :offset
			)
			select h.total, (select matches from probe) > :all as more,
			       p.slug, p.title, p.published_at, p.updated_at, p.summary, p.image_url, p.image_alt,
			       c.slug as category_slug, c.name as category_name,
			       a.slug as author_slug, a.name as author_name,
			       %3$s,
			       ts_headline('english', t.text, q.query, :options) as snippet,
			       left(t.text, :edge) as text_start, right(t.text, :edge) as text_end
			from hits h
			join post p on p.id = h.id
			join category c on c.id = p.category_id
			join author a on a.id = p.author_id
			cross join lateral (select regexp_replace(regexp_replace(translate(coalesce(p.body, p.summary), e'\\x02\\x03', ''),
			               '!?\\[([^]]*)\\]\\([^)]*\\)', '\\1', 'g'), '[*`~|]+|^[ \\t]*(#{1,6}|>+|[-+]|[0-9]+[.])[ \\t]', ' ', 'gn')
			               as text) t
			cross join q
			order by h.rank desc, h.published_at desc, h.id desc""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BlogrollProperties properties;

	private final int rankedAllUpTo;

	private final int rankedNewest;

	private final Timer answered;

	private final Timer timedOut;

	private final Timer failed;

	@Autowired
	SearchQueries(DataSource dataSource, Clock clock, BlogrollProperties properties, MeterRegistry registry) {
		this(JdbcClient.create(withTimeout(dataSource)), clock, properties, RANKED_ALL_UP_TO, RANKED_NEWEST, registry);
	}

	/** With other bounds than the defaults, for tests. */
	SearchQueries(JdbcClient jdbc, Clock clock, BlogrollProperties properties, int rankedAllUpTo, int rankedNewest) {
		this(jdbc, clock, properties, rankedAllUpTo, rankedNewest, new SimpleMeterRegistry());
	}

	private SearchQueries(JdbcClient jdbc, Clock clock, BlogrollProperties properties, int rankedAllUpTo,
			int rankedNewest, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.rankedAllUpTo = rankedAllUpTo;
		this.rankedNewest = rankedNewest;
		this.answered = timer(registry, "ok");
		this.timedOut = timer(registry, "timeout");
		this.failed = timer(registry, "error");
	}

	private static Timer timer(MeterRegistry registry, String outcome) {
		return Timer.builder("blogroll.search.queries")
			.description("Search statements run, by outcome")
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
	 * {@code timedOut}, if PostgreSQL took longer than {@value #TIMEOUT_SECONDS} seconds (a
	 * phrase of very common words at a million posts can).
	 */
	Hits search(SearchTerms terms, @Nullable FilterOption category, @Nullable FilterOption tag, int page,
			int pageSize) {
		StringBuilder filters = new StringBuilder();
		if (category != null) {
			filters.append(" and p.category_id = :category");
		}
		if (tag != null) {
			filters.append(" and exists (select 1 from post_tag pt where pt.post_id = p.id and pt.tag_id = :tag)");
		}
		long[] total = { 0 };
		boolean[] more = { false };
		List<SearchResult> results;
		long started = System.nanoTime();
		try {
			results = this.jdbc.sql(SEARCH.formatted(filters, Visibility.VISIBLE, PostCard.BLOG_COLUMNS))
			.param("q", terms.text())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("category", (category != null) ? category.id() : 0)
			.param("tag", (tag != null) ? tag.id() : 0)
			.param("limit", pageSize)
			.param("offset", (long) (page - 1) * pageSize)
			.param("options", HEADLINE_OPTIONS)
			.param("edge", Snippets.EDGE)
			.param("all", this.rankedAllUpTo)
			.param("newest", this.rankedNewest)
			.query((rs, row) -> {
				total[0] = rs.getLong("total");
				more[0] = rs.getBoolean("more");
				PostCard card = PostCard.fromRow(rs, this.properties.timeZone());
				String headline = rs.getString("snippet");
				// a post that matches only in its title gets its summary rather than the body's first words
				String snippet = (headline.indexOf(Snippets.START) >= 0)
						? Snippets.toHtml(headline, rs.getString("text_start"), rs.getString("text_end"))
						: Snippets.toHtml(card.summary());
				return new SearchResult(card, snippet);
			})
			.list();
		}
		catch (DataAccessException ex) {
			if (ex.getMostSpecificCause() instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
				this.timedOut.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
				return new Hits(List.of(), 0, false, true);
			}
			this.failed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			throw ex;
		}
		this.answered.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		return new Hits(results, total[0], more[0], false);
	}

	/**
	 * One page of results.
	 *
	 * @param results the posts on the page, best first
	 * @param total how many posts were ranked: all that match, unless {@code more}; 0 when
	 * the page is empty
	 * @param more whether more posts match than were ranked (a very common word: only the
	 * newest matches were ranked)
	 * @param timedOut whether the search was cancelled for taking too long
	 */
	record Hits(List<SearchResult> results, long total, boolean more, boolean timedOut) {
	}

}
