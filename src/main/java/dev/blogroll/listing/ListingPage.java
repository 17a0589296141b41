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
 * @param total how many posts the listing has in all
 * @param membershipChanged when a post last joined or left the listing, if ever
 */
record ListingPage(Listing listing, List<PostCard> cards, Pagination pagination, long total,
		@Nullable Instant membershipChanged) implements PageModel {

	/** The listing's name ("Engineering"). */
	public String heading() {
		return this.listing.heading();
	}

	/** The listing's picture (an author's avatar), or null. */
	public @Nullable String image() {
		return this.listing.image();
	}

	/** The text under the heading, or null if there is none. */
	public @Nullable String description() {
		return this.listing.description().isBlank() ? null : this.listing.description();
	}

	/** The blog's own site, for the listing of a blog; null otherwise. */
	public @Nullable String siteUrl() {
		return this.listing.subject().siteUrl();
	}

	/**
	 * How many posts the header says the listing has, for tags and authors (worded by the
	 * template, "1 post", "1,234 posts"); null where the page does not say (every post,
	 * categories).
	 */
	public @Nullable Long count() {
		return this.listing.kind().showsCount() ? this.total : null;
	}

	@Override
	public @Nullable Instant lastModified() {
		return PostCard.lastChange(this.membershipChanged, this.cards);
	}

}
