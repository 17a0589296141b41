package dev.blogroll.tag;

import dev.blogroll.web.SitePaths;

/**
 * A tag as readers' pages show it.
 *
 * @param id its key
 * @param slug its URL segment
 * @param name what readers see
 */
public record TagInfo(long id, String slug, String name) {

	/** Its listing's first page. */
	public String path() {
		return SitePaths.tag(this.slug);
	}

}
