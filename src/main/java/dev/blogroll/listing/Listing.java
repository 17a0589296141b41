package dev.blogroll.listing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a listing, as the listing template renders it.
 *
 * @param heading the listing's name ("Engineering")
 * @param description the text under the heading, if any
 * @param cards the posts on this page
 * @param pagination the page links
 */
record Listing(String heading, @Nullable String description, List<PostCard> cards, Pagination pagination) {

	/** The page's title, without the site name: {@code Engineering – Page 17 of 20}. */
	public String title() {
		if (this.pagination.current() == 1) {
			return this.heading;
		}
		return this.heading + " – Page " + this.pagination.current() + " of " + this.pagination.last();
	}

}
