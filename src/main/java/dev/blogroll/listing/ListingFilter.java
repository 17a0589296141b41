package dev.blogroll.listing;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * Which posts a listing shows: conditions on a post {@code p}, appended to the listing's
 * statements after the visibility rule, with the named parameters they use. Each kind has its
 * own conditions so that PostgreSQL can serve it from its own index ({@link ListingKind}).
 *
 * @param sql the conditions, each starting with {@code and}; empty for every post
 * @param params the values of the named parameters in {@code sql}
 * @param countedAs the listing's kind in {@code listing_count}, or {@code null} if its posts
 * are not counted there (authors and blogs, small listings), in which case its pages are read
 * with OFFSET
 * @param countedId the listing's id in {@code listing_count} (0 for every post)
 * @param keys for a counted listing, a statement selecting its published posts (scheduled ones
 * included) as {@code published_at, id}, which an index yields newest first, with parameters
 * from {@code params}: its pages and its count are read from it; empty for a listing not counted
 * @param countedBy the unit of {@code listing_count} a page is found by ({@link DayCounts}):
 * {@code day} for every post and a category, {@code month} for a tag (a tag's day holds a few
 * posts, and counting them cost more than it saved, V96); empty for a listing not counted
 */
public record ListingFilter(String sql, Map<String, Object> params, @Nullable String countedAs, long countedId,
		String keys, String countedBy) {

	public ListingFilter {
		params = Map.copyOf(params);
	}

	/**
	 * A listing whose posts are counted by day in {@code listing_count}, read from an index of
	 * {@code post} (every post: {@code post_listing_all}; a category: {@code post_listing_category}).
	 */
	static ListingFilter countedByDay(String sql, Map<String, Object> params, String countedAs, long countedId) {
		return new ListingFilter(sql, params, countedAs, countedId,
				"select p.published_at, p.id from post p where p.status = 'PUBLISHED'" + sql, "day");
	}

	/**
	 * A listing counted by month whose posts' keys are read from {@code keys}, not from
	 * {@code post}.
	 */
	static ListingFilter countedByMonth(String sql, Map<String, Object> params, String countedAs, long countedId,
			String keys) {
		return new ListingFilter(sql, params, countedAs, countedId, keys, "month");
	}

	/** A listing read with {@code count(*)} and OFFSET. */
	static ListingFilter uncounted(String sql, Map<String, Object> params) {
		return new ListingFilter(sql, params, null, 0, "", "");
	}

	/** Binds the filter's parameters to a statement that uses its conditions. */
	public StatementSpec bind(StatementSpec statement) {
		StatementSpec bound = statement;
		for (Map.Entry<String, Object> param : this.params.entrySet()) {
			bound = bound.param(param.getKey(), param.getValue());
		}
		return bound;
	}

}
