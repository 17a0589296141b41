package dev.blogroll.post;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import dev.blogroll.author.Author;
import dev.blogroll.category.Category;
import dev.blogroll.tag.Tag;
import dev.blogroll.text.Excerpts;
import dev.blogroll.web.SitePaths;

/**
 * A blog post. Its summary (what cards show) is kept in step with the excerpt and body.
 */
@Entity
public class Post {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true, length = 80)
	private String slug;

	@Column(nullable = false, length = 200)
	private String title;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Category category;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Author author;

	@ManyToMany
	@JoinTable(name = "post_tag", joinColumns = @JoinColumn(name = "post_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	private Set<Tag> tags = new LinkedHashSet<>();

	@Column(nullable = false)
	private Instant publishedAt;

	private @Nullable String excerpt;

	@Column(nullable = false, length = 300)
	private String summary;

	private @Nullable String body;

	@Column(length = 2000)
	private @Nullable String imageUrl;

	@Column(nullable = false, length = 300)
	private String imageAlt;

	@Column(length = 2000)
	private @Nullable String sourceUrl;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private PostStatus status;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	@Column(length = 50)
	private @Nullable String createdBy;

	@Column(length = 50)
	private @Nullable String updatedBy;

	private @Nullable Instant trashedAt;

	@Column(length = 50)
	private @Nullable String trashedBy;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private @Nullable PostStatus trashedStatus;

	@Version
	private long version;

	public Post(String slug, String title, Category category, Author author, Instant publishedAt,
			PostStatus status, String createdBy, Instant now) {
		this.slug = slug;
		this.title = title;
		this.category = category;
		this.author = author;
		this.publishedAt = publishedAt;
		this.status = status;
		this.summary = "";
		this.imageAlt = "";
		this.createdBy = createdBy;
		this.updatedBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	protected Post() {
		// for JPA
	}

	/** Changes what readers see of the post; the slug and status have their own methods. */
	public void edit(String title, Category category, Author author, Set<Tag> tags, Instant publishedAt,
			@Nullable String imageUrl, String imageAlt, @Nullable String sourceUrl) {
		this.title = title;
		this.category = category;
		this.author = author;
		this.tags.clear();
		this.tags.addAll(tags);
		this.publishedAt = publishedAt;
		this.imageUrl = imageUrl;
		this.imageAlt = imageAlt;
		this.sourceUrl = sourceUrl;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

	/** Draft or published; a trashed post must be restored first. */
	public void setStatus(PostStatus status) {
		if (status == PostStatus.TRASHED || this.status == PostStatus.TRASHED) {
			throw new IllegalStateException("Use trash() and restore() for the trash");
		}
		this.status = status;
	}

	/** Records who made the last change, and when. */
	public void touch(String username, Instant now) {
		this.updatedBy = username;
		this.updatedAt = now;
	}

	/** Moves the post to the trash: its URL answers 410 Gone until it is restored. */
	public void trash(String username, Instant now) {
		if (this.status == PostStatus.TRASHED) {
			return;
		}
		this.trashedStatus = this.status;
		this.status = PostStatus.TRASHED;
		this.trashedAt = now;
		this.trashedBy = username;
		touch(username, now);
	}

	/** Takes the post out of the trash, as draft or published as it was before. */
	public void restore(String username, Instant now) {
		if (this.status != PostStatus.TRASHED || this.trashedStatus == null) {
			return;
		}
		this.status = this.trashedStatus;
		this.trashedStatus = null;
		this.trashedAt = null;
		this.trashedBy = null;
		touch(username, now);
	}

	public boolean isTrashed() {
		return this.status == PostStatus.TRASHED;
	}

	/** Sets the excerpt and body together, so the summary always matches them. */
	public void setText(@Nullable String excerpt, @Nullable String body) {
		this.excerpt = excerpt;
		this.body = body;
		this.summary = Excerpts.summarize(excerpt, body);
	}

	/** Whether readers can see the post at this instant. */
	public boolean isVisibleAt(Instant now) {
		return this.status == PostStatus.PUBLISHED && !this.publishedAt.isAfter(now);
	}

	/** The post's only URL, e.g. {@code /blog/engineering/kong-gateway-tutorial}. */
	public String getPath() {
		return SitePaths.post(this.category.getSlug(), this.slug);
	}

	public List<Tag> getTagsByName() {
		return this.tags.stream().sorted(Comparator.comparing(Tag::getName, String.CASE_INSENSITIVE_ORDER)).toList();
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	public Category getCategory() {
		return this.category;
	}

	public Author getAuthor() {
		return this.author;
	}

	public Set<Tag> getTags() {
		return this.tags;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public @Nullable String getExcerpt() {
		return this.excerpt;
	}

	public String getSummary() {
		return this.summary;
	}

	public @Nullable String getBody() {
		return this.body;
	}

	public @Nullable String getImageUrl() {
		return this.imageUrl;
	}

	public String getImageAlt() {
		return this.imageAlt;
	}

	public @Nullable String getSourceUrl() {
		return this.sourceUrl;
	}

	public PostStatus getStatus() {
		return this.status;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	public @Nullable String getCreatedBy() {
		return this.createdBy;
	}

	public @Nullable String getUpdatedBy() {
		return this.updatedBy;
	}

	public @Nullable Instant getTrashedAt() {
		return this.trashedAt;
	}

	public @Nullable String getTrashedBy() {
		return this.trashedBy;
	}

}
