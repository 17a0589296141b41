package dev.blogroll.author;

import dev.blogroll.web.SitePaths;

/**
 * An author as readers' pages show them.
 *
 * @param id their key
 * @param slug their URL segment
 * @param name what readers see
 */
public record AuthorInfo(long id, String slug, String name) {

	/** Their listing's first page. */
	public String path() {
		return SitePaths.author(this.slug);
	}

}
