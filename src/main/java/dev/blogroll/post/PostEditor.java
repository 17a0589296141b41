package dev.blogroll.post;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.author.Author;
import dev.blogroll.author.AuthorRepository;
import dev.blogroll.category.Category;
import dev.blogroll.category.CategoryRepository;
import dev.blogroll.database.DatabaseFailures;
import dev.blogroll.database.Writes;
import dev.blogroll.media.MediaLibrary;
import dev.blogroll.media.MediaPaths;
import dev.blogroll.tag.Tag;
import dev.blogroll.tag.TagRepository;
import dev.blogroll.text.Slugs;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * Everything editors do to posts: checks a form beyond its annotations (slug rules and
 * uniqueness, addresses, tags, the author), then creates, updates, trashes and restores posts,
 * each in one transaction. A changed slug is remembered so its old URL keeps redirecting.
 * <p>
 * Two editors can act at the same instant, so what {@link #check} found can be out of date by
 * the time a save commits. Each write runs through {@link Writes} (run again if PostgreSQL
 * aborted it as a deadlock or serialization failure), and what the database refused is told
 * to the editor in the form's terms, wherever it surfaced (in Java, at Hibernate's flush or
 * at commit): a post saved meanwhile is an {@link EditConflict}, a slug taken meanwhile is
 * {@link SlugTaken}. Tags and a new author that two saves create at once are created once and
 * shared ({@code insert … on conflict do nothing}, then read).
 */
@Service
public class PostEditor {

	/** The constraint a slug taken by another post violates ({@code V1}). */
	static final String SLUG_UNIQUE = "post_slug_unique";

	private final PostRepository posts;

	private final CategoryRepository categories;

	private final AuthorRepository authors;

	private final TagRepository tags;

	private final JdbcClient jdbc;

	private final Writes writes;

	private final Revisions revisions;

	private final Clock clock;

	private final ZoneId zone;

	private final SiteLocale siteLocale;

	PostEditor(PostRepository posts, CategoryRepository categories, AuthorRepository authors, TagRepository tags,
			JdbcClient jdbc, Writes writes, Revisions revisions, Clock clock, BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.posts = posts;
		this.categories = categories;
		this.authors = authors;
		this.tags = tags;
		this.jdbc = jdbc;
		this.writes = writes;
		this.revisions = revisions;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/** The post to edit, or a 404. */
	@Transactional(readOnly = true)
	public Post find(long id) {
		return this.posts.findWithEverythingById(id).orElseThrow(() -> new NotFoundException("There is no post " + id));
	}

	/**
	 * Adds to {@code errors} what the annotations cannot know: slug shape and uniqueness (the
	 * message names the post that has it), addresses, tags and the author.
	 */
	@Transactional(readOnly = true)
	public void check(PostForm form, @Nullable Long postId, Errors errors) {
		String slug = slugOf(form);
		PostRules.Problem slugProblem = PostRules.slugProblem(slug);
		if (slugProblem != null) {
			if (!slug.isEmpty() || !errors.hasFieldErrors("title")) {
				errors.rejectValue("slug", "slug.invalid", words(slugProblem));
			}
		}
		else {
			this.posts.findBySlug(slug)
				.filter((other) -> !Objects.equals(other.getId(), postId))
				.ifPresent((other) -> errors.rejectValue("slug", "slug.taken",
						this.siteLocale.text("post.slug.taken", other.getTitle())));
		}
		if (!errors.hasFieldErrors("publishedAt") && form.publishedAtValue() == null) {
			errors.rejectValue("publishedAt", "publishedAt.invalid", this.siteLocale.text("post.publishedAt.invalid"));
		}
		if (!errors.hasFieldErrors("categoryId") && !this.categories.existsById(form.categoryIdValue())) {
			errors.rejectValue("categoryId", "category.unknown", this.siteLocale.text("post.category.unknown"));
		}
		checkAuthor(form, errors);
		checkImage(form, errors);
		checkAddress(form.sourceUrl(), "sourceUrl", errors);
		checkTags(form.tags(), errors);
	}

	/**
	 * Creates a post from a checked form.
	 * @throws SlugTaken if another post took the slug after the form was checked
	 * @throws dev.blogroll.database.DatabaseBusyException if the write kept meeting deadlocks
	 */
	public Post create(PostForm form, String username) {
		try {
			return this.writes.inTransaction(() -> {
				Instant now = this.clock.instant();
				Post post = new Post(slugOf(form), form.title().strip(), category(form), author(form),
						form.publishedAtValue().atZone(this.zone).toInstant(), form.statusValue(), username, now);
				apply(post, form);
				Post saved = this.posts.saveAndFlush(post);
				forgetOldSlug(saved.getSlug());
				this.revisions.keep(saved, username, now);
				return saved;
			});
		}
		catch (RuntimeException ex) {
			throw slugTakenOr(ex, slugOf(form));
		}
	}

	/**
	 * Saves a checked form over the post, unless someone else saved it since the editor
	 * opened it: found here, or only when the save reaches the row (a save committed in
	 * between), which Hibernate reports at flush or at commit.
	 * @throws EditConflict naming what differs between the saved post and the form
	 * @throws SlugTaken if another post took the slug after the form was checked
	 * @throws dev.blogroll.database.DatabaseBusyException if the write kept meeting deadlocks
	 */
	public Post update(long id, PostForm form, String username) {
		try {
			return this.writes.inTransaction(() -> {
				Post post = applyUpdate(id, form, username);
				// the version check and the new version come with the flush; the revision records that version
				this.posts.flush();
				this.revisions.keep(post, username, post.getUpdatedAt());
				return post;
			});
		}
		catch (EditConflict conflict) {
			throw conflict;
		}
		catch (RuntimeException ex) {
			if (DatabaseFailures.isOptimisticLockFailure(ex)) {
				Post current = this.posts.findWithEverythingById(id).orElseThrow(() -> ex);
				throw new EditConflict(current, differences(current, form));
			}
			throw slugTakenOr(ex, slugOf(form));
		}
	}

	private Post applyUpdate(long id, PostForm form, String username) {
		Post post = find(id);
		if (post.getVersion() != form.versionValue()) {
			throw new EditConflict(post, differences(post, form));
		}
		// names first, before the post changes: what two saves both create is settled before
		// either locks a post or the listing counts
		Author author = author(form);
		Set<Tag> tags = resolveTags(form.tags());
		String oldSlug = post.getSlug();
		String newSlug = slugOf(form);
		if (!oldSlug.equals(newSlug)) {
			post.setSlug(newSlug);
			forgetOldSlug(newSlug);
			this.jdbc.sql("insert into post_old_slug (slug, post_id) values (:slug, :id) on conflict (slug) do update set post_id = excluded.post_id")
				.param("slug", oldSlug)
				.param("id", id)
				.update();
		}
		post.edit(form.title().strip(), category(form), author, tags,
				form.publishedAtValue().atZone(this.zone).toInstant(), blankToNull(form.imageUrl()),
				Objects.requireNonNullElse(form.imageAlt(), "").strip(), blankToNull(form.sourceUrl()));
		if (!post.isTrashed()) {
			post.setStatus(form.statusValue());
		}
		post.setText(blankToNull(form.excerpt()), blankToNull(form.body()));
		post.touch(username, this.clock.instant());
		return post;
	}

	/** Moves the post to the trash, whatever another editor saved meanwhile. */
	public Post trash(long id, String username) {
		return whateverTheVersion(() -> {
			Post post = find(id);
			post.trash(username, this.clock.instant());
			this.posts.flush();
			this.revisions.keep(post, username, post.getUpdatedAt(), Revisions.Kind.TRASH, "");
			return post;
		});
	}

	/** Takes the post out of the trash, whatever another editor saved meanwhile. */
	public Post restore(long id, String username) {
		return whateverTheVersion(() -> {
			Post post = find(id);
			post.restore(username, this.clock.instant());
			this.posts.flush();
			this.revisions.keep(post, username, post.getUpdatedAt(), Revisions.Kind.RESTORE, "");
			return post;
		});
	}

	/**
	 * Runs a change that reads the post afresh, again if a save committed between its read and
	 * its write: trashing or restoring means the same whatever the post's version.
	 */
	private Post whateverTheVersion(Supplier<Post> change) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.writes.inTransaction(change);
			}
			catch (RuntimeException ex) {
				if (attempt >= Writes.ATTEMPTS || !DatabaseFailures.isOptimisticLockFailure(ex)) {
					throw ex;
				}
			}
		}
	}

	/** {@code failure}, or {@link SlugTaken} if it is the post slug's unique constraint. */
	private RuntimeException slugTakenOr(RuntimeException failure, String slug) {
		if (!SLUG_UNIQUE.equals(DatabaseFailures.violatedConstraint(failure))) {
			return failure;
		}
		String message = this.posts.findBySlug(slug)
			.map((other) -> this.siteLocale.text("post.slug.taken", other.getTitle()))
			.orElse(this.siteLocale.text("post.slug.takenByAnother"));
		return new SlugTaken(message);
	}

	/** Deletes every trashed post for good; returns how many. */
	public int emptyTrash() {
		return this.writes.inTransaction(() -> this.jdbc.sql("delete from post where status = 'TRASHED'").update());
	}

	@Transactional(readOnly = true)
	public long countTrashed() {
		return this.jdbc.sql("select count(*) from post where status = 'TRASHED'").query(Long.class).single();
	}

	private void apply(Post post, PostForm form) {
		post.edit(form.title().strip(), post.getCategory(), post.getAuthor(), resolveTags(form.tags()),
				post.getPublishedAt(), blankToNull(form.imageUrl()),
				Objects.requireNonNullElse(form.imageAlt(), "").strip(), blankToNull(form.sourceUrl()));
		post.setText(blankToNull(form.excerpt()), blankToNull(form.body()));
	}

	/** A slug a post takes over from another post's past stops redirecting there. */
	private void forgetOldSlug(String slug) {
		this.jdbc.sql("delete from post_old_slug where slug = :slug").param("slug", slug).update();
	}

	private void checkAuthor(PostForm form, Errors errors) {
		if (errors.hasFieldErrors("authorId")) {
			return;
		}
		boolean named = form.newAuthor() != null && !form.newAuthor().isBlank();
		Long authorId = form.authorIdValue();
		if (authorId == null && !named) {
			errors.rejectValue("authorId", "author.missing", this.siteLocale.text("post.author.missing"));
		}
		else if (authorId != null && !this.authors.existsById(authorId)) {
			errors.rejectValue("authorId", "author.unknown", this.siteLocale.text("post.author.unknown"));
		}
		else if (named && PostRules.authorProblem(form.newAuthor().strip()) != null) {
			errors.rejectValue("newAuthor", "author.name", words(PostRules.authorProblem(form.newAuthor().strip())));
		}
	}

	private void checkAddress(@Nullable String address, String field, Errors errors) {
		if (address != null && !address.isBlank() && PostRules.addressProblem(address.strip()) != null) {
			errors.rejectValue(field, field + ".format", words(PostRules.addressProblem(address.strip())));
		}
	}

	/** A broken rule in the site's language. */
	private String words(PostRules.Problem problem) {
		return this.siteLocale.text(problem.code(), (Object[]) problem.args());
	}

	/**
	 * An image is a library image's address ({@code /media/…}, which must be in the library) or
	 * a web address; either way it needs its alt text.
	 */
	private void checkImage(PostForm form, Errors errors) {
		String image = form.imageUrl();
		if (image == null || image.isBlank()) {
			return;
		}
		if (MediaPaths.isLibraryPath(image.strip())) {
			if (!MediaLibrary.hasImage(this.jdbc, image.strip())) {
				errors.rejectValue("imageUrl", "imageUrl.library", this.siteLocale.text("post.imageUrl.library"));
			}
		}
		else {
			checkAddress(image, "imageUrl", errors);
			checkImageIsSecure(image, errors);
		}
		if (!errors.hasFieldErrors("imageAlt") && (form.imageAlt() == null || form.imageAlt().isBlank())) {
			errors.rejectValue("imageAlt", "imageAlt.required", this.siteLocale.text("post.imageAlt.required"));
		}
	}

	/**
	 * An {@code http://} image would be blocked in readers' browsers by the site's
	 * Content-Security-Policy ({@code img-src 'self' https: data:}) and by mixed-content rules
	 * on an https page: the editor is told now rather than readers seeing a broken image.
	 */
	private void checkImageIsSecure(@Nullable String address, Errors errors) {
		if (address != null && !errors.hasFieldErrors("imageUrl")
				&& address.strip().toLowerCase(Locale.ROOT).startsWith("http://")) {
			errors.rejectValue("imageUrl", "imageUrl.insecure", this.siteLocale.text("post.imageUrl.insecure"));
		}
	}

	private void checkTags(@Nullable String tags, Errors errors) {
		if (tags == null || errors.hasFieldErrors("tags")) {
			return;
		}
		for (String name : tags.split(",")) {
			PostRules.Problem problem = name.isBlank() ? null : PostRules.tagProblem(name.strip());
			if (problem != null) {
				errors.rejectValue("tags", "tags.invalid", words(problem));
				return;
			}
		}
		PostRules.Problem tooMany = PostRules.tagCountProblem(PostRules.tagNames(tags).size());
		if (tooMany != null) {
			errors.rejectValue("tags", "tags.many", words(tooMany));
		}
	}

	private Category category(PostForm form) {
		return this.categories.findById(form.categoryIdValue()).orElseThrow();
	}

	/** The chosen author, or the one named, created if there is none ({@link PostNames}). */
	private Author author(PostForm form) {
		if (form.newAuthor() != null && !form.newAuthor().isBlank()) {
			String name = form.newAuthor().strip();
			long id = PostNames.id(this.jdbc, PostNames.Table.AUTHOR, Slugs.slugify(name), name);
			return this.authors.findById(id).orElseThrow();
		}
		return this.authors.findById(form.authorIdValue()).orElseThrow();
	}

	/** The tags named, in the order given, the missing ones created ({@link PostNames}). */
	private Set<Tag> resolveTags(@Nullable String names) {
		Map<String, String> bySlug = new LinkedHashMap<>();
		PostRules.tagNames(names).forEach((tag) -> bySlug.put(tag.slug(), tag.name()));
		Map<String, Long> ids = PostNames.ids(this.jdbc, PostNames.Table.TAG, bySlug);
		Set<Tag> resolved = new LinkedHashSet<>();
		for (String slug : bySlug.keySet()) {
			resolved.add(this.tags.findById(ids.get(slug)).orElseThrow());
		}
		return resolved;
	}

	static String slugOf(PostForm form) {
		return PostRules.slug(form.slug(), form.title());
	}

	private List<String> differences(Post post, PostForm form) {
		PostForm saved = PostForm.of(post, this.zone);
		List<String> fields = new ArrayList<>();
		compare(fields, "Title", saved.title(), form.title());
		compare(fields, "Slug", saved.slug(), slugOf(form));
		compare(fields, "Category", saved.categoryId(), form.categoryId());
		compare(fields, "Tags", PostRules.tagNames(saved.tags()), PostRules.tagNames(form.tags()));
		compare(fields, "Publish date", saved.publishedAt(), form.publishedAt());
		compare(fields, "Status", saved.status(), form.status());
		compare(fields, "Excerpt", saved.excerpt(), form.excerpt());
		compare(fields, "Body", saved.body(), form.body());
		compare(fields, "Image address", saved.imageUrl(), form.imageUrl());
		compare(fields, "Image alt text", saved.imageAlt(), form.imageAlt());
		compare(fields, "Source address", saved.sourceUrl(), form.sourceUrl());
		compare(fields, "Author", saved.authorId(), form.authorId());
		return fields;
	}

	private static void compare(List<String> fields, String label, @Nullable Object saved, @Nullable Object yours) {
		Object a = (saved instanceof String text) ? text.strip() : saved;
		Object b = (yours instanceof String text) ? text.strip() : yours;
		if (!Objects.equals(a == null ? "" : a, b == null ? "" : b)) {
			fields.add(label);
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * Another editor saved the post after this one opened it.
	 */
	public static final class EditConflict extends RuntimeException {

		private final transient Post current;

		private final List<String> differences;

		EditConflict(Post current, List<String> differences) {
			super("The post was changed by someone else", null, false, false);
			this.current = current;
			this.differences = List.copyOf(differences);
		}

		public Post getCurrent() {
			return this.current;
		}

		public List<String> getDifferences() {
			return this.differences;
		}

	}

	/**
	 * Another post took the slug after the form was checked: a save committed in between.
	 */
	public static final class SlugTaken extends RuntimeException {

		SlugTaken(String message) {
			super(message, null, false, false);
		}

	}

}
