package dev.blogroll.post;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.author.AuthorRepository;
import dev.blogroll.category.CategoryRepository;
import dev.blogroll.database.DatabaseBusyException;

/**
 * The editors' forms for a post: create and edit (Post/Redirect/Get, with the input kept when
 * something is wrong or another save came first) and preview. The table of posts and the trash
 * are {@link PostTableController}'s.
 */
@Controller
@RequestMapping("/admin/posts")
class PostAdminController {

	private static final String FORM = "admin/post-form";

	private final PostEditor editor;

	private final NearbyPosts nearbyPosts;

	private final CategoryRepository categories;

	private final AuthorRepository authors;

	private final Clock clock;

	private final ZoneId zone;

	PostAdminController(PostEditor editor, NearbyPosts nearbyPosts, CategoryRepository categories,
			AuthorRepository authors, Clock clock, BlogrollProperties properties) {
		this.editor = editor;
		this.nearbyPosts = nearbyPosts;
		this.categories = categories;
		this.authors = authors;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/** What every form of this controller offers to choose from. */
	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("categories", this.categories.findAllByOrderByNameAsc());
		model.addAttribute("authors", this.authors.findAll(Sort.by("name")));
		model.addAttribute("timeZone", this.zone.getId());
	}

	@GetMapping("/new")
	String initCreateForm(Model model) {
		model.addAttribute("postForm", PostForm.blank(LocalDateTime.now(this.clock.withZone(this.zone))));
		return FORM;
	}

	@PostMapping("/new")
	String processCreateForm(@Valid PostForm postForm, BindingResult result, Principal principal, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return save(null, () -> this.editor.create(postForm, principal.getName()), postForm, result, model, response,
				redirect);
	}

	@GetMapping("/{id}/edit")
	String initEditForm(@PathVariable long id, Model model) {
		Post post = this.editor.find(id);
		model.addAttribute("postForm", PostForm.of(post, this.zone));
		model.addAttribute("post", post);
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String processEditForm(@PathVariable long id, @Valid PostForm postForm, BindingResult result, Principal principal,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Post existing = this.editor.find(id);
		model.addAttribute("post", existing);
		return save(id, () -> this.editor.update(id, postForm, principal.getName()), postForm, result, model, response,
				redirect);
	}

	/**
	 * Checks and saves, then redirects to the post's form (Post/Redirect/Get). What another editor
	 * did at the same instant (a save of the same post, a slug taken meanwhile, a database too
	 * busy just now) comes back as the form, with this editor's input.
	 */
	private String save(@Nullable Long id, Supplier<Post> saving, PostForm postForm, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		this.editor.check(postForm, id, result);
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			Post post = saving.get();
			redirect.addFlashAttribute("message", "Saved “" + post.getTitle() + "”.");
			return "redirect:/admin/posts/" + post.getId() + "/edit";
		}
		catch (PostEditor.EditConflict conflict) {
			Post current = conflict.getCurrent();
			model.addAttribute("post", current);
			model.addAttribute("conflict", conflict.getDifferences());
			model.addAttribute("saved", PostForm.of(current, this.zone));
			// saving again, after reading what changed, deliberately replaces the other version
			model.addAttribute("postForm", postForm.withVersion(current.getVersion()));
			return FORM;
		}
		catch (PostEditor.SlugTaken taken) {
			result.rejectValue("slug", "slug.taken", taken.getMessage());
			return FORM;
		}
		catch (DatabaseBusyException busy) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			model.addAttribute("busy", true);
			return FORM;
		}
	}

	@GetMapping("/{id}/preview")
	@Transactional(readOnly = true)
	String showPreview(@PathVariable long id, Model model) {
		Post post = this.editor.find(id);
		model.addAttribute("page", PostPage.of(post, this.nearbyPosts.around(post), this.zone));
		model.addAttribute("preview", true);
		return "post/post";
	}

}
