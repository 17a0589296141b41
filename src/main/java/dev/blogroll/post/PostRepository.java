package dev.blogroll.post;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Posts by slug, with what the post page shows loaded in one query.
 */
public interface PostRepository extends JpaRepository<Post, Long> {

	@EntityGraph(attributePaths = { "category", "author", "tags" })
	Optional<Post> findBySlug(String slug);

}
