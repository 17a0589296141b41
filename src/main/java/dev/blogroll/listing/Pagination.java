package dev.blogroll.listing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.blogroll.web.SitePaths;

/**
 * The page links of a paged listing, as the reader sees them: {@code ‹Prev 1 … 16 17 18 … 20 Next›}.
 * <p>
 * The numbers shown are the first, the last, and the pages next to the current one; each run
 * of hidden numbers becomes one gap. Links are built from the listing's base path
 * ({@code /blog/engineering}), so they keep the listing's category, tag or author: page 1 is
 * the base path itself, page N is {@code <base>/page/N}. A list whose URL has a query string
 * (search results, {@code /search?q=kong}) numbers its pages with a query parameter instead:
 * page N is {@code /search?q=kong&page=N}, see {@link #withPageParameter}.
 *
 * @param basePath the list's own URL, page 1; already percent-encoded
 * @param current the page shown, from 1 to {@code last}
 * @param last the number of pages, at least 1
 * @param pageParameter whether pages are {@code &page=N} (true) or {@code /page/N} (false)
 */
public record Pagination(String basePath, int current, int last, boolean pageParameter) {

	public Pagination {
		if (last < 1 || current < 1 || current > last) {
			throw new IllegalArgumentException("Page " + current + " of " + last + " does not exist");
		}
	}

	/** A listing whose page N is {@code <base>/page/N}. */
	public Pagination(String basePath, int current, int last) {
		this(basePath, current, last, false);
	}

	/**
	 * A list whose page N adds {@code page=N} to the query string of {@code url}, e.g.
	 * {@code /search?q=service+mesh&tag=kuma}; page 1 is {@code url} itself.
	 */
	public static Pagination withPageParameter(String url, int current, int last) {
		return new Pagination(url, current, last, true);
	}

	/** The URL of page {@code page} of this listing. */
	public String href(int page) {
		if (page == 1) {
			return this.basePath;
		}
		if (this.pageParameter) {
			return this.basePath + (this.basePath.contains("?") ? "&" : "?") + "page=" + page;
		}
		return SitePaths.page(this.basePath, page);
	}

	public boolean hasPrevious() {
		return this.current > 1;
	}

	public boolean hasNext() {
		return this.current < this.last;
	}

	/** Whether there is anything to paginate at all. */
	public boolean isPaged() {
		return this.last > 1;
	}

	public @Nullable String previousHref() {
		return hasPrevious() ? href(this.current - 1) : null;
	}

	public @Nullable String nextHref() {
		return hasNext() ? href(this.current + 1) : null;
	}

	/** What the navigation shows, left to right. */
	public List<Item> items() {
		List<Item> items = new ArrayList<>();
		if (hasPrevious()) {
			items.add(new Item(Item.Kind.PREVIOUS, "‹Prev", previousHref()));
		}
		int shownBefore = 0;
		for (int page = 1; page <= this.last; page++) {
			if (!isShown(page)) {
				continue;
			}
			if (page > shownBefore + 1) {
				items.add(new Item(Item.Kind.GAP, "…", null));
			}
			items.add((page == this.current) ? new Item(Item.Kind.CURRENT, Integer.toString(page), null)
					: new Item(Item.Kind.PAGE, Integer.toString(page), href(page)));
			shownBefore = page;
			// jump straight to the next number that is shown, so a 1,000,000-page listing costs nothing
			if (page < this.current - 2) {
				page = this.current - 2;
			}
			else if (page > this.current && page < this.last - 1) {
				page = this.last - 1;
			}
		}
		if (hasNext()) {
			items.add(new Item(Item.Kind.NEXT, "Next›", nextHref()));
		}
		return items;
	}

	private boolean isShown(int page) {
		return page == 1 || page == this.last || Math.abs(page - this.current) <= 1;
	}

	/**
	 * One entry of the page navigation.
	 *
	 * @param kind what the entry is
	 * @param label its text
	 * @param href where it leads; null for the current page and for gaps
	 */
	public record Item(Kind kind, String label, @Nullable String href) {

		public enum Kind {

			PREVIOUS, PAGE, CURRENT, GAP, NEXT

		}

		public boolean isLink() {
			return this.href != null;
		}

		public boolean isCurrent() {
			return this.kind == Kind.CURRENT;
		}

		public boolean isGap() {
			return this.kind == Kind.GAP;
		}

	}

}
