package dev.blogroll.post;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.blogroll.web.Link;
import dev.blogroll.web.PageHead;
import dev.blogroll.web.PageHeads;

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

	PageHead of(PostPage page) {
		String canonical = page.isAggregatedElsewhere() ? page.sourceUrl() : this.heads.absolute(page.path());
		String image = (page.imageUrl() != null) ? page.imageUrl() : this.heads.defaultImage();
		Map<String, Object> author = object("@type", "Person", "name", page.author().label(), "url",
				this.heads.absolute(page.author().href()));
		Map<String, Object> posting = object("@type", "BlogPosting", "headline", page.title(), "description",
				page.description(), "url", canonical, "mainEntityOfPage", canonical, "datePublished",
				page.publishedAtForMachines(), "dateModified", page.updatedAt().truncatedTo(ChronoUnit.MILLIS).toString(),
				"author", author,
				"image", image, "articleSection", page.category().label(), "keywords",
				page.tags().stream().map(Link::label).toList(), "inLanguage", this.heads.language());
		return new PageHead(page.description(), canonical, "article", image, null, null, List.of(),
				this.heads.jsonLd(List.of(this.heads.breadcrumbList(page.breadcrumbs(this.heads.siteCrumbs())), posting)));
	}

}
