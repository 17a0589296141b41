package dev.blogroll.category;

import java.time.Instant;

import dev.blogroll.web.SitePaths;

/**
 * A category as readers' pages show it: the navigation, a listing's heading, a card's label.
 *
 * @param id its key
 * @param slug its URL segment
 * @param name what readers see
 * @param description the listing's introduction, possibly empty
 * @param updatedAt when an editor last changed it
 * @param position where editors put it in the navigation, smallest first
 * @param inNavigation whether the header shows it (editors choose; the phone menu, footer
 * and home page show every category with posts)
 * @param hasPosts whether readers can see any of its posts now; empty categories are not
 * linked from the navigation
 */
public record CategoryInfo(long id, String slug, String name, String description, Instant updatedAt, int position,
		boolean inNavigation, boolean hasPosts) {

	/** Its listing's first page. */
	public String path() {
		return SitePaths.category(this.slug);
	}

}
