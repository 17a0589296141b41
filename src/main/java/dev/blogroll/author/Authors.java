package dev.blogroll.author;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.web.NotFoundException;

/**
 * Authors as readers' pages read them.
 */
@Component
public class Authors {

	private final JdbcClient jdbc;

	Authors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The author with this slug, or a 404 for the reader. */
	public AuthorInfo get(String slug) {
		return this.jdbc.sql("select id, slug, name, bio, avatar_url from author where slug = :slug")
			.param("slug", slug)
			.query(AuthorInfo.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("There is no author with the slug " + slug));
	}

}
