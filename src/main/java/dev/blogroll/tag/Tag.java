package dev.blogroll.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.jspecify.annotations.Nullable;

import dev.blogroll.text.Slugs;
import dev.blogroll.web.SitePaths;

/**
 * A topic ("API Gateway"); the slug is derived from the name. Featured tags appear, in
 * rank order, in the tag strip under the site header.
 */
@Entity
public class Tag {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true, length = 80)
	private String slug;

	@Column(nullable = false, length = 80)
	private String name;

	private @Nullable Integer featuredRank;

	public Tag(String name) {
		this.name = name.strip();
		this.slug = Slugs.slugify(this.name);
		if (this.slug.isEmpty()) {
			throw new IllegalArgumentException("A tag's name needs at least one letter or digit");
		}
	}

	protected Tag() {
		// for JPA
	}

	/** Renames it; the slug follows the name. */
	public void rename(String name) {
		String slug = Slugs.slugify(name);
		if (slug.isEmpty()) {
			throw new IllegalArgumentException("A name needs at least one letter or digit");
		}
		this.name = name.strip();
		this.slug = slug;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable Integer getFeaturedRank() {
		return this.featuredRank;
	}

	/** The tag's listing, e.g. {@code /blog/tag/api-gateway}. */
	public String getPath() {
		return SitePaths.tag(this.slug);
	}

}
