package dev.blogroll.category;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.blogroll.web.NotFoundException;

/**
 * Categories by slug.
 */
public interface CategoryRepository extends JpaRepository<Category, Long> {

	Optional<Category> findBySlug(String slug);

	List<Category> findAllByOrderByNameAsc();

	/** The category with this slug, or a 404 for the reader. */
	default Category getBySlug(String slug) {
		return findBySlug(slug).orElseThrow(() -> new NotFoundException("There is no category called “" + slug + "”."));
	}

}
