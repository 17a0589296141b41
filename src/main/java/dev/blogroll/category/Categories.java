package dev.blogroll.category;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.content.ContentVersion;
import dev.blogroll.content.Kept;
import dev.blogroll.content.Visibility;
import dev.blogroll.web.NotFoundException;

/**
 * The categories as readers' pages read them, in the editors' order: every page's navigation
 * shows them and a category listing starts by finding its own, so they are read once and kept
 * until the content changes (a site has a few dozen categories at most). Whether a category
 * has posts readers can see is read with them (one index probe each), so that the
 * navigation never links an empty one; a scheduled post coming due changes the content
 * version, so that answer is never stale.
 */
@Component
public class Categories {

	private static final String ALL = "all";

	private static final String READ = """
			select c.id, c.slug, c.name, c.description, c.updated_at, c.nav_position, c.in_navigation,
			       exists (select 1 from post p where p.category_id = c.id and %s) as has_posts
			from category c order by c.nav_position, c.name""".formatted(Visibility.VISIBLE);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Kept<String, List<CategoryInfo>> kept;

	Categories(JdbcClient jdbc, Clock clock, ContentVersion contentVersion) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.kept = contentVersion.keeper(4L << 20, (key, categories) -> 256L * (categories.size() + 1));
	}

	/** Every category, in the editors' order (then by name), empty ones included. */
	public List<CategoryInfo> all() {
		return this.kept.get(ALL, (key) -> this.jdbc.sql(READ)
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, row) -> new CategoryInfo(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("nav_position"),
					rs.getBoolean("in_navigation"), rs.getBoolean("has_posts")))
			.list());
	}

	/** The categories readers can browse: those with posts, in the editors' order. */
	public List<CategoryInfo> withPosts() {
		return all().stream().filter(CategoryInfo::hasPosts).toList();
	}

	public Optional<CategoryInfo> find(String slug) {
		return all().stream().filter((category) -> category.slug().equals(slug)).findFirst();
	}

	/** The category with this slug, or a 404 for the reader. */
	public CategoryInfo get(String slug) {
		return find(slug).orElseThrow(() -> new NotFoundException("There is no category called “" + slug + "”."));
	}

}
