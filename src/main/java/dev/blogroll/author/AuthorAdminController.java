package dev.blogroll.author;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.database.Writes;
import dev.blogroll.text.Slugs;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;
import dev.blogroll.web.SitePaths;

/**
 * Editors rename authors and delete those without posts. New authors are created from the post
 * form. Each change is one transaction ({@link Writes}); a name taken or a post given to the
 * author by another editor at the same instant comes back as the page's message.
 */
@Controller
@RequestMapping("/admin/authors")
class AuthorAdminController {

	private final AuthorRepository authors;

	private final Writes writes;

	private final SiteLocale siteLocale;

	AuthorAdminController(AuthorRepository authors, Writes writes, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.authors = authors;
		this.writes = writes;
	}

	@GetMapping
	String showAuthors(Model model) {
		model.addAttribute("rows", this.authors.findAllWithPostCounts());
		return "admin/authors";
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @RequestParam String name, RedirectAttributes redirect) {
		Author author = find(id);
		String newName = name.strip();
		String slug = Slugs.slugify(newName);
		if (newName.isEmpty() || newName.length() > 200 || slug.isEmpty()) {
			redirect.addFlashAttribute("error", this.siteLocale.text("author.name.invalid"));
			return "redirect:/admin/authors";
		}
		if (this.authors.findBySlug(slug).filter((other) -> !other.getId().equals(id)).isPresent()) {
			redirect.addFlashAttribute("error", this.siteLocale.text("author.url.taken", SitePaths.author(slug)));
			return "redirect:/admin/authors";
		}
		String oldName = author.getName();
		boolean renamed = write(redirect, this.siteLocale.text("author.rename.lostRace"), () -> {
			find(id).rename(newName);
			this.authors.touchPostsOf(id);
		});
		if (renamed) {
			redirect.addFlashAttribute("message", this.siteLocale.text("admin.renamed", oldName, newName));
		}
		return "redirect:/admin/authors";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Author author = find(id);
		long posts = this.authors.countPosts(id);
		if (posts > 0) {
			redirect.addFlashAttribute("error", this.siteLocale.text("author.stillHasPosts", author.getName(), posts));
			return "redirect:/admin/authors";
		}
		if (write(redirect, this.siteLocale.text("author.delete.lostRace", author.getName()),
				() -> this.authors.deleteById(id))) {
			redirect.addFlashAttribute("message", this.siteLocale.text("author.deleted", author.getName()));
		}
		return "redirect:/admin/authors";
	}

	/** Runs a change; if another editor's change won a race with it, says so on the page instead. */
	private boolean write(RedirectAttributes redirect, String lostRace, Runnable change) {
		boolean written = this.writes.unlessRaceLost(() -> {
			change.run();
			// the delete or rename reaches the database here, not at commit
			this.authors.flush();
		});
		if (!written) {
			redirect.addFlashAttribute("error", lostRace);
		}
		return written;
	}

	private Author find(long id) {
		return this.authors.findById(id).orElseThrow(() -> new NotFoundException("There is no author " + id));
	}

}
