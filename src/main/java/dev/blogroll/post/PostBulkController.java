package dev.blogroll.post;

import java.security.Principal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.category.CategoryRepository;
import dev.blogroll.web.SiteLocale;

/**
 * Bulk actions on the posts ticked in the table ({@link PostBulk}): publish, unpublish, move to
 * a category, add a tag, trash; the message counts the posts changed and has an "Undo" button
 * that puts back exactly what the action changed.
 */
@Controller
@RequestMapping("/admin/posts/bulk")
class PostBulkController {

	private final PostBulk bulk;

	private final CategoryRepository categories;

	private final SiteLocale siteLocale;

	PostBulkController(PostBulk bulk, CategoryRepository categories, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.bulk = bulk;
		this.categories = categories;
	}

	@PostMapping
	String processBulkAction(@RequestParam(defaultValue = "") List<Long> ids, @RequestParam String action,
			@RequestParam(required = false) @Nullable Long categoryId, @RequestParam(defaultValue = "") String tag,
			Principal principal, RedirectAttributes redirect) {
		List<Long> chosen = ids.stream().distinct().limit(PostBulk.MAX_POSTS).toList();
		if (chosen.isEmpty()) {
			redirect.addFlashAttribute("error", this.siteLocale.text("post.bulk.tickFirst"));
			return "redirect:/admin/posts";
		}
		String user = principal.getName();
		PostBulk.Done done;
		switch (action) {
			case "publish" -> done = this.bulk.setStatus(chosen, "DRAFT", "PUBLISHED", user);
			case "unpublish" -> done = this.bulk.setStatus(chosen, "PUBLISHED", "DRAFT", user);
			case "trash" -> done = this.bulk.trash(chosen, user);
			case "move" -> {
				if (categoryId == null || !this.categories.existsById(categoryId)) {
					redirect.addFlashAttribute("error", this.siteLocale.text("post.bulk.chooseCategory"));
					return "redirect:/admin/posts";
				}
				done = this.bulk.move(chosen, categoryId, user);
			}
			case "tag" -> {
				PostRules.Problem broken = tag.isBlank() ? null : PostRules.tagProblem(tag.strip());
				String problem = tag.isBlank() ? this.siteLocale.text("post.bulk.enterTag")
						: (broken != null) ? this.siteLocale.text(broken.code(), (Object[]) broken.args()) : null;
				if (problem != null) {
					redirect.addFlashAttribute("error", problem);
					return "redirect:/admin/posts";
				}
				done = this.bulk.tag(chosen, tag.strip(), user);
			}
			default -> {
				redirect.addFlashAttribute("error", this.siteLocale.text("post.bulk.chooseAction"));
				return "redirect:/admin/posts";
			}
		}
		redirect.addFlashAttribute("message", switch (done.action()) {
			case "publish", "unpublish", "trash", "move" ->
				this.siteLocale.text("post.bulk.done." + done.action(), done.count(), chosen.size());
			default -> this.siteLocale.text("post.bulk.done.tag", done.count(), chosen.size(), tag.strip());
		});
		if (done.count() > 0) {
			redirect.addFlashAttribute("bulkUndo", done);
		}
		return "redirect:/admin/posts";
	}

	@PostMapping("/undo")
	String undo(@RequestParam String action, @RequestParam(defaultValue = "") List<String> changes,
			Principal principal, RedirectAttributes redirect) {
		List<String> valid = changes.stream().filter((change) -> change.matches("[0-9]{1,18}:[A-Z0-9]{1,18}"))
			.limit(PostBulk.MAX_POSTS).toList();
		int undone = this.bulk.undo(action, valid, principal.getName());
		redirect.addFlashAttribute("message", this.siteLocale.text("post.bulk.undone", undone));
		return "redirect:/admin/posts";
	}

}
