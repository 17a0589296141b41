package dev.blogroll.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

import dev.blogroll.text.Slugs;

/**
 * The category form, and the checks it passes before it is saved.
 *
 * @param name what readers see
 * @param slug its URL segment; made from the name when blank
 * @param description the text under the listing's heading
 */
record CategoryForm(
		@NotBlank(message = "Enter a name.") @Size(max = 100, message = "Keep the name under 100 characters.") String name,
		@Size(max = 80, message = "A slug has at most 80 characters.") @Nullable String slug,
		@Size(max = 500, message = "Keep the description under 500 characters.") @Nullable String description) {

	String resolvedSlug() {
		return (this.slug == null || this.slug.isBlank()) ? Slugs.slugify(this.name) : this.slug.strip();
	}

	String descriptionOrEmpty() {
		return (this.description == null) ? "" : this.description.strip();
	}

	/**
	 * Rejects into {@code result} what the database would refuse or readers would trip over: a
	 * malformed or reserved slug, a slug or name another category has.
	 * @param id the category being edited, {@code null} for a new one
	 */
	void check(@Nullable Long id, CategoryRepository categories, BindingResult result) {
		String slug = resolvedSlug();
		if (!result.hasFieldErrors("name") && !Slugs.isValid(slug)) {
			result.rejectValue("slug", "slug.format", "Use lower-case letters, digits and single hyphens, at most 80 characters.");
		}
		else if (Category.RESERVED_SLUGS.contains(slug)) {
			result.rejectValue("slug", "slug.reserved", "“" + slug + "” is a word the site's URLs use; choose another slug.");
		}
		else {
			categories.findBySlug(slug)
				.filter((other) -> !other.getId().equals(id))
				.ifPresent((other) -> result.rejectValue("slug", "slug.taken",
						"The category “" + other.getName() + "” already uses this slug."));
		}
		categories.findAll()
			.stream()
			.filter((other) -> other.getName().equalsIgnoreCase(this.name.strip()) && !other.getId().equals(id))
			.findFirst()
			.ifPresent((other) -> result.rejectValue("name", "name.taken", "There is already a category with this name."));
	}

}
