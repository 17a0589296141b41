package dev.blogroll.category;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.content.ContentVersion;
import dev.blogroll.content.Kept;
import dev.blogroll.web.NotFoundException;

/**
 * The categories as readers' pages read them: every page's navigation shows them all and a
 * category listing starts by finding its own, so they are read once and kept until the
 * content changes (a site has a few dozen categories at most).
 */
@Component
public class Categories {

	private static final String ALL = "all";

	private final JdbcClient jdbc;

	private final Kept<String, List<CategoryInfo>> kept;

	Categories(JdbcClient jdbc, ContentVersion contentVersion) {
		this.jdbc = jdbc;
		this.kept = contentVersion.keeper(4L << 20, (key, categories) -> 256L * (categories.size() + 1));
	}

	/** Every category, by name. */
	public List<CategoryInfo> all() {
		return this.kept.get(ALL, (key) -> this.jdbc
			.sql("select id, slug, name, description, updated_at from category order by name")
			.query((rs, row) -> new CategoryInfo(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description"), rs.getTimestamp("updated_at").toInstant()))
			.list());
	}

	public Optional<CategoryInfo> find(String slug) {
		return all().stream().filter((category) -> category.slug().equals(slug)).findFirst();
	}

	/** The category with this slug, or a 404 for the reader. */
	public CategoryInfo get(String slug) {
		return find(slug).orElseThrow(() -> new NotFoundException("There is no category called “" + slug + "”."));
	}

}
