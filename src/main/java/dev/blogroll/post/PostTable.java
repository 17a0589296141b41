package dev.blogroll.post;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.content.Visibility;
import dev.blogroll.web.SiteLocale;
import dev.blogroll.web.SitePaths;

/**
 * The editors' table of posts: filtered by status, category, author and words of the title,
 * a page at a time; scheduled posts first, the soonest first (what happens next), then the
 * others newest first.
 */
@Component
class PostTable {

	static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final SiteLocale siteLocale;

	PostTable(JdbcClient jdbc, Clock clock, BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	long count(Filter filter) {
		StatementParts parts = where(filter);
		return this.jdbc.sql("select count(*) from post p where " + parts.sql())
			.params(parts.params())
			.query(Long.class)
			.single();
	}

	List<Row> page(Filter filter, int page) {
		StatementParts parts = where(filter);
		Map<String, Object> params = new HashMap<>(parts.params());
		params.put("limit", PAGE_SIZE);
		params.put("offset", (long) (page - 1) * PAGE_SIZE);
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select p.id, p.title, p.slug, p.status, p.published_at, p.updated_at, p.updated_by, p.trashed_at,
				       c.slug as category_slug, c.name as category_name, a.name as author_name
				from post p join category c on c.id = p.category_id join author a on a.id = p.author_id
				where %s
				order by (%s) desc, case when %s then p.published_at end asc, p.published_at desc, p.id desc
				limit :limit offset :offset""".formatted(parts.sql(), Visibility.SCHEDULED, Visibility.SCHEDULED))
			.params(params)
			.query((rs, row) -> {
				Instant publishedAt = rs.getTimestamp("published_at").toInstant();
				String status = rs.getString("status");
				String shownStatus = switch (status) {
					case "PUBLISHED" -> this.siteLocale
						.text(publishedAt.isAfter(now) ? "admin.status.scheduled" : "admin.status.published");
					case "DRAFT" -> this.siteLocale.text("admin.status.draft");
					default -> this.siteLocale.text("admin.status.inTrash");
				};
				return new Row(rs.getLong("id"), rs.getString("title"),
						SitePaths.post(rs.getString("category_slug"), rs.getString("slug")), shownStatus,
						rs.getString("category_name"), rs.getString("author_name"), format(publishedAt),
						format(rs.getTimestamp("updated_at").toInstant()), rs.getString("updated_by"),
						"PUBLISHED".equals(status) && !publishedAt.isAfter(now), "TRASHED".equals(status));
			})
			.list();
	}

	private String format(Instant instant) {
		return this.siteLocale.format(instant, "format.dateTime");
	}

	private StatementParts where(Filter filter) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		params.put("now", Timestamp.from(this.clock.instant()));
		switch (filter.status()) {
			case "draft" -> conditions.add("p.status = 'DRAFT'");
			case "published" -> conditions.add(Visibility.VISIBLE);
			case "scheduled" -> conditions.add(Visibility.SCHEDULED);
			case "trash" -> conditions.add("p.status = 'TRASHED'");
			default -> conditions.add("p.status <> 'TRASHED'");
		}
		if (filter.categoryId() != null) {
			conditions.add("p.category_id = :category");
			params.put("category", filter.categoryId());
		}
		if (filter.authorId() != null) {
			conditions.add("p.author_id = :author");
			params.put("author", filter.authorId());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			conditions.add("p.title ilike :title escape '\\'");
			params.put("title",
					"%" + filter.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return new StatementParts(String.join(" and ", conditions), params);
	}

	private record StatementParts(String sql, Map<String, Object> params) {
	}

	/**
	 * Which posts the table shows.
	 *
	 * @param status {@code all} (everything but the trash), {@code draft}, {@code published},
	 * {@code scheduled} or {@code trash}
	 * @param categoryId only this category, if set
	 * @param authorId only this author, if set
	 * @param q words the title contains, if set
	 */
	record Filter(String status, @Nullable Long categoryId, @Nullable Long authorId, @Nullable String q) {

		static final List<String> STATUSES = List.of("all", "draft", "published", "scheduled", "trash");

		Filter {
			status = STATUSES.contains(status) ? status : "all";
			q = (q == null) ? null : (q.length() > 200 ? q.substring(0, 200) : q);
		}

		/** The filter as a query string for page links, e.g. {@code ?status=draft&q=kong}. */
		String query() {
			List<String> parts = new ArrayList<>();
			if (!"all".equals(this.status)) {
				parts.add("status=" + this.status);
			}
			if (this.categoryId != null) {
				parts.add("category=" + this.categoryId);
			}
			if (this.authorId != null) {
				parts.add("author=" + this.authorId);
			}
			if (this.q != null && !this.q.isBlank()) {
				parts.add("q=" + URLEncoder.encode(this.q, StandardCharsets.UTF_8));
			}
			return parts.isEmpty() ? "" : "?" + String.join("&", parts);
		}

	}

	/** One line of the table. */
	record Row(long id, String title, String path, String status, String category, String author, String publishedAt,
			String updatedAt, @Nullable String updatedBy, boolean live, boolean trashed) {
	}

}
