package dev.blogroll.importer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.blogroll.category.Category;
import dev.blogroll.post.PostRules;
import dev.blogroll.post.PostStatus;
import dev.blogroll.text.Excerpts;
import dev.blogroll.text.Slugs;
import dev.blogroll.text.WebAddresses;

/**
 * Checks one import line against the same rules the schema enforces, and says what is wrong
 * in words an editor understands (message keys, worded when the report is shown: {@link ImportText}).
 * <p>
 * One validator serves one import: it remembers the category, author and tag names it has
 * met with their slugs, because a big file repeats a few thousand names a million times,
 * {@link Slugs#slugify} (Unicode normalization and regular expressions) was the largest part
 * of validating a line, and the posts waiting to be written can share one copy of each name.
 */
final class ImportValidator {

	/** Enough for every name of a big import; the cache starts again when it is full. */
	private static final int MAX_CACHED_NAMES = 50_000;

	/** Category, author and tag names met so far, with their slugs. */
	private final Map<String, ValidPost.Name> names = new HashMap<>();

	/**
	 * The line as a post ready to write.
	 * @throws InvalidLineException naming the first problem found
	 */
	ValidPost validate(long lineNumber, ImportLine line) {
		if (hasBytesNotUtf8(line)) {
			throw new InvalidLineException("admin.import.line.notUtf8");
		}
		String nul = fieldWithNul(line);
		if (nul != null) {
			throw new InvalidLineException("admin.import.line.nul", nul);
		}
		String title = required(line.title(), "title");
		if (title.length() > PostRules.MAX_TITLE) {
			throw new InvalidLineException("admin.import.line.titleTooLong", title.length(), PostRules.MAX_TITLE);
		}
		String slug = PostRules.slug(line.slug(), title);
		PostRules.Problem slugProblem = PostRules.slugProblem(slug);
		if (slugProblem != null) {
			throw new InvalidLineException("admin.import.line.slug", shorten(slug), rule(slugProblem));
		}
		ValidPost.Name category = name(line.category(), "category", PostRules.MAX_CATEGORY_NAME);
		// a category named by its slug ("api-security") is shown to readers as words
		category = new ValidPost.Name(category.slug(), Slugs.readable(category.name()));
		if (!Category.isAllowedSlug(category.slug())) {
			throw new InvalidLineException("admin.import.line.categoryClash", category.name());
		}
		ValidPost.Name author = name(line.author(), "author", PostRules.MAX_AUTHOR_NAME);
		Instant publishedAt = instant(required(line.publishedAt(), "publishedAt"));
		PostStatus status = status(line.status());
		String imageUrl = url(line.imageUrl(), "imageUrl");
		String sourceUrl = url(line.sourceUrl(), "sourceUrl");
		String imageAlt = (line.imageAlt() == null) ? "" : line.imageAlt().strip();
		if (imageAlt.length() > PostRules.MAX_IMAGE_ALT) {
			throw new InvalidLineException("admin.import.line.tooLong", "imageAlt", PostRules.MAX_IMAGE_ALT);
		}
		String excerpt = blankToNull(line.excerpt());
		String body = blankToNull(line.body());
		if (body != null && body.length() > PostRules.MAX_BODY) {
			throw new InvalidLineException("admin.import.line.bodyTooLong", body.length(), PostRules.MAX_BODY);
		}
		return new ValidPost(lineNumber, slug, title, category, tags(line.tags()), author, publishedAt, excerpt,
				Excerpts.summarize(excerpt, body), body, imageUrl, imageAlt, sourceUrl, status);
	}

	/** A post rule's sentence, worded in the report's language. */
	private static ImportText rule(PostRules.Problem problem) {
		return new ImportText(problem.code(), (Object[]) problem.args());
	}

	private static @Nullable String fieldWithNul(ImportLine line) {
		String[] names = { "title", "slug", "category", "author", "publishedAt", "excerpt", "body", "imageUrl", "imageAlt",
				"sourceUrl", "status" };
		String[] values = { line.title(), line.slug(), line.category(), line.author(), line.publishedAt(), line.excerpt(),
				line.body(), line.imageUrl(), line.imageAlt(), line.sourceUrl(), line.status() };
		for (int i = 0; i < names.length; i++) {
			if (values[i] != null && values[i].indexOf('\u0000') >= 0) {
				return names[i];
			}
		}
		if (line.tags() != null && line.tags().stream().anyMatch((tag) -> tag != null && tag.indexOf('\u0000') >= 0)) {
			return "tags";
		}
		return null;
	}

	private static boolean hasBytesNotUtf8(ImportLine line) {
		for (String text : new String[] { line.title(), line.slug(), line.category(), line.author(), line.publishedAt(),
				line.excerpt(), line.body(), line.imageUrl(), line.imageAlt(), line.sourceUrl(), line.status() }) {
			if (text != null && text.contains(ImportFile.NOT_UTF8)) {
				return true;
			}
		}
		return line.tags() != null && line.tags().stream().anyMatch((tag) -> tag != null && tag.contains(ImportFile.NOT_UTF8));
	}

	private static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw field.equals("publishedAt") ? new InvalidLineException("admin.import.line.publishedAtMissing")
					: new InvalidLineException("admin.import.line.missing", field);
		}
		return value.strip();
	}

	private ValidPost.Name name(@Nullable String value, String field, int maxLength) {
		String name = required(value, field);
		if (name.length() > maxLength) {
			throw new InvalidLineException("admin.import.line.tooLong", field, maxLength);
		}
		ValidPost.Name named = this.names.get(name);
		if (named == null) {
			if (this.names.size() >= MAX_CACHED_NAMES) {
				this.names.clear();
			}
			named = new ValidPost.Name(Slugs.slugify(name), name);
			this.names.put(name, named);
		}
		if (named.slug().isEmpty()) {
			throw new InvalidLineException("admin.import.line.noLetter", field, shorten(name));
		}
		return named;
	}

	private List<ValidPost.Name> tags(@Nullable List<String> tags) {
		if (tags == null) {
			return List.of();
		}
		PostRules.Problem tooMany = PostRules.tagCountProblem(tags.size());
		if (tooMany != null) {
			throw new InvalidLineException(tooMany.code(), (Object[]) tooMany.args());
		}
		Map<String, ValidPost.Name> bySlug = new LinkedHashMap<>();
		for (String tag : tags) {
			ValidPost.Name name = name(tag, "tag", PostRules.MAX_TAG_NAME);
			bySlug.putIfAbsent(name.slug(), name);
		}
		return List.copyOf(bySlug.values());
	}

	private static Instant instant(String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidLineException("admin.import.line.publishedAt", shorten(value));
		}
	}

	private static PostStatus status(@Nullable String value) {
		String status = (value == null || value.isBlank()) ? "published" : value.strip().toLowerCase(Locale.ROOT);
		return switch (status) {
			case "published" -> PostStatus.PUBLISHED;
			case "draft" -> PostStatus.DRAFT;
			default -> throw new InvalidLineException("admin.import.line.status", shorten(status));
		};
	}

	private static @Nullable String url(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String url = value.strip();
		if (url.length() > PostRules.MAX_ADDRESS) {
			throw new InvalidLineException("admin.import.line.tooLong", field, PostRules.MAX_ADDRESS);
		}
		if (!WebAddresses.isValid(url)) {
			throw new InvalidLineException("admin.import.line.notAddress", field, shorten(url));
		}
		return url;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String shorten(String value) {
		return (value.length() <= 60) ? value : value.substring(0, 60) + "…";
	}

}
