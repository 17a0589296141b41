package dev.blogroll.listing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.blogroll.web.PageModel;

/**
 * One page of a listing, as the listing template renders it.
 *
 * @param listing which listing
 * @param cards the posts on this page
 * @param pagination the page links
 * @param membershipChanged when a post last joined or left the listing, if ever
 */
record ListingPage(Listing listing, List<PostCard> cards, Pagination pagination,
		@Nullable Instant membershipChanged) implements PageModel {

	/** The listing's name ("Engineering"). */
	public String heading() {
		return this.listing.heading();
	}

	/** The text under the heading, or null if there is none. */
	public @Nullable String description() {
		return this.listing.description().isBlank() ? null : this.listing.description();
	}

	/** The blog's own site, for the listing of a blog; null otherwise. */
	public @Nullable String siteUrl() {
		return this.listing.subject().siteUrl();
	}

	/** The page's title, without the site name: {@code Engineering – Page 17 of 20}. */
	public String title() {
		if (this.pagination.current() == 1) {
			return heading();
		}
		return heading() + " – Page " + this.pagination.current() + " of " + this.pagination.last();
	}

	@Override
	public @Nullable Instant lastModified() {
		return PostCard.lastChange(this.membershipChanged, this.cards);
	}

}
