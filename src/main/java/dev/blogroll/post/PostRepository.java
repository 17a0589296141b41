package dev.blogroll.post;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Posts by slug, with what the post page shows loaded in one query.
 */
public interface PostRepository extends JpaRepository<Post, Long> {

	@EntityGraph(attributePaths = { "category", "author", "tags" })
	Optional<Post> findBySlug(String slug);

	@EntityGraph(attributePaths = { "category", "author", "tags" })
	Optional<Post> findWithEverythingById(long id);

	/** The post that used to have this slug, before an editor changed it. */
	@Query(value = "select post_id from post_old_slug where slug = :slug", nativeQuery = true)
	Optional<Long> findIdByOldSlug(String slug);

}
