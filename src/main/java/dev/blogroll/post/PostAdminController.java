package dev.blogroll.post;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.admin.KeptForms;
import dev.blogroll.web.SiteLocale;

/**
 * The editors' forms for a post: create and edit (Post/Redirect/Get, with the input kept when
 * something is wrong or another save came first; {@link PostSaving}), with the post's status
 * and revisions. A form the editor sent while signed out comes back here with its input
 * ({@link KeptForms}), and so do the unsaved changes autosaved from it ({@link Autosaves}). The
 * table of posts, the trash and the preview are {@link PostTableController}'s.
 */
@Controller
@RequestMapping("/admin/posts")
class PostAdminController {

	private final PostEditor editor;

	private final PostSaving saving;

	private final PostFormChoices choices;

	private final KeptForms keptForms;

	private final Autosaves autosaves;

	private final Revisions revisions;

	private final Clock clock;

	private final ZoneId zone;

	private final SiteLocale siteLocale;

	PostAdminController(PostEditor editor, PostSaving saving, PostFormChoices choices, KeptForms keptForms, Autosaves autosaves, Revisions revisions, Clock clock,
			BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.editor = editor;
		this.saving = saving;
		this.choices = choices;
		this.keptForms = keptForms;
		this.autosaves = autosaves;
		this.revisions = revisions;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/** What every form of this controller offers to choose from. */
	@ModelAttribute
	void choices(Model model) {
		this.choices.addTo(model);
	}

	@GetMapping("/new")
	String initCreateForm(HttpServletRequest request, Principal principal, Model model) {
		PostForm blank = PostForm.blank(LocalDateTime.now(this.clock.withZone(this.zone)));
		PostForm form = keptOr(request, "/admin/posts/new", blank, model);
		if (!model.containsAttribute("restoredAt")) {
			form = this.autosaves.newPost(principal.getName()).map((autosave) -> {
				model.addAttribute("autosavedAt", this.siteLocale.format(autosave.keptAt(), "format.time"));
				return PostForm.of(autosave, blank);
			}).orElse(form);
		}
		model.addAttribute("postForm", form);
		return PostSaving.FORM;
	}

	@PostMapping("/new")
	String processCreateForm(@Valid PostForm postForm, BindingResult result,
			@RequestParam(required = false) @Nullable String publish, Principal principal, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return this.saving.save(null, principal.getName(), postForm, result, "now".equals(publish),
				(form) -> this.editor.create(form, principal.getName()), model, response, redirect);
	}

	@GetMapping("/{id}/edit")
	String initEditForm(@PathVariable long id, HttpServletRequest request, Principal principal, Model model) {
		Post post = this.editor.find(id);
		model.addAttribute("post", post);
		model.addAttribute("state", PostState.of(post, this.clock.instant(), this.siteLocale));
		PostForm form = keptOr(request, "/admin/posts/" + id + "/edit", PostForm.of(post, this.zone), model);
		if (!model.containsAttribute("restoredAt")) {
			// what this editor typed after the post's last save, whoever made it, comes back
			form = this.autosaves.newerThan(id, principal.getName(), post.getUpdatedAt()).map((autosave) -> {
				model.addAttribute("autosavedAt", this.siteLocale.format(autosave.keptAt(), "format.time"));
				return PostForm.of(autosave, PostForm.of(post, this.zone));
			}).orElse(form);
		}
		model.addAttribute("postForm", form);
		model.addAttribute("revisions", this.revisions.list(id));
		return PostSaving.FORM;
	}

	@PostMapping("/{id}/edit")
	String processEditForm(@PathVariable long id, @Valid PostForm postForm, BindingResult result,
			@RequestParam(required = false) @Nullable String publish,
			@RequestParam(defaultValue = "") List<String> theirs, @RequestParam MultiValueMap<String, String> params,
			Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Post existing = this.editor.find(id);
		// after a conflict: the fields the editor chose to take from the other save, or the merged body
		PostConflict.Chosen chosen = PostConflict.chosen(postForm, PostForm.of(existing, this.zone), theirs, params,
				result, model, this.siteLocale);
		model.addAttribute("post", existing);
		model.addAttribute("state", PostState.of(existing, this.clock.instant(), this.siteLocale));
		return this.saving.save(id, principal.getName(), chosen.form(), chosen.result(), "now".equals(publish),
				(form) -> this.editor.update(id, form, principal.getName()), model, response, redirect);
	}

	/** What this browser sent to {@code action} while signed out, if it was kept; else {@code form}. */
	private PostForm keptOr(HttpServletRequest request, String action, PostForm form, Model model) {
		return this.keptForms.take(request, action).map((kept) -> {
			model.addAttribute("restoredAt", this.siteLocale.format(kept.keptAt(), "format.time"));
			return PostForm.of(kept, form);
		}).orElse(form);
	}

}
