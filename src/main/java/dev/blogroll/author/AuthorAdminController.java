package dev.blogroll.author;

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
import dev.blogroll.web.SitePaths;

/**
 * Editors rename authors and delete those without posts. New authors are created from the post
 * form.
 */
@Controller
@RequestMapping("/admin/authors")
class AuthorAdminController {

	private final AuthorRepository authors;

	AuthorAdminController(AuthorRepository authors) {
		this.authors = authors;
	}

	@GetMapping
	String showAuthors(Model model) {
		model.addAttribute("rows", this.authors.findAllWithPostCounts());
		return "admin/authors";
	}

	@PostMapping("/{id}/rename")
	@Transactional
	String rename(@PathVariable long id, @RequestParam String name, RedirectAttributes redirect) {
		Author author = find(id);
		String newName = name.strip();
		String slug = Slugs.slugify(newName);
		if (newName.isEmpty() || newName.length() > 200 || slug.isEmpty()) {
			redirect.addFlashAttribute("error", "An author's name has 1 to 200 characters, with at least one letter or digit.");
			return "redirect:/admin/authors";
		}
		if (this.authors.findBySlug(slug).filter((other) -> !other.getId().equals(id)).isPresent()) {
			redirect.addFlashAttribute("error", "Another author already has the URL " + SitePaths.author(slug) + ".");
			return "redirect:/admin/authors";
		}
		String oldName = author.getName();
		author.rename(newName);
		this.authors.touchPostsOf(id);
		redirect.addFlashAttribute("message", "Renamed “" + oldName + "” to “" + newName + "”.");
		return "redirect:/admin/authors";
	}

	@PostMapping("/{id}/delete")
	@Transactional
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Author author = find(id);
		long posts = this.authors.countPosts(id);
		if (posts > 0) {
			redirect.addFlashAttribute("error", "“" + author.getName() + "” still has " + posts
					+ " posts (trashed ones included). Give them another author or delete them first.");
			return "redirect:/admin/authors";
		}
		this.authors.delete(author);
		redirect.addFlashAttribute("message", "Deleted the author “" + author.getName() + "”.");
		return "redirect:/admin/authors";
	}

	private Author find(long id) {
		return this.authors.findById(id).orElseThrow(() -> new NotFoundException("There is no author " + id));
	}

}
