package dev.blogroll.web;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter of Blogroll's that runs once per request, as Spring's {@link OncePerRequestFilter},
 * whose "already filtered" request attribute is named once instead of on every request.
 * <p>
 * Spring builds that name for each request and each filter ({@code getFilterName() +
 * ".FILTERED"}, a string concatenation); when nine such filters stood in front of the page
 * cache, JFR found 15 % of the request threads' samples of a kept page in building these names
 * (bench/README.md, "The page path").
 * The name is the filter's class, which is as unique as the bean name it replaces: every one of
 * these filters is registered once.
 */
public abstract class SiteFilter extends OncePerRequestFilter {

	private final String alreadyFiltered = getClass().getName() + ALREADY_FILTERED_SUFFIX;

	@Override
	protected final String getAlreadyFilteredAttributeName() {
		return this.alreadyFiltered;
	}

}
