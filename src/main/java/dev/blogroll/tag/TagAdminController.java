package dev.blogroll.tag;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.text.Slugs;
import dev.blogroll.web.NotFoundException;

/**
 * Editors rename tags, merge one tag into another (its posts move over) and delete unused ones.
 */
@Controller
@RequestMapping("/admin/tags")
class TagAdminController {

	private final TagRepository tags;

	TagAdminController(TagRepository tags) {
		this.tags = tags;
	}

	@GetMapping
	String showTags(Model model) {
		model.addAttribute("rows", this.tags.findAllWithPostCounts());
		return "admin/tags";
	}

	@PostMapping("/{id}/rename")
	@Transactional
	String rename(@PathVariable long id, @RequestParam String name, RedirectAttributes redirect) {
		Tag tag = find(id);
		String newName = name.strip();
		String slug = Slugs.slugify(newName);
		if (newName.isEmpty() || newName.length() > 80 || slug.isEmpty()) {
			redirect.addFlashAttribute("error", "A tag's name has 1 to 80 characters, with at least one letter or digit.");
			return "redirect:/admin/tags";
		}
		var other = this.tags.findBySlug(slug).filter((found) -> !found.getId().equals(id));
		if (other.isPresent()) {
			redirect.addFlashAttribute("error", "The tag “" + other.get().getName()
					+ "” already has that URL; merge “" + tag.getName() + "” into it instead.");
			return "redirect:/admin/tags";
		}
		String oldName = tag.getName();
		tag.rename(newName);
		this.tags.touchPostsOf(id);
		redirect.addFlashAttribute("message", "Renamed “" + oldName + "” to “" + newName + "”.");
		return "redirect:/admin/tags";
	}

	@PostMapping("/{id}/merge")
	@Transactional
	String merge(@PathVariable long id, @RequestParam long into, RedirectAttributes redirect) {
		Tag source = find(id);
		Tag target = find(into);
		if (id == into) {
			redirect.addFlashAttribute("error", "Choose another tag to merge “" + source.getName() + "” into.");
			return "redirect:/admin/tags";
		}
		this.tags.touchPostsOf(id);
		long posts = this.tags.countPosts(id);
		this.tags.addToPostsOf(id, into);
		this.tags.removeFromPosts(id);
		this.tags.delete(source);
		redirect.addFlashAttribute("message", "Merged “" + source.getName() + "” into “" + target.getName() + "”: its "
				+ posts + " posts are now tagged “" + target.getName() + "”.");
		return "redirect:/admin/tags";
	}

	@PostMapping("/{id}/delete")
	@Transactional
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Tag tag = find(id);
		long posts = this.tags.countPosts(id);
		if (posts > 0) {
			redirect.addFlashAttribute("error", "“" + tag.getName() + "” is still on " + posts
					+ " posts. Merge it into another tag, or remove it from those posts first.");
			return "redirect:/admin/tags";
		}
		this.tags.delete(tag);
		redirect.addFlashAttribute("message", "Deleted the tag “" + tag.getName() + "”.");
		return "redirect:/admin/tags";
	}

	private Tag find(long id) {
		return this.tags.findById(id).orElseThrow(() -> new NotFoundException("There is no tag " + id));
	}

}
