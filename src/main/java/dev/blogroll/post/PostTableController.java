package dev.blogroll.post;

import java.security.Principal;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.listing.PageNumber;
import dev.blogroll.listing.Pagination;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * The editors' table of posts (filtered by status, category, author and words, a page at a
 * time) and what is done to a post from it: preview, trash, restore, empty the trash. The forms are
 * {@link PostAdminController}'s.
 */
@Controller
@RequestMapping("/admin/posts")
class PostTableController {

	private final PostTable table;

	private final PostEditor editor;

	private final NearbyPosts nearbyPosts;

	private final ZoneId zone;

	private final SiteLocale siteLocale;

	PostTableController(PostTable table, PostEditor editor, NearbyPosts nearbyPosts, BlogrollProperties properties,
			SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.table = table;
		this.editor = editor;
		this.nearbyPosts = nearbyPosts;
		this.zone = properties.timeZone();
	}

	/** A post as readers will see it, drafts and scheduled posts too, for editors only. */
	@GetMapping("/{id}/preview")
	@Transactional(readOnly = true)
	String showPreview(@PathVariable long id, Model model) {
		Post post = this.editor.find(id);
		model.addAttribute("page", PostPage.of(post, this.nearbyPosts.around(post), this.siteLocale));
		model.addAttribute("preview", true);
		return "post/post";
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

	@PostMapping("/{id}/trash")
	String trash(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		Post post = this.editor.trash(id, principal.getName());
		redirect.addFlashAttribute("message", this.siteLocale.text("post.trashed", post.getTitle()));
		redirect.addFlashAttribute("undo", "/admin/posts/" + id + "/restore");
		return "redirect:/admin/posts";
	}

	/** Takes a post out of the trash: from the trash, or as the undo of trashing it (back to the list). */
	@PostMapping("/{id}/restore")
	String restore(@PathVariable long id, @RequestParam(defaultValue = "false") boolean undo, Principal principal,
			RedirectAttributes redirect) {
		Post post = this.editor.restore(id, principal.getName());
		redirect.addFlashAttribute("message", this.siteLocale.text("post.restored", post.getTitle()));
		return undo ? "redirect:/admin/posts" : "redirect:/admin/posts?status=trash";
	}

	@GetMapping("/trash/empty")
	String confirmEmptyTrash(Model model) {
		model.addAttribute("count", this.editor.countTrashed());
		return "admin/empty-trash";
	}

	@PostMapping("/trash/empty")
	String emptyTrash(@RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
		if (!confirm) {
			redirect.addFlashAttribute("error", this.siteLocale.text("post.emptyTrash.confirm"));
			return "redirect:/admin/posts/trash/empty";
		}
		int deleted = this.editor.emptyTrash();
		redirect.addFlashAttribute("message", this.siteLocale.text("post.emptyTrash.done", deleted));
		return "redirect:/admin/posts?status=trash";
	}

}
