package dev.blogroll.tag;

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

/**
 * Editors rename tags, merge one tag into another (its posts move over) and delete unused ones.
 * Each change is one transaction ({@link Writes}); what another editor did at the same instant
 * (took the name, tagged a post with the tag being deleted, deleted the tag being merged into)
 * comes back as the page's message.
 */
@Controller
@RequestMapping("/admin/tags")
class TagAdminController {

	private final TagRepository tags;

	private final Writes writes;

	private final SiteLocale siteLocale;

	TagAdminController(TagRepository tags, Writes writes, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.tags = tags;
		this.writes = writes;
	}

	@GetMapping
	String showTags(Model model) {
		model.addAttribute("rows", this.tags.findAllWithPostCounts());
		return "admin/tags";
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @RequestParam String name, RedirectAttributes redirect) {
		Tag tag = find(id);
		String newName = name.strip();
		String slug = Slugs.slugify(newName);
		if (newName.isEmpty() || newName.length() > 80 || slug.isEmpty()) {
			redirect.addFlashAttribute("error", this.siteLocale.text("tag.name.invalid"));
			return "redirect:/admin/tags";
		}
		var other = this.tags.findBySlug(slug).filter((found) -> !found.getId().equals(id));
		if (other.isPresent()) {
			redirect.addFlashAttribute("error", this.siteLocale.text("tag.url.taken", other.get().getName(), tag.getName()));
			return "redirect:/admin/tags";
		}
		String oldName = tag.getName();
		boolean renamed = write(redirect, this.siteLocale.text("tag.rename.lostRace"), () -> {
			find(id).rename(newName);
			this.tags.touchPostsOf(id);
		});
		if (renamed) {
			redirect.addFlashAttribute("message", this.siteLocale.text("admin.renamed", oldName, newName));
		}
		return "redirect:/admin/tags";
	}

	@PostMapping("/{id}/merge")
	String merge(@PathVariable long id, @RequestParam long into, RedirectAttributes redirect) {
		Tag source = find(id);
		Tag target = find(into);
		if (id == into) {
			redirect.addFlashAttribute("error", this.siteLocale.text("tag.merge.self", source.getName()));
			return "redirect:/admin/tags";
		}
		long posts = this.tags.countPosts(id);
		boolean merged = write(redirect, this.siteLocale.text("tag.merge.lostRace", target.getName(), source.getName()), () -> {
			this.tags.touchPostsOf(id);
			this.tags.addToPostsOf(id, into);
			this.tags.removeFromPosts(id);
			this.tags.deleteById(id);
		});
		if (!merged) {
			return "redirect:/admin/tags";
		}
		redirect.addFlashAttribute("message", this.siteLocale.text("tag.merged", source.getName(), target.getName(), posts));
		return "redirect:/admin/tags";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Tag tag = find(id);
		long posts = this.tags.countPosts(id);
		if (posts > 0) {
			redirect.addFlashAttribute("error", this.siteLocale.text("tag.stillUsed", tag.getName(), posts));
			return "redirect:/admin/tags";
		}
		if (write(redirect, this.siteLocale.text("tag.delete.lostRace", tag.getName()),
				() -> this.tags.deleteById(id))) {
			redirect.addFlashAttribute("message", this.siteLocale.text("tag.deleted", tag.getName()));
		}
		return "redirect:/admin/tags";
	}

	/** Runs a change; if another editor's change won a race with it, says so on the page instead. */
	private boolean write(RedirectAttributes redirect, String lostRace, Runnable change) {
		boolean written = this.writes.unlessRaceLost(() -> {
			change.run();
			// the delete or rename reaches the database here, not at commit
			this.tags.flush();
		});
		if (!written) {
			redirect.addFlashAttribute("error", lostRace);
		}
		return written;
	}

	private Tag find(long id) {
		return this.tags.findById(id).orElseThrow(() -> new NotFoundException("There is no tag " + id));
	}

}
