package dev.blogroll.listing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.blogroll.content.Visibility;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SitePaths;

/**
 * The kinds of listing readers browse, and everything that differs between them, in one
 * place: how a URL's slug names one listing, which posts it shows, what its heading and
 * description say, and which listings of the kind the sitemaps name. Listing pages
 * ({@link ListingController}), feeds and sitemaps all work from these through {@link Listing}.
 * <p>
 * A new kind of listing is a constant here and its route in {@link ListingController}; its
 * feeds ({@code /blog/<word>/<slug>/feed.atom}, and the addresses feed readers guess, such as
 * {@code /blog/<word>/<slug>/rss}), its sitemap entries and its place on the feeds page follow
 * by themselves.
 */
public enum ListingKind {

	/** Every post: {@code /blog}. */
	ALL(null) {
		@Override
		Subject find(Subjects subjects, String slug) {
			return new Subject(0, "", subjects.text("listing.all"), subjects.text("listing.all.description"));
		}

		@Override
		ListingFilter filter(Subject subject) {
			return ListingFilter.countedByDay("", Map.of(), "all", 0);
		}

		@Override
		String withPosts() {
			return "select 0 as id, '' as slug, 'All posts' as name";
		}
	},

	/** A category: {@code /blog/engineering}. */
	CATEGORY(null) {
		@Override
		Subject find(Subjects subjects, String slug) {
			return subjects.category(slug);
		}

		@Override
		ListingFilter filter(Subject subject) {
			return ListingFilter.countedByDay(" and p.category_id = :category", Map.of("category", subject.id()), "category",
					subject.id());
		}

		@Override
		String withPosts() {
			// in the navigation's order; one probe of the category's index each
			return """
					select c.id, c.slug, c.name from category c
					where exists (select 1 from post p where p.category_id = c.id and %s)
					order by c.nav_position, c.name""".formatted(Visibility.VISIBLE);
		}
	},

	/** A tag: {@code /blog/tag/api-gateway}. */
	TAG("tag") {
		@Override
		Subject find(Subjects subjects, String slug) {
			Subject tag = subjects.tag(slug);
			return tag.describedAs(subjects.text("listing.tag.description", tag.name()));
		}

		@Override
		ListingFilter filter(Subject subject) {
			// counted like a category, by month: post_tag keeps its post's date and status, and
			// its index post_tag_listing yields a tag's published posts newest first (V95, V96)
			return ListingFilter.countedByMonth(
					" and exists (select 1 from post_tag pt where pt.post_id = p.id and pt.tag_id = :tag)",
					Map.of("tag", subject.id()), "tag", subject.id(),
					"select pt.published_at, pt.post_id as id from post_tag pt where pt.published and pt.tag_id = :tag");
		}

		@Override
		String withPosts() {
			// a tag's first visible post is looked for tag by tag (lateral ... limit 1): written as
			// "exists", PostgreSQL hash-joined all of post_tag with all posts, about 2 s at
			// 1,000,000 posts with 30 tags
			return """
					select t.id, t.slug, t.name from tag t
					cross join lateral (select 1 from post_tag pt join post p on p.id = pt.post_id
					                    where pt.tag_id = t.id and %s limit 1) shown
					order by lower(t.name)""".formatted(Visibility.VISIBLE);
		}
	},

	/** An author: {@code /blog/author/marco-palladino}. */
	AUTHOR("author") {
		@Override
		Subject find(Subjects subjects, String slug) {
			Subject author = subjects.author(slug);
			// an author's own bio, when an editor wrote one, says more than this
			return author.description().isBlank() ? author.describedAs(subjects.text("listing.author.description", author.name())) : author;
		}

		@Override
		ListingFilter filter(Subject subject) {
			return ListingFilter.uncounted(" and p.author_id = :author", Map.of("author", subject.id()));
		}

		@Override
		String withPosts() {
			return """
					select a.id, a.slug, a.name from author a
					where exists (select 1 from post p where p.author_id = a.id and %s)
					order by lower(a.name)""".formatted(Visibility.VISIBLE);
		}
	},

	/** A blog Blogroll follows, and its posts: {@code /blog/source/martin-fowler}. */
	SOURCE("source") {
		@Override
		Subject find(Subjects subjects, String slug) {
			return subjects.source(slug);
		}

		@Override
		ListingFilter filter(Subject subject) {
			// read from post_listing_source, (source_id, published_at desc, id desc)
			return ListingFilter.uncounted(" and p.source_id = :source", Map.of("source", subject.id()));
		}

		@Override
		String withPosts() {
			return """
					select s.id, s.slug, s.name from feed_source s
					where exists (select 1 from post p where p.source_id = s.id and %s)
					order by lower(s.name)""".formatted(Visibility.VISIBLE);
		}
	};

	private final @Nullable String word;

	ListingKind(@Nullable String word) {
		this.word = word;
	}

	/**
	 * The listing of this kind that {@code slug} names, or a {@link NotFoundException}.
	 * @param subjects where categories, tags and authors are looked up
	 */
	abstract Subject find(Subjects subjects, String slug);

	/** Which posts the listing of {@code subject} shows. */
	abstract ListingFilter filter(Subject subject);

	/**
	 * A statement selecting every listing of this kind that has posts readers can see now, as
	 * {@code id, slug, name}, in the order readers see them listed; posts are aliased
	 * {@code p} and the time bound as {@code :now}. Sitemaps name these listings, and the
	 * feeds page lists their feeds.
	 */
	abstract String withPosts();

	/**
	 * A statement selecting the slug of every listing of this kind the sitemaps name (those
	 * with something to show), one column; bound like {@link #withPosts()}.
	 */
	public String sitemapSlugs() {
		return "select slug from (" + withPosts() + ") as with_posts";
	}

	/** Whether its pages say how many posts it has (a tag's or an author's do). */
	public boolean showsCount() {
		return this == TAG || this == AUTHOR;
	}

	/** The first page of the listing {@code slug} names. */
	public String path(String slug) {
		return (this == ALL) ? SitePaths.BLOG : SitePaths.listing(this.word, slug);
	}

	/** Whether {@code /blog/<word>/…} is a kind of listing ({@code tag}, {@code author}). */
	public static boolean isWord(String word) {
		for (ListingKind kind : values()) {
			if (word.equals(kind.word)) {
				return true;
			}
		}
		return false;
	}

	/** The kind whose URLs are {@code /blog/<word>/<slug>}, or a 404. */
	public static ListingKind byWord(String word) {
		for (ListingKind kind : values()) {
			if (word.equals(kind.word)) {
				return kind;
			}
		}
		throw new NotFoundException("There is no listing of " + word);
	}

	/**
	 * What a listing is about: a category, a tag, an author, a blog, or everything.
	 *
	 * @param id its key, e.g. the category's id
	 * @param slug the URL segment that names it
	 * @param name the listing's heading
	 * @param description the text under the heading
	 * @param image its picture (an author's avatar, an https address), if it has one
	 * @param siteUrl the blog's own site, for the listing of a blog; {@code null} otherwise
	 */
	record Subject(long id, String slug, String name, String description, @Nullable String image,
			@Nullable String siteUrl) {

		Subject(long id, String slug, String name, String description) {
			this(id, slug, name, description, null, null);
		}

		Subject describedAs(String description) {
			return new Subject(this.id, this.slug, this.name, description, this.image, this.siteUrl);
		}

	}

	/**
	 * Where categories, tags and authors are looked up by slug, with their own description
	 * (empty if they have none); each throws a 404 for an unknown one.
	 */
	interface Subjects {

		Subject category(String slug);

		Subject tag(String slug);

		Subject author(String slug);

		Subject source(String slug);

		/** The site's wording of message {@code code} ({@code messages.properties}). */
		String text(String code, Object... args);

	}

}
