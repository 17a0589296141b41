package dev.blogroll.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

import dev.blogroll.text.Slugs;
import dev.blogroll.web.SiteLocale;

/**
 * The category form, and the checks it passes before it is saved.
 *
 * @param name what readers see
 * @param slug its URL segment; made from the name when blank
 * @param description the text under the listing's heading
 */
record CategoryForm(
		@NotBlank(message = "{category.name.required}") @Size(max = 100, message = "{category.name.tooLong}") String name,
		@Size(max = 80, message = "{post.slug.tooLong}") @Nullable String slug,
		@Size(max = 500, message = "{category.description.tooLong}") @Nullable String description) {

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
	void check(@Nullable Long id, CategoryRepository categories, BindingResult result, SiteLocale words) {
		String slug = resolvedSlug();
		if (!result.hasFieldErrors("name") && !Slugs.isValid(slug)) {
			result.rejectValue("slug", "slug.format", words.text("category.slug.format"));
		}
		else if (Category.RESERVED_SLUGS.contains(slug)) {
			result.rejectValue("slug", "slug.reserved", words.text("category.slug.reserved", slug));
		}
		else {
			categories.findBySlug(slug)
				.filter((other) -> !other.getId().equals(id))
				.ifPresent((other) -> result.rejectValue("slug", "slug.taken",
						words.text("category.slug.taken", other.getName())));
		}
		categories.findAll()
			.stream()
			.filter((other) -> other.getName().equalsIgnoreCase(this.name.strip()) && !other.getId().equals(id))
			.findFirst()
			.ifPresent((other) -> result.rejectValue("name", "name.taken", words.text("category.name.taken")));
	}

}
