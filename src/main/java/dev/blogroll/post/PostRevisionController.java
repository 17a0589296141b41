package dev.blogroll.post;

import java.security.Principal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.author.Author;
import dev.blogroll.author.AuthorRepository;
import dev.blogroll.category.Category;
import dev.blogroll.category.CategoryRepository;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * A post's revisions ({@link Revisions}): two compared field by field and the body line by
 * line, and one loaded into the form to be restored by saving it (a new save; nothing is
 * overwritten). The list is on the edit page ({@link PostAdminController}).
 */
@Controller
@RequestMapping("/admin/posts/{id}/revisions")
class PostRevisionController {

	private final PostEditor editor;

	private final Revisions revisions;

	private final PostFormChoices choices;

	private final CategoryRepository categories;

	private final AuthorRepository authors;

	private final Clock clock;

	private final ZoneId zone;

	private final SiteLocale siteLocale;

	PostRevisionController(PostEditor editor, Revisions revisions, PostFormChoices choices,
			CategoryRepository categories, AuthorRepository authors, Clock clock, BlogrollProperties properties,
			SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.editor = editor;
		this.revisions = revisions;
		this.choices = choices;
		this.categories = categories;
		this.authors = authors;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	@GetMapping("/compare")
	String showComparison(@PathVariable long id, @RequestParam long older, @RequestParam long newer, Model model) {
		Post post = this.editor.find(id);
		Revisions.Revision a = revision(id, Math.min(older, newer));
		Revisions.Revision b = revision(id, Math.max(older, newer));
		List<Row> rows = new ArrayList<>();
		Revisions.FIELDS.forEach((field, label) -> {
			if (!field.equals("body") && !a.value(field).equals(b.value(field))) {
				rows.add(new Row(label, shown(field, a.value(field)), shown(field, b.value(field))));
			}
		});
		model.addAttribute("post", post);
		model.addAttribute("older", a);
		model.addAttribute("newer", b);
		model.addAttribute("olderWhen", this.siteLocale.format(a.savedAt(), "format.dateTimeSeconds"));
		model.addAttribute("newerWhen", this.siteLocale.format(b.savedAt(), "format.dateTimeSeconds"));
		model.addAttribute("rows", rows);
		model.addAttribute("bodyChanged", !a.value("body").equals(b.value("body")));
		model.addAttribute("body", Revisions.bodyDiff(a, b));
		return "admin/post-revisions";
	}

	/** The form, filled with the revision, over the post's current version: saving it restores it. */
	@GetMapping("/{revision}/restore")
	String initRestoreForm(@PathVariable long id, @PathVariable long revision, Principal principal, Model model) {
		Post post = this.editor.find(id);
		Revisions.Revision kept = revision(id, revision);
		this.choices.addTo(model);
		model.addAttribute("post", post);
		model.addAttribute("state", PostState.of(post, this.clock.instant(), this.siteLocale));
		model.addAttribute("postForm", PostForm.of(kept.asForm(id), PostForm.of(post, this.zone))
			.withVersion(post.getVersion()));
		model.addAttribute("restoring", kept.savedBy() + ", " + this.siteLocale.format(kept.savedAt(), "format.dateTimeSeconds"));
		return PostSaving.FORM;
	}

	private Revisions.Revision revision(long postId, long revisionId) {
		return this.revisions.find(postId, revisionId)
			.orElseThrow(() -> new NotFoundException("Post " + postId + " has no revision " + revisionId));
	}

	/** A category or author by name rather than id. */
	private String shown(String field, String value) {
		if (value.isEmpty() || !value.matches("[0-9]{1,18}")) {
			return value;
		}
		return switch (field) {
			case "categoryId" -> this.categories.findById(Long.parseLong(value)).map(Category::getName).orElse(value);
			case "authorId" -> this.authors.findById(Long.parseLong(value)).map(Author::getName).orElse(value);
			default -> value;
		};
	}

	/**
	 * A field that differs between the two revisions.
	 *
	 * @param label the field's label
	 * @param older its value in the older revision
	 * @param newer its value in the newer one
	 */
	record Row(String label, String older, String newer) {
	}

}
