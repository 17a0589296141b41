package dev.blogroll.author;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.jspecify.annotations.Nullable;

import dev.blogroll.text.Slugs;
import dev.blogroll.web.SitePaths;

/**
 * A person who writes posts, known by name; the slug is derived from the name.
 */
@Entity
public class Author {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true, length = 80)
	private String slug;

	@Column(nullable = false, unique = true, length = 200)
	private String name;

	/** A sentence or two about them, shown on their page; may be empty. */
	@Column(nullable = false, length = 500)
	private String bio = "";

	/** Their picture, an https address; null if none. */
	@Column(name = "avatar_url", length = 2000)
	private @Nullable String avatarUrl;

	public Author(String name) {
		this.name = name.strip();
		this.slug = Slugs.slugify(this.name);
		if (this.slug.isEmpty()) {
			throw new IllegalArgumentException("An author's name needs at least one letter or digit");
		}
	}

	protected Author() {
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

	/**
	 * Sets what their page says of them.
	 * @param bio at most 500 characters, possibly empty
	 * @param avatarUrl an https address, or null for none
	 */
	public void describe(String bio, @Nullable String avatarUrl) {
		if (avatarUrl != null && !avatarUrl.regionMatches(true, 0, "https://", 0, 8)) {
			throw new IllegalArgumentException("An avatar is an https address");
		}
		this.bio = bio.strip();
		this.avatarUrl = avatarUrl;
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

	public String getBio() {
		return this.bio;
	}

	public @Nullable String getAvatarUrl() {
		return this.avatarUrl;
	}

	/** The author's listing, e.g. {@code /blog/author/marco-palladino}. */
	public String getPath() {
		return SitePaths.author(this.slug);
	}

}
