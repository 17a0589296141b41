package dev.blogroll.post;

import java.time.ZoneId;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.author.AuthorRepository;
import dev.blogroll.category.CategoryRepository;

/**
 * What the post form offers to choose from (categories and authors by name) and the zone its
 * times are in, for every controller that shows the form: new and edit, the preview without the
 * script, and a revision about to be restored.
 */
@Component
class PostFormChoices {

	private final CategoryRepository categories;

	private final AuthorRepository authors;

	private final ZoneId zone;

	PostFormChoices(CategoryRepository categories, AuthorRepository authors, BlogrollProperties properties) {
		this.categories = categories;
		this.authors = authors;
		this.zone = properties.timeZone();
	}

	void addTo(Model model) {
		model.addAttribute("categories", this.categories.findAllByOrderByNameAsc());
		model.addAttribute("authors", this.authors.findAll(Sort.by("name")));
		model.addAttribute("timeZone", this.zone.getId());
	}

}
