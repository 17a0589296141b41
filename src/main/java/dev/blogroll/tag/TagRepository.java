package dev.blogroll.tag;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import dev.blogroll.web.SitePaths;

/**
 * Tags for the editors' pages and the post form: by slug, with their post counts, and the
 * statements that move a tag's posts.
 */
public interface TagRepository extends JpaRepository<Tag, Long> {

	Optional<Tag> findBySlug(String slug);

	/** Every tag with how many posts carry it, by name. */
	@Query(value = """
			select t.id as id, t.name as name, t.slug as slug, count(pt.post_id) as posts
			from tag t left join post_tag pt on pt.tag_id = t.id
			group by t.id order by lower(t.name)""", nativeQuery = true)
	List<Row> findAllWithPostCounts();

	@Query(value = "select count(*) from post_tag where tag_id = :id", nativeQuery = true)
	long countPosts(long id);

	/**
	 * Marks the tag's posts as changed, for caches and sitemaps: their pages show the tag.
	 */
	@Modifying
	@Query(value = "update post set updated_at = now() where id in (select post_id from post_tag where tag_id = :id)",
			nativeQuery = true)
	int touchPostsOf(long id);

	/** Gives every post of tag {@code id} the tag {@code into} as well. */
	@Modifying
	@Query(value = """
			insert into post_tag (post_id, tag_id) select post_id, :into from post_tag where tag_id = :id
			on conflict do nothing""", nativeQuery = true)
	int addToPostsOf(long id, long into);

	@Modifying
	@Query(value = "delete from post_tag where tag_id = :id", nativeQuery = true)
	int removeFromPosts(long id);

	/** One tag and how many posts carry it. */
	interface Row {

		long getId();

		String getName();

		String getSlug();

		long getPosts();

		/** Its listing. */
		default String getPath() {
			return SitePaths.tag(getSlug());
		}

	}

}
