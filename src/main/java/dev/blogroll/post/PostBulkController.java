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

	PostBulkController(PostBulk bulk, CategoryRepository categories) {
		this.bulk = bulk;
		this.categories = categories;
	}

	@PostMapping
	String processBulkAction(@RequestParam(defaultValue = "") List<Long> ids, @RequestParam String action,
			@RequestParam(required = false) @Nullable Long categoryId, @RequestParam(defaultValue = "") String tag,
			Principal principal, RedirectAttributes redirect) {
		List<Long> chosen = ids.stream().distinct().limit(PostBulk.MAX_POSTS).toList();
		if (chosen.isEmpty()) {
			redirect.addFlashAttribute("error", "Tick the posts to act on first.");
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
					redirect.addFlashAttribute("error", "Choose the category to move the posts to.");
					return "redirect:/admin/posts";
				}
				done = this.bulk.move(chosen, categoryId, user);
			}
			case "tag" -> {
				String problem = tag.isBlank() ? "Enter the tag to add." : PostRules.tagProblem(tag.strip());
				if (problem != null) {
					redirect.addFlashAttribute("error", problem);
					return "redirect:/admin/posts";
				}
				done = this.bulk.tag(chosen, tag.strip(), user);
			}
			default -> {
				redirect.addFlashAttribute("error", "Choose what to do with the ticked posts.");
				return "redirect:/admin/posts";
			}
		}
		redirect.addFlashAttribute("message", switch (done.action()) {
			case "publish" -> "Published ";
			case "unpublish" -> "Unpublished ";
			case "trash" -> "Moved to the trash: ";
			case "move" -> "Moved to another category: ";
			default -> "Tagged “" + tag.strip() + "”: ";
		} + posts(done.count()) + " (of " + chosen.size() + " ticked).");
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
		redirect.addFlashAttribute("message", "Undone: " + posts(undone) + " changed back.");
		return "redirect:/admin/posts";
	}

	private static String posts(int count) {
		return count + ((count == 1) ? " post" : " posts");
	}

}
