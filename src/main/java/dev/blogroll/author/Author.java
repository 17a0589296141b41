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

	public @Nullable Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	/** The author's listing, e.g. {@code /blog/author/marco-palladino}. */
	public String getPath() {
		return SitePaths.author(this.slug);
	}

}
