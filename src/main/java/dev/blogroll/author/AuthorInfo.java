package dev.blogroll.author;

import org.jspecify.annotations.Nullable;

import dev.blogroll.web.SitePaths;

/**
 * An author as readers' pages show them.
 *
 * @param id their key
 * @param slug their URL segment
 * @param name what readers see
 * @param bio a sentence or two about them, possibly empty
 * @param avatarUrl their picture, an https address, if an editor set one
 */
public record AuthorInfo(long id, String slug, String name, String bio, @Nullable String avatarUrl) {

	/** Their listing's first page. */
	public String path() {
		return SitePaths.author(this.slug);
	}

}
