package dev.blogroll.post;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import dev.blogroll.admin.KeptForms;
import dev.blogroll.tag.Tag;
import dev.blogroll.text.Slugs;

/**
 * What the post form sends: the editor's input, kept as typed (every field a string, so that
 * even a malformed request binds) so that a form with errors comes back exactly as it was.
 * {@link PostEditor} turns a valid one into a {@link Post}.
 *
 * @param title the title, at most 200 characters
 * @param slug the URL slug; made from the title when left blank
 * @param categoryId the chosen category
 * @param tags tag names separated by commas; new ones are created
 * @param authorId the chosen author, or null for a new one
 * @param newAuthor the name of a new author, used when no author is chosen
 * @param publishedAt the publication date and time in the site's time zone
 * @param status draft or published
 * @param excerpt the card text; derived from the body when blank
 * @param body Markdown
 * @param imageUrl an http(s) address
 * @param imageAlt the image's text alternative
 * @param sourceUrl the original's http(s) address, for posts first published elsewhere
 * @param version the version the editor started from, to catch a concurrent save
 */
public record PostForm(
		@NotBlank(message = "{post.title.required}") @Size(max = PostRules.MAX_TITLE, message = "{post.title.tooLong}") String title,
		@Size(max = Slugs.MAX_LENGTH, message = "{post.slug.tooLong}") @Nullable String slug,
		@NotBlank(message = "{post.category.required}") @Pattern(regexp = "[0-9]{1,18}", message = "{post.category.unknown}") @Nullable String categoryId,
		@Size(max = 1000, message = "{post.tags.tooMany}") @Nullable String tags,
		@Pattern(regexp = "[0-9]{0,18}", message = "{post.author.unknown}") @Nullable String authorId,
		@Size(max = PostRules.MAX_AUTHOR_NAME, message = "{post.newAuthor.tooLong}") @Nullable String newAuthor,
		@NotBlank(message = "{post.publishedAt.required}") @Pattern(regexp = DATE_TIME, message = "{post.publishedAt.format}") @Nullable String publishedAt,
		@NotBlank(message = "{post.status.required}") @Pattern(regexp = "DRAFT|PUBLISHED", message = "{post.status.required}") @Nullable String status,
		@Size(max = PostRules.MAX_EXCERPT, message = "{post.excerpt.tooLong}") @Nullable String excerpt,
		@Size(max = PostRules.MAX_BODY, message = "{post.body.tooLong}") @Nullable String body,
		@Size(max = PostRules.MAX_ADDRESS, message = "{post.address.tooLong}") @Nullable String imageUrl,
		@Size(max = PostRules.MAX_IMAGE_ALT, message = "{post.imageAlt.tooLong}") @Nullable String imageAlt,
		@Size(max = PostRules.MAX_ADDRESS, message = "{post.address.tooLong}") @Nullable String sourceUrl,
		@Pattern(regexp = "[0-9]{1,18}", message = "{post.version.invalid}") @Nullable String version) {

	/** What a {@code datetime-local} input sends: {@code 2026-05-24T09:30}, seconds optional. */
	static final String DATE_TIME = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?";

	/** A blank form for a new draft, dated now. */
	static PostForm blank(LocalDateTime now) {
		return new PostForm("", "", "", "", "", "", minutes(now), PostStatus.DRAFT.name(), "", "", "", "", "", "0");
	}

	/** The form for editing an existing post. */
	static PostForm of(Post post, ZoneId zone) {
		String tags = post.getTagsByName().stream().map(Tag::getName).collect(Collectors.joining(", "));
		return new PostForm(post.getTitle(), post.getSlug(), String.valueOf(post.getCategory().getId()), tags,
				String.valueOf(post.getAuthor().getId()), "",
				minutes(LocalDateTime.ofInstant(post.getPublishedAt(), zone)),
				(post.isTrashed() ? PostStatus.DRAFT : post.getStatus()).name(), orEmpty(post.getExcerpt()),
				orEmpty(post.getBody()), orEmpty(post.getImageUrl()), post.getImageAlt(),
				orEmpty(post.getSourceUrl()), String.valueOf(post.getVersion()));
	}

	/**
	 * The form as the editor sent it while signed out ({@link KeptForms}), each field
	 * {@code otherwise}'s where the kept form lacks it.
	 */
	static PostForm of(KeptForms.Kept kept, PostForm otherwise) {
		return new PostForm(or(kept.value("title"), otherwise.title), or(kept.value("slug"), otherwise.slug),
				or(kept.value("categoryId"), otherwise.categoryId), or(kept.value("tags"), otherwise.tags),
				or(kept.value("authorId"), otherwise.authorId), or(kept.value("newAuthor"), otherwise.newAuthor),
				or(kept.value("publishedAt"), otherwise.publishedAt), or(kept.value("status"), otherwise.status),
				or(kept.value("excerpt"), otherwise.excerpt), or(kept.value("body"), otherwise.body),
				or(kept.value("imageUrl"), otherwise.imageUrl), or(kept.value("imageAlt"), otherwise.imageAlt),
				or(kept.value("sourceUrl"), otherwise.sourceUrl), or(kept.value("version"), otherwise.version));
	}

	private static @Nullable String or(@Nullable String value, @Nullable String otherwise) {
		return (value != null) ? value : otherwise;
	}

	/** The same input, published at {@code time} ("Publish now"). */
	PostForm publishedAt(LocalDateTime time) {
		return new PostForm(this.title, this.slug, this.categoryId, this.tags, this.authorId, this.newAuthor,
				time.toString(), PostStatus.PUBLISHED.name(), this.excerpt, this.body, this.imageUrl, this.imageAlt,
				this.sourceUrl, this.version);
	}

	/**
	 * This input with the fields named (by the labels the conflict page shows them with) taken
	 * from {@code theirs}: what another save made of them.
	 */
	PostForm taking(PostForm theirs, java.util.Collection<String> labels) {
		if (labels.isEmpty()) {
			return this;
		}
		boolean author = labels.contains("Author");
		return new PostForm(pick(labels, "Title", theirs.title, this.title), pick(labels, "Slug", theirs.slug, this.slug),
				pick(labels, "Category", theirs.categoryId, this.categoryId), pick(labels, "Tags", theirs.tags, this.tags),
				author ? theirs.authorId : this.authorId, author ? "" : this.newAuthor,
				pick(labels, "Publish date", theirs.publishedAt, this.publishedAt),
				pick(labels, "Status", theirs.status, this.status), pick(labels, "Excerpt", theirs.excerpt, this.excerpt),
				pick(labels, "Body", theirs.body, this.body), pick(labels, "Image address", theirs.imageUrl, this.imageUrl),
				pick(labels, "Image alt text", theirs.imageAlt, this.imageAlt),
				pick(labels, "Source address", theirs.sourceUrl, this.sourceUrl), this.version);
	}

	private static @Nullable String pick(java.util.Collection<String> labels, String label, @Nullable String theirs,
			@Nullable String mine) {
		return labels.contains(label) ? theirs : mine;
	}

	/** The chosen category's id; only call on a valid form. */
	long categoryIdValue() {
		return Long.parseLong(this.categoryId);
	}

	/** The chosen author's id, or null when a new author is named. */
	@Nullable Long authorIdValue() {
		return (this.authorId == null || this.authorId.isBlank()) ? null : Long.valueOf(this.authorId);
	}

	/** The publication time, or null when the input is not a date and time. */
	@Nullable LocalDateTime publishedAtValue() {
		try {
			return (this.publishedAt == null) ? null : LocalDateTime.parse(this.publishedAt);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	PostStatus statusValue() {
		return PostStatus.valueOf(this.status);
	}

	long versionValue() {
		return Long.parseLong(this.version);
	}

	private static String minutes(LocalDateTime time) {
		return time.truncatedTo(ChronoUnit.MINUTES).toString();
	}

	/** The same input, to be saved over the given version. */
	PostForm withVersion(long version) {
		return new PostForm(this.title, this.slug, this.categoryId, this.tags, this.authorId, this.newAuthor,
				this.publishedAt, this.status, this.excerpt, this.body, this.imageUrl, this.imageAlt, this.sourceUrl,
				String.valueOf(version));
	}

	private static String orEmpty(@Nullable String value) {
		return (value == null) ? "" : value;
	}

}
