package dev.blogroll.search;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.listing.PostCard;

/**
 * The rows of one page of results, read from PostgreSQL whichever engine found them: each
 * post's card and a highlighted snippet. Snippets are built for the page's rows only, because
 * building one reads the whole text of its post: the Markdown body with link targets, markup
 * characters and the two marker characters removed. PostgreSQL's engine asks
 * {@code ts_headline} for them; the Lucene engine reads the text and has Lucene's highlighter
 * mark it in the JVM ({@link LuceneSnippets}), which spares the database the analysis of every
 * post of the page (about 0.9 ms of its CPU a post at a million posts). Either way, the first
 * and last {@link Snippets#EDGE} characters of the text tell whether a snippet starts at its
 * start and ends at its end, and a post that matches only in its title gets its summary instead.
 */
final class SearchRows {

	/** Matches marked by two control characters; see {@link Snippets}. */
	private static final String HEADLINE_OPTIONS = "StartSel=" + Snippets.START + ", StopSel=" + Snippets.STOP
			+ ", MaxWords=30, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=\" … \"";

	/*
	 * %1$s: the common table expressions, "hits" (id, published_at, rank) among them: the page;
	 * %2$s: the card's columns; %3$s: the snippet's columns. Ties of rank go to the newer post.
	 */
	private static final String PAGE = """
			%1$s
			select p.slug, p.title, p.published_at, p.updated_at, p.summary, p.image_url, p.image_alt,
			       c.slug as category_slug, c.name as category_name,
			       a.slug as author_slug, a.name as author_name,
			       %2$s,
			       %3$s
			from hits h
			join post p on p.id = h.id
			join category c on c.id = p.category_id
			join author a on a.id = p.author_id
			cross join lateral (select regexp_replace(regexp_replace(translate(coalesce(p.body, p.summary), e'\\x02\\x03', ''),
			               '!?\\[([^]]*)\\]\\([^)]*\\)', '\\1', 'g'), '[*`~|]+|^[ \\t]*(#{1,6}|>+|[-+]|[0-9]+[.])[ \\t]', ' ', 'gn')
			               as text) t
			order by h.rank desc, h.published_at desc, h.id desc""";

	/* PostgreSQL's snippet, and the text's edges to tell where it was cut. */
	private static final String HEADLINE = """
			ts_headline('english', t.text, (select query from q), :options) as snippet,
			       left(t.text, :edge) as text_start, right(t.text, :edge) as text_end""";

	private static final String QUERY = "with q as materialized (select websearch_to_tsquery('english', :q) as query),\n";

	/*
	 * PostgreSQL's ranking of the matches found, one page of it: ts_rank_cd with normalization 1
	 * (divide by 1 + log(length)) keeps long posts from winning on length alone; weights A/B/C
	 * come from the column itself.
	 */
	private static final String RANKED = """
			select p.id, p.published_at, ts_rank_cd(p.search_vector, q.query, 1) as rank
			from post p cross join q
			where p.id in (:ids)
			order by rank desc, p.published_at desc, p.id desc
			limit :limit offset :offset""";

	/* A page already ranked elsewhere, in its order; a post unpublished since is left out. */
	private static final String IN_ORDER = """
			with hits as (select p.id, p.published_at, -h.place as rank
			from unnest(cast(:ids as bigint[])) with ordinality as h(id, place)
			join post p on p.id = h.id
			where p.status = 'PUBLISHED')""";

	private SearchRows() {
	}

	/** One page of PostgreSQL's ranking of the posts {@code ids}. */
	static List<SearchResult> ranked(JdbcClient jdbc, BlogrollProperties properties, String query, List<Long> ids,
			int limit, long offset) {
		return jdbc.sql(PAGE.formatted(QUERY + "hits as (" + RANKED + ")", PostCard.BLOG_COLUMNS, HEADLINE))
			.param("ids", ids)
			.param("limit", limit)
			.param("offset", offset)
			.param("q", query)
			.param("options", HEADLINE_OPTIONS)
			.param("edge", Snippets.EDGE)
			.query((rs, row) -> result(PostCard.fromRow(rs, properties.timeZone()), rs.getString("snippet"),
					rs.getString("text_start"), rs.getString("text_end")))
			.list();
	}

	/**
	 * The posts {@code ids}, ranked elsewhere, in that order (posts gone since are left out),
	 * with snippets made in the JVM by {@code snippets} from each post's searched text.
	 */
	static List<SearchResult> inOrder(JdbcClient jdbc, BlogrollProperties properties, LuceneSnippets snippets,
			List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(PAGE.formatted(IN_ORDER, PostCard.BLOG_COLUMNS, "t.text"))
			.param("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs, row) -> {
				String text = rs.getString("text");
				return result(PostCard.fromRow(rs, properties.timeZone()), snippets.headline(text),
						text.substring(0, Math.min(text.length(), Snippets.EDGE)),
						text.substring(Math.max(0, text.length() - Snippets.EDGE)));
			})
			.list();
	}

	/** The card with its snippet: the headline if it marks a match, else the post's summary. */
	private static SearchResult result(PostCard card, @Nullable String headline, String textStart, String textEnd) {
		String snippet = (headline != null && headline.indexOf(Snippets.START) >= 0)
				? Snippets.toHtml(headline, textStart, textEnd) : Snippets.toHtml(card.summary());
		return new SearchResult(card, snippet);
	}

}
