package dev.blogroll.category;

import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.jspecify.annotations.Nullable;

import dev.blogroll.text.Slugs;
import dev.blogroll.web.SitePaths;

/**
 * A section of the blog ("Engineering"). Its slug is the first URL segment after
 * {@code /blog}, so it may not be one of the words those URLs use themselves.
 */
@Entity
public class Category {

	/** URL words under {@code /blog} that can never name a category. */
	public static final Set<String> RESERVED_SLUGS = Set.of("page", "tag", "tags", "author", "authors", "feed",
			"search", "admin", "category", "categories", "sitemap", "rss", "atom", "api", "static", "css", "js",
			"images", "source", "sources", "blogs");

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true, length = 80)
	private String slug;

	@Column(nullable = false, unique = true, length = 100)
	private String name;

	@Column(nullable = false, length = 500)
	private String description;

	public Category(String name, String slug, String description) {
		if (!isAllowedSlug(slug)) {
			throw new IllegalArgumentException("'" + slug + "' cannot name a category");
		}
		this.name = name;
		this.slug = slug;
		this.description = description;
	}

	protected Category() {
		// for JPA
	}

	/** Changes what the category is called and what its listing says. */
	public void change(String name, String slug, String description) {
		if (!isAllowedSlug(slug)) {
			throw new IllegalArgumentException("'" + slug + "' cannot name a category");
		}
		this.name = name;
		this.slug = slug;
		this.description = description;
	}

	/** Whether a category may use this slug: well-formed and not a reserved URL word. */
	public static boolean isAllowedSlug(String slug) {
		return Slugs.isValid(slug) && !RESERVED_SLUGS.contains(slug);
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

	public String getDescription() {
		return this.description;
	}

	/** The category's listing, e.g. {@code /blog/engineering}. */
	public String getPath() {
		return SitePaths.category(this.slug);
	}

}
