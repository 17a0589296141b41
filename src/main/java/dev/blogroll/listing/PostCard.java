package dev.blogroll.listing;

import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.blogroll.text.Dates;
import dev.blogroll.web.SitePaths;

/**
 * What a listing shows of one post.
 *
 * @param title the post's title
 * @param path the post's URL
 * @param categoryName its category's name
 * @param categoryPath its category's listing
 * @param authorName its author's name
 * @param authorPath its author's listing
 * @param publishedOn its publication date in the site's time zone
 * @param summary the excerpt, at most 300 characters
 * @param imageUrl its image, if it has one
 * @param imageAlt the image's text alternative, also shown by the placeholder of a post
 * without an image
 * @param updatedAt when the post last changed, for HTTP validators
 * @param blogName the blog an aggregated post comes from; {@code null} for the site's own posts
 * @param blogPath that blog's page on this site
 */
public record PostCard(String title, String path, String categoryName, String categoryPath, String authorName,
		String authorPath, LocalDate publishedOn, String summary, @Nullable String imageUrl, String imageAlt,
		Instant updatedAt, @Nullable String blogName, @Nullable String blogPath) {

	/**
	 * The columns that name a post's blog, for a query whose post is {@code p}: two index
	 * reads of {@code feed_source} per card, none for the site's own posts.
	 */
	public static final String BLOG_COLUMNS = """
			(select s.slug from feed_source s where s.id = p.source_id) as blog_slug,
			(select s.name from feed_source s where s.id = p.source_id) as blog_name""";

	/** The date as readers see it in {@code locale}: {@code May 24, 2021}, {@code 24. Mai 2021}. */
	public String displayDate(Locale locale) {
		return Dates.display(this.publishedOn, locale);
	}

	/**
	 * The card of the current row of a query that selects {@code p.slug, p.title,
	 * p.published_at, p.updated_at, p.summary, p.image_url, p.image_alt} of the post and
	 * {@code category_slug, category_name, author_slug, author_name} and {@link #BLOG_COLUMNS}.
	 */
	public static PostCard fromRow(ResultSet rs, ZoneId zone) throws SQLException {
		String categorySlug = rs.getString("category_slug");
		String blogSlug = rs.getString("blog_slug");
		return new PostCard(rs.getString("title"), SitePaths.post(categorySlug, rs.getString("slug")),
				rs.getString("category_name"), SitePaths.category(categorySlug), rs.getString("author_name"),
				SitePaths.author(rs.getString("author_slug")),
				rs.getTimestamp("published_at").toInstant().atZone(zone).toLocalDate(), rs.getString("summary"),
				rs.getString("image_url"), rs.getString("image_alt"), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("blog_name"), (blogSlug != null) ? SitePaths.blog(blogSlug) : null);
	}

	/** The latest of {@code since} and the cards' last changes. */
	static @Nullable Instant lastChange(@Nullable Instant since, List<PostCard> cards) {
		Instant latest = since;
		for (PostCard card : cards) {
			if (latest == null || card.updatedAt().isAfter(latest)) {
				latest = card.updatedAt();
			}
		}
		return latest;
	}

}
