package dev.blogroll.listing;

/**
 * Which posts a listing shows: all of them, or those of one category, tag or author.
 * Each kind has its own SQL so that PostgreSQL can serve it from its own index.
 */
public sealed interface ListingFilter {

	/** Joins and conditions added to the listing query; {@code :id} is the filter's id. */
	String sql();

	long id();

	record All() implements ListingFilter {

		@Override
		public String sql() {
			return "";
		}

		@Override
		public long id() {
			return 0;
		}

	}

	record ByCategory(long id) implements ListingFilter {

		@Override
		public String sql() {
			return " and p.category_id = :id";
		}

	}

	record ByAuthor(long id) implements ListingFilter {

		@Override
		public String sql() {
			return " and p.author_id = :id";
		}

	}

	record ByTag(long id) implements ListingFilter {

		@Override
		public String sql() {
			return " and exists (select 1 from post_tag pt where pt.post_id = p.id and pt.tag_id = :id)";
		}

	}

}
