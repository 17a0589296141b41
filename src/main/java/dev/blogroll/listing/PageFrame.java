package dev.blogroll.listing;

import java.text.NumberFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import dev.blogroll.media.LibraryImages;
import dev.blogroll.web.Link;
import dev.blogroll.web.PageHead.FeedLink;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.SiteLocale;

/**
 * What every public page's template gets besides its own model, as {@code frame}: the site's
 * chrome (name, categories, featured tags, feeds), where the reader is in it, the interface
 * text, and links as the request writes them. Made for one request by {@link PageViews}, from
 * the model attributes the controllers set for the layout:
 * <ul>
 * <li>{@code currentSection}: the listing this page is ({@code aria-current="page"}) or belongs
 * to (a post's category, with {@code currentAria} {@code "true"});
 * <li>{@code searchPage}: the search page, whose own form replaces the header's; there
 * {@code searchQuery} fills the box;
 * <li>{@code breadcrumbs}: the trail above the content, if any.
 * </ul>
 */
public final class PageFrame {

	private final Services services;

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	private final @Nullable String currentSection;

	private final String current;

	private final boolean searchPage;

	private final @Nullable String searchQuery;

	private final @Nullable List<Link> breadcrumbs;

	private @Nullable List<Link> categories;

	private @Nullable List<Link> featuredTags;

	@SuppressWarnings("unchecked")
	PageFrame(Services services, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
		this.services = services;
		this.request = request;
		this.response = response;
		this.currentSection = (String) model.get("currentSection");
		this.current = Objects.requireNonNullElse((String) model.get("currentAria"), "page");
		this.searchPage = Boolean.TRUE.equals(model.get("searchPage"));
		this.searchQuery = (String) model.get("searchQuery");
		this.breadcrumbs = (List<Link>) model.get("breadcrumbs");
	}

	/** The site's language, for {@code <html lang>}. */
	public String lang() {
		return this.services.words().languageTag();
	}

	public String siteName() {
		return this.services.chrome().siteName();
	}

	/** The interface text {@code code} in the site's language, {@code {0}} filled with {@code args}. */
	public String text(String code, @Nullable Object... args) {
		return this.services.words().text(code, args);
	}

	/** The site's interface text, for the fragments that take it alone (pagination). */
	public SiteLocale words() {
		return this.services.words();
	}

	/** A number as the site's language writes it ({@code 1,234}). */
	public String number(long number) {
		return NumberFormat.getIntegerInstance(this.services.words().locale()).format(number);
	}

	/**
	 * A link to one of the site's own paths, as the response writes it: the context path before
	 * it, and a static file's content hash in its name ({@code /css/site-<md5>.css}).
	 */
	public String href(String path) {
		return this.response.encodeURL(this.request.getContextPath() + path);
	}

	/** Every category with posts, for the phone's menu and the footer. */
	public List<Link> categories() {
		if (this.categories == null) {
			this.categories = this.services.chrome().categories();
		}
		return this.categories;
	}

	/** The categories the header shows. */
	public List<Link> headerCategories() {
		return this.services.chrome().headerCategories();
	}

	/** The featured tags: the topic strip and the phone's menu. */
	public List<Link> featuredTags() {
		if (this.featuredTags == null) {
			this.featuredTags = this.services.chrome().featuredTags();
		}
		return this.featuredTags;
	}

	/** The site's own feeds, for autodiscovery on every page. */
	public List<FeedLink> siteFeeds() {
		return this.services.heads().siteFeeds();
	}

	/** {@code aria-current} of a navigation link to {@code href}: null unless the page is (in) it. */
	public @Nullable String ariaCurrent(String href) {
		return href.equals(this.currentSection) ? this.current : null;
	}

	public boolean searchPage() {
		return this.searchPage;
	}

	/** What the header's search box shows: the query being searched, if any. */
	public @Nullable String searchQuery() {
		return this.searchQuery;
	}

	/** The trail above the content, or null where a page has none. */
	public @Nullable List<Link> breadcrumbs() {
		return this.breadcrumbs;
	}

	/** A listing's grid of cards. */
	public CardGrid listingCards(List<PostCard> posts) {
		return this.services.cards().listing(posts);
	}

	/** A home page section's grid of cards; only the first screen's load their images at once. */
	public CardGrid sectionCards(List<PostCard> posts, boolean firstScreen) {
		return this.services.cards().section(posts, firstScreen);
	}

	/** Search results' grid: each card with the passage that matched. */
	public CardGrid resultCards(List<PostCard> posts, List<String> snippetsHtml) {
		return this.services.cards().results(posts, snippetsHtml);
	}

	/** An image in every width the media library keeps it at, or null if it is not the library's. */
	public LibraryImages.@Nullable Responsive image(@Nullable String url) {
		return this.services.images().of(url);
	}

	/** The beans a frame draws on, the same for every request. */
	record Services(SiteChrome chrome, PageHeads heads, SiteLocale words, Cards cards,
			LibraryImages images) {
	}

}
