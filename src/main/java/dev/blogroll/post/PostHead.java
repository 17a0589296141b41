package dev.blogroll.post;

import java.util.List;
import java.util.Map;

import dev.blogroll.web.PageHead;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.SiteChrome.Link;

import static dev.blogroll.web.PageHeads.object;

/**
 * The head of a post page: its canonical URL (the original, for a post aggregated from
 * elsewhere that has no body here), Open Graph and a schema.org {@code BlogPosting}.
 */
final class PostHead {

	private final PageHeads heads;

	PostHead(PageHeads heads) {
		this.heads = heads;
	}

	PageHead of(Post post, List<Link> breadcrumbs) {
		String canonical = isAggregatedElsewhere(post) ? post.getSourceUrl() : this.heads.absolute(post.getPath());
		String image = (post.getImageUrl() != null) ? post.getImageUrl() : this.heads.defaultImage();
		Map<String, Object> author = object("@type", "Person", "name", post.getAuthor().getName(), "url",
				this.heads.absolute(post.getAuthor().getPath()));
		Map<String, Object> posting = object("@type", "BlogPosting", "headline", post.getTitle(), "description",
				post.getSummary(), "url", canonical, "mainEntityOfPage", canonical, "datePublished",
				post.getPublishedAt().toString(), "dateModified", post.getUpdatedAt().toString(), "author", author,
				"image", image, "articleSection", post.getCategory().getName(), "keywords",
				post.getTagsByName().stream().map((tag) -> tag.getName()).toList());
		return new PageHead(post.getSummary(), canonical, "article", image, null, null,
				List.of(), this.heads.jsonLd(List.of(this.heads.breadcrumbList(breadcrumbs), posting)));
	}

	/** A post that lives elsewhere: it has a source URL and no body of its own. */
	static boolean isAggregatedElsewhere(Post post) {
		return post.getSourceUrl() != null && post.getBody() == null;
	}

}
