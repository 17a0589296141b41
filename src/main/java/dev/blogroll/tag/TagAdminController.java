package dev.blogroll.tag;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.database.DatabaseFailures;
import dev.blogroll.database.Writes;
import dev.blogroll.text.Slugs;
import dev.blogroll.web.NotFoundException;

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

	private final JdbcClient jdbc;

	private final Writes writes;

	TagAdminController(TagRepository tags, JdbcClient jdbc, Writes writes) {
		this.tags = tags;
		this.jdbc = jdbc;
		this.writes = writes;
	}

	@GetMapping
	String showTags(Model model) {
		model.addAttribute("rows", this.jdbc.sql("""
				select t.id, t.name, t.slug, count(pt.post_id) as posts
				from tag t left join post_tag pt on pt.tag_id = t.id
				group by t.id order by lower(t.name)""")
			.query((rs, row) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("slug"), rs.getLong("posts")))
			.list());
		return "admin/tags";
	}

	@PostMapping("/{id}/rename")
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
		boolean renamed = write(redirect, "Another tag took that name or URL meanwhile; choose another name.", () -> {
			find(id).rename(newName);
			touchPostsOf(id);
		});
		if (renamed) {
			redirect.addFlashAttribute("message", "Renamed “" + oldName + "” to “" + newName + "”.");
		}
		return "redirect:/admin/tags";
	}

	@PostMapping("/{id}/merge")
	String merge(@PathVariable long id, @RequestParam long into, RedirectAttributes redirect) {
		Tag source = find(id);
		Tag target = find(into);
		if (id == into) {
			redirect.addFlashAttribute("error", "Choose another tag to merge “" + source.getName() + "” into.");
			return "redirect:/admin/tags";
		}
		long posts = this.jdbc.sql("select count(*) from post_tag where tag_id = :id").param("id", id)
			.query(Long.class)
			.single();
		boolean merged = write(redirect, "“" + target.getName() + "” was deleted meanwhile, or another post was "
				+ "tagged “" + source.getName() + "”; look again and merge once more.", () -> {
			touchPostsOf(id);
			this.jdbc.sql("""
					insert into post_tag (post_id, tag_id) select post_id, :into from post_tag where tag_id = :id
					on conflict do nothing""").param("into", into).param("id", id).update();
			this.jdbc.sql("delete from post_tag where tag_id = :id").param("id", id).update();
			this.jdbc.sql("delete from tag where id = :id").param("id", id).update();
		});
		if (!merged) {
			return "redirect:/admin/tags";
		}
		redirect.addFlashAttribute("message", "Merged “" + source.getName() + "” into “" + target.getName() + "”: its "
				+ posts + " posts are now tagged “" + target.getName() + "”.");
		return "redirect:/admin/tags";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Tag tag = find(id);
		long posts = this.jdbc.sql("select count(*) from post_tag where tag_id = :id").param("id", id)
			.query(Long.class)
			.single();
		if (posts > 0) {
			redirect.addFlashAttribute("error", "“" + tag.getName() + "” is still on " + posts
					+ " posts. Merge it into another tag, or remove it from those posts first.");
			return "redirect:/admin/tags";
		}
		if (write(redirect, "“" + tag.getName() + "” was just given to a post; it was kept.",
				() -> this.jdbc.sql("delete from tag where id = :id").param("id", id).update())) {
			redirect.addFlashAttribute("message", "Deleted the tag “" + tag.getName() + "”.");
		}
		return "redirect:/admin/tags";
	}

	/**
	 * Runs a change in a transaction of its own; if another editor's change won a race with
	 * it (a unique or foreign-key constraint), says so in the page's error message instead.
	 */
	private boolean write(RedirectAttributes redirect, String lostRace, Runnable change) {
		try {
			this.writes.inTransaction(() -> {
				change.run();
				return null;
			});
			return true;
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.isLostRace(ex)) {
				throw ex;
			}
			redirect.addFlashAttribute("error", lostRace);
			return false;
		}
	}

	/** Posts whose tags change count as changed, for caches and sitemaps. */
	private void touchPostsOf(long tagId) {
		this.jdbc.sql("update post set updated_at = now() where id in (select post_id from post_tag where tag_id = :id)")
			.param("id", tagId)
			.update();
	}

	private Tag find(long id) {
		return this.tags.findById(id).orElseThrow(() -> new NotFoundException("There is no tag " + id));
	}

	/** One tag and how many posts carry it. */
	record Row(long id, String name, String slug, long posts) {
	}

}
