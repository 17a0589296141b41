package dev.blogroll.author;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.blogroll.web.NotFoundException;

/**
 * Authors by slug.
 */
public interface AuthorRepository extends JpaRepository<Author, Long> {

	Optional<Author> findBySlug(String slug);

	Optional<Author> findByName(String name);

	/** The author with this slug, or a 404 for the reader. */
	default Author getBySlug(String slug) {
		return findBySlug(slug).orElseThrow(() -> new NotFoundException("There is no author with the slug " + slug));
	}

}
