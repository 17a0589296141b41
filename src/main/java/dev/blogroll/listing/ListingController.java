package dev.blogroll.listing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.author.Author;
import dev.blogroll.author.AuthorRepository;
import dev.blogroll.category.Category;
import dev.blogroll.category.CategoryRepository;
import dev.blogroll.tag.Tag;
import dev.blogroll.tag.TagRepository;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteChrome.Link;

/**
 * The paged listings readers browse: every post, and the posts of one category, tag or
 * author. Page 1 lives at the listing's own URL, page N at {@code <listing>/page/N}.
 */
@Controller
@RequestMapping("/blog")
class ListingController {

	private static final Link HOME = new Link("Home", "/");

	private static final Link BLOG = new Link("Blog", "/blog");

	private final ListingQueries queries;

	private final CategoryRepository categories;

	private final TagRepository tags;

	private final AuthorRepository authors;

	private final int pageSize;

	ListingController(ListingQueries queries, CategoryRepository categories, TagRepository tags,
			AuthorRepository authors, BlogrollProperties properties) {
		this.queries = queries;
		this.categories = categories;
		this.tags = tags;
		this.authors = authors;
		this.pageSize = properties.pageSize();
	}

	@GetMapping({ "", "/page/{page}" })
	String showAllPosts(@PathVariable(required = false) @Nullable String page, Model model) {
		return render(new ListingFilter.All(), "/blog", "All posts", "Every post on the blog, newest first.", page,
				model);
	}

	@GetMapping({ "/{category}", "/{category}/page/{page}" })
	String showCategory(@PathVariable("category") String slug, @PathVariable(required = false) @Nullable String page,
			Model model) {
		Category category = this.categories.getBySlug(slug);
		return render(new ListingFilter.ByCategory(category.getId()), category.getPath(), category.getName(),
				category.getDescription(), page, model);
	}

	@GetMapping({ "/tag/{tag}", "/tag/{tag}/page/{page}" })
	String showTag(@PathVariable("tag") String slug, @PathVariable(required = false) @Nullable String page,
			Model model) {
		Tag tag = this.tags.getBySlug(slug);
		return render(new ListingFilter.ByTag(tag.getId()), tag.getPath(), tag.getName(),
				"Posts tagged “" + tag.getName() + "”.", page, model);
	}

	@GetMapping({ "/author/{author}", "/author/{author}/page/{page}" })
	String showAuthor(@PathVariable("author") String slug, @PathVariable(required = false) @Nullable String page,
			Model model) {
		Author author = this.authors.getBySlug(slug);
		return render(new ListingFilter.ByAuthor(author.getId()), author.getPath(), author.getName(),
				"Posts by " + author.getName() + ".", page, model);
	}

	private String render(ListingFilter filter, String basePath, String heading, @Nullable String description,
			@Nullable String pageSegment, Model model) {
		int page = (pageSegment == null) ? 1 : PageNumber.parse(pageSegment, basePath);
		long total = this.queries.count(filter);
		int last = (int) Math.max(1, (total + this.pageSize - 1) / this.pageSize);
		if (page > last) {
			throw new NotFoundException(heading + " has " + last + " pages, not " + page);
		}
		List<PostCard> cards = (total == 0) ? List.of() : this.queries.page(filter, page, this.pageSize);
		List<Link> breadcrumbs = new ArrayList<>(List.of(HOME, BLOG));
		if (!(filter instanceof ListingFilter.All)) {
			breadcrumbs.add(new Link(heading, basePath));
		}
		model.addAttribute("listing", new Listing(heading, description, cards, new Pagination(basePath, page, last)));
		model.addAttribute("breadcrumbs", breadcrumbs);
		return "listing/listing";
	}

}
