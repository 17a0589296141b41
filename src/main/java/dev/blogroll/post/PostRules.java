package dev.blogroll.post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.blogroll.text.Slugs;
import dev.blogroll.text.WebAddresses;

/**
 * The rules every post obeys, whoever writes it: an editor's form ({@link PostEditor}), an
 * import line ({@code importer.ImportValidator}) or a feed entry ({@code ingest.EntryWriter}).
 * Each writer asks these rules and words the answer ({@link Problem}, a message key) for its own
 * reader (a form field, a line of an import report); a writer that cannot ask anyone (feed ingest) uses the lenient forms
 * ({@link #slugFor}, {@link #tagNames} keeping the first {@value #MAX_TAGS}). The schema's
 * constraints ({@code V1}) stay as the last guard.
 */
public final class PostRules {

	public static final int MAX_TITLE = 200;

	public static final int MAX_EXCERPT = 1000;

	public static final int MAX_BODY = 200_000;

	public static final int MAX_TAGS = 30;

	public static final int MAX_TAG_NAME = 80;

	public static final int MAX_AUTHOR_NAME = 200;

	public static final int MAX_CATEGORY_NAME = 100;

	public static final int MAX_IMAGE_ALT = 300;

	public static final int MAX_ADDRESS = WebAddresses.MAX_LENGTH;

	/**
	 * Post slugs the site's own URLs need under a category ({@code <category>/page/N},
	 * {@code <category>/feed.atom}, and {@code <category>/feed}, {@code /rss} and {@code /atom},
	 * which lead feed readers to the category's feed); the schema refuses them too.
	 */
	public static final Set<String> RESERVED_SLUGS = Set.of("page", "feed", "rss", "atom");

	private PostRules() {
	}

	/** The slug a post gets: the one given, stripped, or else one made from the title. */
	public static String slug(@Nullable String given, String title) {
		return (given == null || given.isBlank()) ? Slugs.slugify(title) : given.strip();
	}

	/** What is wrong with a post's slug; {@code null} if nothing is. */
	public static @Nullable Problem slugProblem(String slug) {
		if (slug.isEmpty()) {
			return new Problem("post.rules.slug.empty");
		}
		if (!Slugs.isValid(slug)) {
			return new Problem("post.rules.slug.shape", String.valueOf(Slugs.MAX_LENGTH));
		}
		if (RESERVED_SLUGS.contains(slug)) {
			return new Problem("post.rules.slug.reserved", slug);
		}
		return null;
	}

	/**
	 * A slug for a post nobody can be asked about (a feed entry): made from the title, never
	 * empty or reserved; {@code attempt} 2, 3, … give {@code base-2}, {@code base-3}, … for when
	 * the first is taken, always at most {@value Slugs#MAX_LENGTH} characters.
	 */
	public static String slugFor(String title, int attempt) {
		String base = Slugs.slugify(title);
		if (base.isEmpty() || RESERVED_SLUGS.contains(base)) {
			base = base.isEmpty() ? "post" : base + "-post";
		}
		if (attempt == 1) {
			return base;
		}
		String suffix = "-" + attempt;
		String head = (base.length() + suffix.length() <= Slugs.MAX_LENGTH) ? base
				: base.substring(0, Slugs.MAX_LENGTH - suffix.length());
		while (head.endsWith("-")) {
			head = head.substring(0, head.length() - 1);
		}
		return head + suffix;
	}

	/** What is wrong with one tag's name; {@code null} if nothing is. */
	public static @Nullable Problem tagProblem(String name) {
		if (name.length() > MAX_TAG_NAME) {
			return new Problem("post.rules.tag.tooLong", String.valueOf(MAX_TAG_NAME));
		}
		if (Slugs.slugify(name).isEmpty()) {
			return new Problem("post.rules.tag.noLetter", name);
		}
		return null;
	}

	/** What is wrong with a number of tags; {@code null} if nothing is. */
	public static @Nullable Problem tagCountProblem(int tags) {
		return (tags > MAX_TAGS) ? new Problem("post.rules.tags.tooMany", String.valueOf(tags), String.valueOf(MAX_TAGS))
				: null;
	}

	/** What is wrong with an author's name; {@code null} if nothing is. */
	public static @Nullable Problem authorProblem(String name) {
		if (name.length() > MAX_AUTHOR_NAME) {
			return new Problem("post.rules.author.tooLong", String.valueOf(MAX_AUTHOR_NAME));
		}
		if (Slugs.slugify(name).isEmpty()) {
			return new Problem("post.rules.author.noLetter");
		}
		return null;
	}

	/** What is wrong with an image or source address; {@code null} if nothing is. */
	public static @Nullable Problem addressProblem(String address) {
		return WebAddresses.isValid(address) ? null : new Problem("post.rules.address", String.valueOf(MAX_ADDRESS));
	}

	/** The distinct tag names of a comma-separated list, in order. */
	public static List<TagName> tagNames(@Nullable String commaSeparated) {
		return (commaSeparated == null) ? List.of() : tagNames(List.of(commaSeparated.split(",")));
	}

	/**
	 * The distinct tags among {@code names}: stripped, those without a letter or digit left out,
	 * one per slug (the first spelling wins), in order.
	 */
	public static List<TagName> tagNames(Collection<String> names) {
		Map<String, TagName> bySlug = new LinkedHashMap<>();
		for (String name : names) {
			String stripped = name.strip();
			String slug = Slugs.slugify(stripped);
			if (!slug.isEmpty()) {
				bySlug.putIfAbsent(slug, new TagName(slug, stripped));
			}
		}
		return new ArrayList<>(bySlug.values());
	}

	/**
	 * A broken rule, as the message bundles word it: {@code code} is a key of
	 * {@code messages.properties}, {@code args} fill its {@code {0}}, {@code {1}}. Each writer
	 * words it in its reader's language ({@code SiteLocale.text(code, args)}); numbers come as
	 * text, so that they read as the rule has them ({@code 200000}, not {@code 200,000}).
	 *
	 * @param code the message's key
	 * @param args what fills it
	 */
	public record Problem(String code, String... args) {
	}

	/**
	 * A tag as a post names it.
	 *
	 * @param slug what identifies the tag
	 * @param name how it is spelled
	 */
	public record TagName(String slug, String name) {
	}

}
