package dev.blogroll.category;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Categories for the editors' pages and the post form; readers' pages read them through
 * {@link Categories}.
 */
public interface CategoryRepository extends JpaRepository<Category, Long> {

	Optional<Category> findBySlug(String slug);

	List<Category> findAllByOrderByNameAsc();

	/** Every category in the navigation's order: by position, then by name. */
	List<Category> findAllByOrderByPositionAscNameAsc();

	/** Where a new category goes: after every other. */
	@Query(value = "select coalesce(max(nav_position), 0) + 1 from category", nativeQuery = true)
	int nextPosition();

	/**
	 * Locks every category row, in one order, so that two editors reordering at once take
	 * turns rather than interleave their renumbering.
	 */
	@Query(value = "select id from category order by id for update", nativeQuery = true)
	List<Long> lockAll();

	@Query(value = "select count(*) from post where category_id = :id", nativeQuery = true)
	long countPosts(long id);

	@Query(value = "select category_id as id, count(*) as posts from post group by category_id", nativeQuery = true)
	List<PostCount> countPostsByCategory();

	/** How many posts, trashed ones included, each category with any has, by id. */
	default Map<Long, Long> postCounts() {
		return countPostsByCategory().stream().collect(Collectors.toMap(PostCount::getId, PostCount::getPosts));
	}

	/** A category's number of posts. */
	interface PostCount {

		long getId();

		long getPosts();

	}

}
