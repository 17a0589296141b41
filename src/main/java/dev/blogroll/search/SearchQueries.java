package dev.blogroll.search;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.listing.PostCard;

/**
 * Runs searches: one statement finds the visible posts that match (through the GIN index on
 * {@code post.search_vector}), ranks them by relevance with recency as tie-break, counts them,
 * keeps one page, and only then builds the highlighted snippets of that page's posts, because
 * {@code ts_headline} reads the whole text of each post it is given.
 */
@Component
class SearchQueries {

	/** Matches marked by two control characters; see {@link Snippets}. */
	private static final String HEADLINE_OPTIONS = "StartSel=" + Snippets.START + ", StopSel=" + Snippets.STOP
			+ ", MaxWords=30, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=\" … \"";

	/*
	 * Notes on the statement:
	 * - the query is parsed once (a materialized CTE), not once per row;
	 * - a query with no positive word ("-kong", or only stop words) has querytree 'T' and would
	 *   need a scan of every post; the one-time filter turns it into no results instead;
	 * - ts_rank_cd with normalization 1 (divide by 1 + log(length)) keeps long posts from winning
	 *   on length alone; weights A/B/C come from the column itself;
	 * - count(*) over () is computed before the limit, so the page and the total cost one scan;
	 * - the snippet is made from the Markdown body with link targets and markup characters
	 *   removed, and without the two marker characters.
	 */
	private static final String SEARCH = """
			with q as materialized (select websearch_to_tsquery('english', :q) as query),
			hits as (
			  select p.id, p.published_at, ts_rank_cd(p.search_vector, q.query, 1) as rank,
			         count(*) over () as total
			  from q join post p on p.search_vector @@ q.query
			  where (select querytree(query) from q) not in ('T', '')
			    and p.status = 'PUBLISHED' and p.published_at <= :now%s
			  order by rank desc, p.published_at desc, p.id desc
			  limit :limit offset :offset
			)
			select h.total, p.slug, p.title, p.published_at, p.updated_at, p.summary, p.image_url, p.image_alt,
			       c.slug as category_slug, c.name as category_name,
			       a.slug as author_slug, a.name as author_name,
			       ts_headline('english',
			           regexp_replace(regexp_replace(translate(coalesce(p.body, p.summary), e'\\x02\\x03', ''),
			               '!?\\[([^]]*)\\]\\([^)]*\\)', '\\1', 'g'), '[*`~|]+|^[ \\t]*(#{1,6}|>+|[-+]|[0-9]+[.])[ \\t]', ' ', 'gn'),
			           q.query, :options) as snippet
			from hits h
			join post p on p.id = h.id
			join category c on c.id = p.category_id
			join author a on a.id = p.author_id
			cross join q
			order by h.rank desc, h.published_at desc, h.id desc""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BlogrollProperties properties;

	SearchQueries(JdbcClient jdbc, Clock clock, BlogrollProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** Every category and tag results can be narrowed to, by name; one statement. */
	FilterOptions filterOptions() {
		List<FilterOption> categories = new ArrayList<>();
		List<FilterOption> tags = new ArrayList<>();
		this.jdbc.sql("""
				select 'category' as kind, id, slug, name from category
				union all
				select 'tag', id, slug, name from tag
				order by kind, name""").query((ResultSet rs) -> {
			FilterOption option = new FilterOption(rs.getLong("id"), rs.getString("slug"), rs.getString("name"));
			("category".equals(rs.getString("kind")) ? categories : tags).add(option);
		});
		return new FilterOptions(categories, tags);
	}

	/** One page, numbered from 1, of the visible posts matching {@code terms}. */
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
		List<SearchResult> results = this.jdbc.sql(SEARCH.formatted(filters))
			.param("q", terms.text())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("category", (category != null) ? category.id() : 0)
			.param("tag", (tag != null) ? tag.id() : 0)
			.param("limit", pageSize)
			.param("offset", (long) (page - 1) * pageSize)
			.param("options", HEADLINE_OPTIONS)
			.query((rs, row) -> {
				total[0] = rs.getLong("total");
				PostCard card = PostCard.fromRow(rs, this.properties.timeZone());
				String headline = rs.getString("snippet");
				// a post that matches only in its title gets its summary rather than the body's first words
				String snippet = (headline.indexOf(Snippets.START) >= 0) ? headline : card.summary();
				return new SearchResult(card, Snippets.toHtml(snippet));
			})
			.list();
		return new Hits(results, total[0]);
	}

	/**
	 * The categories and tags a search can be narrowed to.
	 *
	 * @param categories every category, by name
	 * @param tags every tag, by name
	 */
	record FilterOptions(List<FilterOption> categories, List<FilterOption> tags) {
	}

	/**
	 * One page of results.
	 *
	 * @param results the posts on the page, best first
	 * @param total how many posts match in all; 0 when the page is empty
	 */
	record Hits(List<SearchResult> results, long total) {
	}

}
