package dev.blogroll.tag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.content.ContentVersion;
import dev.blogroll.content.Kept;
import dev.blogroll.web.NotFoundException;

/**
 * The tags as readers' pages read them: the featured ones for the tag strip every page shows,
 * all of them for the search filter (both kept until the content changes), and one by slug
 * for its listing.
 */
@Component
public class Tags {

	private final JdbcClient jdbc;

	private final Kept<String, Featured> featured;

	private final Kept<String, List<TagInfo>> all;

	Tags(JdbcClient jdbc, ContentVersion contentVersion) {
		this.jdbc = jdbc;
		this.featured = contentVersion.keeper(1L << 20, (key, tags) -> 256L * (tags.tags().size() + 1));
		this.all = contentVersion.keeper(64L << 20, (key, tags) -> 160L * (tags.size() + 1));
	}

	/** The featured tags in their editorial order, and when any tag last changed. */
	public Featured featured() {
		return this.featured.get("featured", (key) -> {
			List<TagInfo> tags = this.jdbc
				.sql("select id, slug, name from tag where featured_rank is not null order by featured_rank")
				.query(TagInfo.class)
				.list();
			return new Featured(tags, this.jdbc.sql("select max(updated_at) from tag").query(Instant.class).single());
		});
	}

	/** Every tag, by name. */
	public List<TagInfo> all() {
		return this.all.get("all", (key) -> this.jdbc.sql("select id, slug, name from tag order by name")
			.query(TagInfo.class)
			.list());
	}

	public Optional<TagInfo> find(String slug) {
		return this.jdbc.sql("select id, slug, name from tag where slug = :slug")
			.param("slug", slug)
			.query(TagInfo.class)
			.optional();
	}

	/** The tag with this slug, or a 404 for the reader. */
	public TagInfo get(String slug) {
		return find(slug).orElseThrow(() -> new NotFoundException("There is no tag with the slug " + slug));
	}

	/**
	 * The tag strip.
	 *
	 * @param tags the featured tags, in order
	 * @param changedAt when any tag was last created or changed
	 */
	public record Featured(List<TagInfo> tags, @Nullable Instant changedAt) {
	}

}
