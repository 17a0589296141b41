package dev.blogroll.tag;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.blogroll.web.NotFoundException;

/**
 * Tags by slug.
 */
public interface TagRepository extends JpaRepository<Tag, Long> {

	Optional<Tag> findBySlug(String slug);

	Optional<Tag> findByNameIgnoreCase(String name);

	/** The tag with this slug, or a 404 for the reader. */
	default Tag getBySlug(String slug) {
		return findBySlug(slug).orElseThrow(() -> new NotFoundException("There is no tag with the slug " + slug));
	}

}
