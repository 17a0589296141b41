package dev.blogroll.listing;

import org.jspecify.annotations.Nullable;

/**
 * Which posts a listing shows: all of them, or those of one category, tag or author.
 * Each kind has its own SQL so that PostgreSQL can serve it from its own index.
 */
public sealed interface ListingFilter {

	/** Joins and conditions added to the listing query; {@code :id} is the filter's id. */
	String sql();

	long id();

	/**
	 * The listing's kind in the {@code listing_count} table, or {@code null} if its posts are
	 * not counted there (authors and tags, small listings), in which case its pages are read
	 * with OFFSET.
	 */
	@Nullable String countedAs();

	record All() implements ListingFilter {

		@Override
		public String sql() {
			return "";
		}

		@Override
		public long id() {
			return 0;
		}

		@Override
		public String countedAs() {
			return "all";
		}

	}

	record ByCategory(long id) implements ListingFilter {

		@Override
		public String sql() {
			return " and p.category_id = :id";
		}

		@Override
		public String countedAs() {
			return "category";
		}

	}

	record ByAuthor(long id) implements ListingFilter {

		@Override
		public String sql() {
			return " and p.author_id = :id";
		}

		@Override
		public @Nullable String countedAs() {
			return null;
		}

	}

	record ByTag(long id) implements ListingFilter {

		@Override
		public String sql() {
			return " and exists (select 1 from post_tag pt where pt.post_id = p.id and pt.tag_id = :id)";
		}

		@Override
		public @Nullable String countedAs() {
			return null;
		}

	}

}
