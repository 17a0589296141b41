package dev.blogroll.post;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
import dev.blogroll.tag.Tag;
import dev.blogroll.tag.TagRepository;
import dev.blogroll.text.Slugs;
import dev.blogroll.web.NotFoundException;

/**
 * Everything editors do to posts: checks a form beyond its annotations (slug rules and
 * uniqueness, addresses, tags, the author), then creates, updates, trashes and restores posts,
 * each in one transaction. A changed slug is remembered so its old URL keeps redirecting.
 */
@Service
public class PostEditor {

	private final PostRepository posts;

	private final CategoryRepository categories;

	private final AuthorRepository authors;

	private final TagRepository tags;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	PostEditor(PostRepository posts, CategoryRepository categories, AuthorRepository authors, TagRepository tags,
			JdbcClient jdbc, Clock clock, BlogrollProperties properties) {
		this.posts = posts;
		this.categories = categories;
		this.authors = authors;
		this.tags = tags;
		this.jdbc = jdbc;
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
		String slugProblem = PostRules.slugProblem(slug);
		if (slugProblem != null) {
			if (!slug.isEmpty() || !errors.hasFieldErrors("title")) {
				errors.rejectValue("slug", "slug.invalid", slugProblem);
			}
		}
		else {
			this.posts.findBySlug(slug)
				.filter((other) -> !Objects.equals(other.getId(), postId))
				.ifPresent((other) -> errors.rejectValue("slug", "slug.taken",
						"The post “" + other.getTitle() + "” already uses this slug."));
		}
		if (!errors.hasFieldErrors("publishedAt") && form.publishedAtValue() == null) {
			errors.rejectValue("publishedAt", "publishedAt.invalid", "Enter a real date and time, such as 2026-05-24T09:30.");
		}
		if (!errors.hasFieldErrors("categoryId") && !this.categories.existsById(form.categoryIdValue())) {
			errors.rejectValue("categoryId", "category.unknown", "Choose a category from the list.");
		}
		checkAuthor(form, errors);
		checkAddress(form.imageUrl(), "imageUrl", errors);
		checkAddress(form.sourceUrl(), "sourceUrl", errors);
		checkTags(form.tags(), errors);
	}

	/** Creates a post from a checked form. */
	@Transactional
	public Post create(PostForm form, String username) {
		Instant now = this.clock.instant();
		Post post = new Post(slugOf(form), form.title().strip(), category(form), author(form),
				form.publishedAtValue().atZone(this.zone).toInstant(), form.statusValue(), username, now);
		apply(post, form);
		Post saved = this.posts.save(post);
		forgetOldSlug(saved.getSlug());
		return saved;
	}

	/**
	 * Saves a checked form over the post, unless someone else saved it since the editor
	 * opened it.
	 * @throws EditConflict naming what differs between the saved post and the form
	 */
	@Transactional
	public Post update(long id, PostForm form, String username) {
		Post post = find(id);
		if (post.getVersion() != form.versionValue()) {
			throw new EditConflict(post, differences(post, form));
		}
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
		post.edit(form.title().strip(), category(form), author(form), resolveTags(form.tags()),
				form.publishedAtValue().atZone(this.zone).toInstant(), blankToNull(form.imageUrl()),
				Objects.requireNonNullElse(form.imageAlt(), "").strip(), blankToNull(form.sourceUrl()));
		if (!post.isTrashed()) {
			post.setStatus(form.statusValue());
		}
		post.setText(blankToNull(form.excerpt()), blankToNull(form.body()));
		post.touch(username, this.clock.instant());
		return post;
	}

	@Transactional
	public Post trash(long id, String username) {
		Post post = find(id);
		post.trash(username, this.clock.instant());
		return post;
	}

	@Transactional
	public Post restore(long id, String username) {
		Post post = find(id);
		post.restore(username, this.clock.instant());
		return post;
	}

	/** Deletes every trashed post for good; returns how many. */
	@Transactional
	public int emptyTrash() {
		return this.jdbc.sql("delete from post where status = 'TRASHED'").update();
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
			errors.rejectValue("authorId", "author.missing", "Choose an author or enter a new author's name.");
		}
		else if (authorId != null && !this.authors.existsById(authorId)) {
			errors.rejectValue("authorId", "author.unknown", "Choose an author from the list.");
		}
		else if (named && PostRules.authorProblem(form.newAuthor().strip()) != null) {
			errors.rejectValue("newAuthor", "author.name", PostRules.authorProblem(form.newAuthor().strip()));
		}
	}

	private static void checkAddress(@Nullable String address, String field, Errors errors) {
		if (address != null && !address.isBlank() && PostRules.addressProblem(address.strip()) != null) {
			errors.rejectValue(field, field + ".format", PostRules.addressProblem(address.strip()));
		}
	}

	private static void checkTags(@Nullable String tags, Errors errors) {
		if (tags == null || errors.hasFieldErrors("tags")) {
			return;
		}
		for (String name : tags.split(",")) {
			String problem = name.isBlank() ? null : PostRules.tagProblem(name.strip());
			if (problem != null) {
				errors.rejectValue("tags", "tags.invalid", problem);
				return;
			}
		}
		String tooMany = PostRules.tagCountProblem(PostRules.tagNames(tags).size());
		if (tooMany != null) {
			errors.rejectValue("tags", "tags.many", tooMany);
		}
	}

	private Category category(PostForm form) {
		return this.categories.findById(form.categoryIdValue()).orElseThrow();
	}

	private Author author(PostForm form) {
		if (form.newAuthor() != null && !form.newAuthor().isBlank()) {
			String name = form.newAuthor().strip();
			return this.authors.findBySlug(Slugs.slugify(name)).orElseGet(() -> this.authors.save(new Author(name)));
		}
		return this.authors.findById(form.authorIdValue()).orElseThrow();
	}

	private Set<Tag> resolveTags(@Nullable String names) {
		Set<Tag> resolved = new LinkedHashSet<>();
		for (PostRules.TagName tag : PostRules.tagNames(names)) {
			resolved.add(this.tags.findBySlug(tag.slug()).orElseGet(() -> this.tags.save(new Tag(tag.name()))));
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

}
