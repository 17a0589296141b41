package dev.blogroll.tag;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	TagAdminController(TagRepository tags, JdbcClient jdbc) {
		this.tags = tags;
		this.jdbc = jdbc;
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
		touchPostsOf(id);
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
		touchPostsOf(id);
		long posts = this.jdbc.sql("select count(*) from post_tag where tag_id = :id").param("id", id)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into post_tag (post_id, tag_id) select post_id, :into from post_tag where tag_id = :id
				on conflict do nothing""").param("into", into).param("id", id).update();
		this.jdbc.sql("delete from post_tag where tag_id = :id").param("id", id).update();
		this.tags.delete(source);
		redirect.addFlashAttribute("message", "Merged “" + source.getName() + "” into “" + target.getName() + "”: its "
				+ posts + " posts are now tagged “" + target.getName() + "”.");
		return "redirect:/admin/tags";
	}

	@PostMapping("/{id}/delete")
	@Transactional
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
		this.tags.delete(tag);
		redirect.addFlashAttribute("message", "Deleted the tag “" + tag.getName() + "”.");
		return "redirect:/admin/tags";
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
