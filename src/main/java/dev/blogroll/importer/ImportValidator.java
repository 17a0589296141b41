package dev.blogroll.importer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import dev.blogroll.category.Category;
import dev.blogroll.post.PostRules;
import dev.blogroll.post.PostStatus;
import dev.blogroll.text.Excerpts;
import dev.blogroll.text.Slugs;
import dev.blogroll.text.WebAddresses;

/**
 * Checks one import line against the same rules the schema enforces, and says what is wrong
 * in words an editor understands.
 * <p>
 * One validator serves one import: it remembers the category, author and tag names it has
 * met with their slugs, because a big file repeats a few thousand names a million times,
 * {@link Slugs#slugify} (Unicode normalization and regular expressions) was the largest part
 * of validating a line, and the posts waiting to be written can share one copy of each name.
 */
final class ImportValidator {

	/** Enough for every name of a big import; the cache starts again when it is full. */
	private static final int MAX_CACHED_NAMES = 50_000;

	/**
	 * The bundle's English, for the rules' sentences ({@link PostRules.Problem}) in a report
	 * whose other lines are still written here in English.
	 */
	private static final MessageSource ENGLISH = english();

	/** Category, author and tag names met so far, with their slugs. */
	private final Map<String, ValidPost.Name> names = new HashMap<>();

	/**
	 * The line as a post ready to write.
	 * @throws InvalidLineException naming the first problem found
	 */
	ValidPost validate(long lineNumber, ImportLine line) {
		if (hasBytesNotUtf8(line)) {
			throw new InvalidLineException("it has bytes that are not UTF-8 text (was the file saved in another "
					+ "encoding, such as Windows-1252?); save the file as UTF-8 and import it again");
		}
		String nul = fieldWithNul(line);
		if (nul != null) {
			throw new InvalidLineException("the " + nul + " contains an invisible NUL character (\\u0000), which "
					+ "no post can store; remove it and import the line again");
		}
		String title = required(line.title(), "title");
		if (title.length() > PostRules.MAX_TITLE) {
			throw new InvalidLineException("the title is " + title.length() + " characters long; at most "
					+ PostRules.MAX_TITLE + " are allowed");
		}
		String slug = PostRules.slug(line.slug(), title);
		PostRules.Problem slugProblem = PostRules.slugProblem(slug);
		if (slugProblem != null) {
			throw new InvalidLineException("the slug “" + shorten(slug) + "” is not valid. "
					+ english(slugProblem));
		}
		ValidPost.Name category = name(line.category(), "category", PostRules.MAX_CATEGORY_NAME);
		// a category named by its slug ("api-security") is shown to readers as words
		category = new ValidPost.Name(category.slug(), Slugs.readable(category.name()));
		if (!Category.isAllowedSlug(category.slug())) {
			throw new InvalidLineException("the category “" + category.name()
					+ "” cannot be used: its URL would clash with the site's own URLs");
		}
		ValidPost.Name author = name(line.author(), "author", PostRules.MAX_AUTHOR_NAME);
		Instant publishedAt = instant(required(line.publishedAt(), "publish date (publishedAt)"));
		PostStatus status = status(line.status());
		String imageUrl = url(line.imageUrl(), "imageUrl");
		String sourceUrl = url(line.sourceUrl(), "sourceUrl");
		String imageAlt = (line.imageAlt() == null) ? "" : line.imageAlt().strip();
		if (imageAlt.length() > PostRules.MAX_IMAGE_ALT) {
			throw new InvalidLineException("the imageAlt is longer than " + PostRules.MAX_IMAGE_ALT + " characters");
		}
		String excerpt = blankToNull(line.excerpt());
		String body = blankToNull(line.body());
		if (body != null && body.length() > PostRules.MAX_BODY) {
			throw new InvalidLineException("the body is " + body.length() + " characters long; at most "
					+ PostRules.MAX_BODY + " are allowed");
		}
		return new ValidPost(lineNumber, slug, title, category, tags(line.tags()), author, publishedAt, excerpt,
				Excerpts.summarize(excerpt, body), body, imageUrl, imageAlt, sourceUrl, status);
	}

	private static MessageSource english() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static String english(PostRules.Problem problem) {
		return ENGLISH.getMessage(problem.code(), problem.args(), Locale.ENGLISH);
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
			throw new InvalidLineException("the " + field + " is missing");
		}
		return value.strip();
	}

	private ValidPost.Name name(@Nullable String value, String field, int maxLength) {
		String name = required(value, field);
		if (name.length() > maxLength) {
			throw new InvalidLineException("the " + field + " is longer than " + maxLength + " characters");
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
			throw new InvalidLineException("the " + field + " “" + shorten(name) + "” needs at least one letter or digit");
		}
		return named;
	}

	private List<ValidPost.Name> tags(@Nullable List<String> tags) {
		if (tags == null) {
			return List.of();
		}
		PostRules.Problem tooMany = PostRules.tagCountProblem(tags.size());
		if (tooMany != null) {
			throw new InvalidLineException(english(tooMany));
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
			throw new InvalidLineException("the publishedAt “" + shorten(value)
					+ "” is not an ISO-8601 instant such as 2021-05-24T16:00:00Z");
		}
	}

	private static PostStatus status(@Nullable String value) {
		String status = (value == null || value.isBlank()) ? "published" : value.strip().toLowerCase(Locale.ROOT);
		return switch (status) {
			case "published" -> PostStatus.PUBLISHED;
			case "draft" -> PostStatus.DRAFT;
			default -> throw new InvalidLineException(
					"the status “" + shorten(status) + "” is unknown; use published or draft");
		};
	}

	private static @Nullable String url(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String url = value.strip();
		if (url.length() > PostRules.MAX_ADDRESS) {
			throw new InvalidLineException("the " + field + " is longer than " + PostRules.MAX_ADDRESS + " characters");
		}
		if (!WebAddresses.isValid(url)) {
			throw new InvalidLineException(
					"the " + field + " “" + shorten(url) + "” is not a web address (http:// or https://)");
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
