package dev.blogroll.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Everything a page's template renders, besides the chrome every page shares, as one object;
 * the page's validators are made from it ({@link PageVersion#with}), so a page cannot show
 * something its {@code ETag} ignores.
 * <p>
 * Implementations are records made of records, strings, numbers, dates and lists of those,
 * which {@link PageVersion} reads component by component, so that all they hold is hashed:
 * never an entity or another object whose text is not its content. What a template derives
 * from the model (its head, its breadcrumbs, HTML rendered from Markdown) is covered by the
 * model it comes from.
 */
public interface PageModel {

	/** When the newest thing the page shows last changed, for {@code Last-Modified}. */
	@Nullable Instant lastModified();

}
