package dev.blogroll;

import java.time.Instant;
import java.util.List;

import dev.blogroll.importer.ImportLine;

/**
 * Test posts, written the way editors and imports write them: as an {@link ImportLine}.
 * Defaults make a valid published post; tests change what matters to them.
 */
public final class PostBuilder {

	private String title = "A Test Post About Gateways";

	private String slug = "a-test-post-about-gateways";

	private String category = "Engineering";

	private List<String> tags = List.of("API Gateway");

	private String author = "Test Author";

	private String publishedAt = "2020-01-01T12:00:00Z";

	private String excerpt = "A short excerpt.";

	private String body = "Some *Markdown* body.";

	private String imageUrl;

	private String imageAlt = "An illustration";

	private String sourceUrl;

	private String status = "published";

	private PostBuilder() {
	}

	public static PostBuilder post() {
		return new PostBuilder();
	}

	public PostBuilder title(String title) {
		this.title = title;
		return this;
	}

	public PostBuilder slug(String slug) {
		this.slug = slug;
		return this;
	}

	public PostBuilder category(String category) {
		this.category = category;
		return this;
	}

	public PostBuilder tags(String... tags) {
		this.tags = List.of(tags);
		return this;
	}

	public PostBuilder author(String author) {
		this.author = author;
		return this;
	}

	public PostBuilder publishedAt(Instant publishedAt) {
		this.publishedAt = publishedAt.toString();
		return this;
	}

	public PostBuilder publishedAt(String publishedAt) {
		this.publishedAt = publishedAt;
		return this;
	}

	public PostBuilder excerpt(String excerpt) {
		this.excerpt = excerpt;
		return this;
	}

	public PostBuilder body(String body) {
		this.body = body;
		return this;
	}

	public PostBuilder imageUrl(String imageUrl) {
		this.imageUrl = imageUrl;
		return this;
	}

	public PostBuilder imageAlt(String imageAlt) {
		this.imageAlt = imageAlt;
		return this;
	}

	public PostBuilder sourceUrl(String sourceUrl) {
		this.sourceUrl = sourceUrl;
		return this;
	}

	public PostBuilder status(String status) {
		this.status = status;
		return this;
	}

	public ImportLine build() {
		return new ImportLine(this.title, this.slug, this.category, this.tags, this.author, this.publishedAt,
				this.excerpt, this.body, this.imageUrl, this.imageAlt, this.sourceUrl, this.status);
	}

}
