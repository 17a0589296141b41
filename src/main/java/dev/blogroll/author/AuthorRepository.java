package dev.blogroll.author;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import dev.blogroll.web.SitePaths;

/**
 * Authors for the editors' pages and the post form: by slug, with their post counts.
 */
public interface AuthorRepository extends JpaRepository<Author, Long> {

	Optional<Author> findBySlug(String slug);

	/** Every author with how many posts they have, trashed ones included, by name. */
	@Query(value = """
			select a.id as id, a.name as name, a.slug as slug, count(p.id) as posts
			from author a left join post p on p.author_id = a.id
			group by a.id order by lower(a.name)""", nativeQuery = true)
	List<Row> findAllWithPostCounts();

	@Query(value = "select count(*) from post where author_id = :id", nativeQuery = true)
	long countPosts(long id);

	/** Marks the author's posts as changed, for caches and sitemaps: their pages show the name. */
	@Modifying
	@Query(value = "update post set updated_at = now() where author_id = :id", nativeQuery = true)
	int touchPostsOf(long id);

	/** One author and how many posts they have. */
	interface Row {

		long getId();

		String getName();

		String getSlug();

		long getPosts();

		/** Their listing. */
		default String getPath() {
			return SitePaths.author(getSlug());
		}

	}

}
