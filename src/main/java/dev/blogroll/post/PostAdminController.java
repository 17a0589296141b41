package dev.blogroll.post;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.author.Author;
import dev.blogroll.author.AuthorRepository;
import dev.blogroll.category.Category;
import dev.blogroll.category.CategoryRepository;
import dev.blogroll.database.DatabaseBusyException;
import dev.blogroll.listing.PageNumber;
import dev.blogroll.listing.Pagination;
import dev.blogroll.web.NotFoundException;

/**
 * The editors' pages for posts: the table, the create and edit forms (Post/Redirect/Get, with
 * the input kept when something is wrong), preview, the trash.
 */
@Controller
@RequestMapping("/admin/posts")
class PostAdminController {

	private static final String FORM = "admin/post-form";

	private final PostEditor editor;

	private final PostTable table;

	private final NearbyPosts nearbyPosts;

	private final CategoryRepository categories;

	private final AuthorRepository authors;

	private final Clock clock;

	private final ZoneId zone;

	PostAdminController(PostEditor editor, PostTable table, NearbyPosts nearbyPosts, CategoryRepository categories,
			AuthorRepository authors, Clock clock, BlogrollProperties properties) {
		this.editor = editor;
		this.table = table;
		this.nearbyPosts = nearbyPosts;
		this.categories = categories;
		this.authors = authors;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	@ModelAttribute("categories")
	List<Category> categories() {
		return this.categories.findAllByOrderByNameAsc();
	}

	@ModelAttribute("authors")
	List<Author> authors() {
		return this.authors.findAll(Sort.by("name"));
	}

	@ModelAttribute("timeZone")
	String timeZone() {
		return this.zone.getId();
	}

	@GetMapping
	String showTable(@RequestParam(required = false) @Nullable String page,
			@RequestParam(defaultValue = "all") String status, @RequestParam(required = false) @Nullable Long category,
			@RequestParam(required = false) @Nullable Long author, @RequestParam(required = false) @Nullable String q,
			Model model) {
		PostTable.Filter filter = new PostTable.Filter(status, category, author, q);
		String url = "/admin/posts" + filter.query();
		int current = (page == null) ? 1 : PageNumber.parse(page, url);
		long total = this.table.count(filter);
		int last = (int) Math.max(1, (total + PostTable.PAGE_SIZE - 1) / PostTable.PAGE_SIZE);
		if (current > last) {
			throw new NotFoundException("There is no page " + current);
		}
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", PostTable.Filter.STATUSES);
		model.addAttribute("rows", this.table.page(filter, current));
		model.addAttribute("total", total);
		model.addAttribute("pagination", Pagination.withPageParameter(url, current, last));
		return "admin/posts";
	}

	@GetMapping("/new")
	String initCreateForm(Model model) {
		model.addAttribute("postForm", PostForm.blank(LocalDateTime.now(this.clock.withZone(this.zone))));
		return FORM;
	}

	@PostMapping("/new")
	String processCreateForm(@Valid PostForm postForm, BindingResult result, Principal principal, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		this.editor.check(postForm, null, result);
		if (result.hasErrors()) {
			return FORM;
		}
		return save(() -> this.editor.create(postForm, principal.getName()), postForm, result, model, response,
				redirect);
	}

	@GetMapping("/{id}/edit")
	String initEditForm(@PathVariable long id, Model model) {
		Post post = this.editor.find(id);
		model.addAttribute("postForm", PostForm.of(post, this.zone));
		model.addAttribute("post", post);
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String processEditForm(@PathVariable long id, @Valid PostForm postForm, BindingResult result, Principal principal,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Post existing = this.editor.find(id);
		model.addAttribute("post", existing);
		this.editor.check(postForm, id, result);
		if (result.hasErrors()) {
			return FORM;
		}
		return save(() -> this.editor.update(id, postForm, principal.getName()), postForm, result, model, response,
				redirect);
	}

	/**
	 * Saves, and on success redirects to the post's form (Post/Redirect/Get). Whatever another
	 * editor did at the same instant comes back as the form, with this editor's input: a
	 * conflicting save of the same post (what differs, and saving again replaces it), a slug
	 * taken meanwhile, or a database too busy to take the write just now.
	 */
	private String save(Supplier<Post> saving, PostForm postForm, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Post post = saving.get();
			redirect.addFlashAttribute("message", "Saved “" + post.getTitle() + "”.");
			return "redirect:/admin/posts/" + post.getId() + "/edit";
		}
		catch (PostEditor.EditConflict conflict) {
			Post current = conflict.getCurrent();
			model.addAttribute("post", current);
			model.addAttribute("conflict", conflict.getDifferences());
			model.addAttribute("saved", PostForm.of(current, this.zone));
			// saving again, after reading what changed, deliberately replaces the other version
			model.addAttribute("postForm", postForm.withVersion(current.getVersion()));
			return FORM;
		}
		catch (PostEditor.SlugTaken taken) {
			result.rejectValue("slug", "slug.taken", taken.getMessage());
			return FORM;
		}
		catch (DatabaseBusyException busy) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			model.addAttribute("busy", true);
			return FORM;
		}
	}

	@GetMapping("/{id}/preview")
	@Transactional(readOnly = true)
	String showPreview(@PathVariable long id, Model model) {
		Post post = this.editor.find(id);
		model.addAttribute("page", PostPage.of(post, this.nearbyPosts.around(post), this.zone));
		model.addAttribute("preview", true);
		return "post/post";
	}

	@PostMapping("/{id}/trash")
	String trash(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		Post post = this.editor.trash(id, principal.getName());
		redirect.addFlashAttribute("message", "Moved “" + post.getTitle() + "” to the trash. Its URL now answers 410 Gone.");
		return "redirect:/admin/posts";
	}

	@PostMapping("/{id}/restore")
	String restore(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		Post post = this.editor.restore(id, principal.getName());
		redirect.addFlashAttribute("message", "Restored “" + post.getTitle() + "”.");
		return "redirect:/admin/posts?status=trash";
	}

	@GetMapping("/trash/empty")
	String confirmEmptyTrash(Model model) {
		model.addAttribute("count", this.editor.countTrashed());
		return "admin/empty-trash";
	}

	@PostMapping("/trash/empty")
	String emptyTrash(@RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
		if (!confirm) {
			redirect.addFlashAttribute("error", "Tick the box to confirm that the trashed posts are deleted for good.");
			return "redirect:/admin/posts/trash/empty";
		}
		int deleted = this.editor.emptyTrash();
		redirect.addFlashAttribute("message", "Deleted " + deleted + " trashed posts for good.");
		return "redirect:/admin/posts?status=trash";
	}

}
