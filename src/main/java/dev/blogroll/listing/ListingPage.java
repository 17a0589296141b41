package dev.blogroll.listing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

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
	 * What the header says of the listing's size, for tags and authors ("1 post", "1,234
	 * posts"); null where the page does not say (every post, categories).
	 */
	public @Nullable String count() {
		if (!this.listing.kind().showsCount()) {
			return null;
		}
		return String.format(Locale.ENGLISH, "%,d %s", this.total, (this.total == 1) ? "post" : "posts");
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
