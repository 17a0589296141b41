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

	/** Where it stands in the navigation, smallest first (ties by name). */
	@Column(name = "nav_position", nullable = false)
	private int position;

	/** Whether the header shows it; the phone menu, footer and home page show every category. */
	@Column(name = "in_navigation", nullable = false)
	private boolean inNavigation = true;

	public Category(String name, String slug, String description) {
		this(name, slug, description, 0);
	}

	/** A new category at {@code position} in the navigation, shown in the header. */
	public Category(String name, String slug, String description, int position) {
		if (!isAllowedSlug(slug)) {
			throw new IllegalArgumentException("'" + slug + "' cannot name a category");
		}
		this.name = name;
		this.slug = slug;
		this.description = description;
		this.position = position;
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

	/** Puts it at {@code position} in the navigation. */
	void moveTo(int position) {
		this.position = position;
	}

	/** Shows it in the header, or leaves it to the phone menu, footer and home page. */
	void showInHeader(boolean shown) {
		this.inNavigation = shown;
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

	public int getPosition() {
		return this.position;
	}

	public boolean isInNavigation() {
		return this.inNavigation;
	}

	/** The category's listing, e.g. {@code /blog/engineering}. */
	public String getPath() {
		return SitePaths.category(this.slug);
	}

}
