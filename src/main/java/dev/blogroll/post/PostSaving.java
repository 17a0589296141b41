package dev.blogroll.post;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.database.DatabaseBusyException;
import dev.blogroll.web.SiteLocale;

/**
 * Saving a post form for {@link PostAdminController}: checks, saves, and redirects to the
 * post's form (Post/Redirect/Get) with a message that says what happened ("Published",
 * "Scheduled for …", "Saved as a draft"). What another editor did at the same instant (a save
 * of the same post, a slug taken meanwhile, a database too busy just now) comes back as the
 * form, with this editor's input.
 * <p>
 * "Publish now" publishes with the time of the save, not the date in the form, which is the
 * time the form was opened.
 */
@Component
class PostSaving {

	static final String FORM = "admin/post-form";

	private final PostEditor editor;

	private final SmartValidator validator;

	private final Autosaves autosaves;

	private final Clock clock;

	private final ZoneId zone;

	private final Revisions revisions;

	private final SiteLocale siteLocale;

	PostSaving(PostEditor editor, SmartValidator validator, Autosaves autosaves, Clock clock,
			BlogrollProperties properties, SiteLocale siteLocale, Revisions revisions) {
		this.siteLocale = siteLocale;
		this.revisions = revisions;
		this.editor = editor;
		this.validator = validator;
		this.autosaves = autosaves;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	String save(@Nullable Long id, String username, PostForm typed, BindingResult typedResult, boolean publishNow,
			Function<PostForm, Post> saving, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		PostForm postForm = typed;
		BindingResult result = typedResult;
		if (publishNow) {
			LocalDateTime now = LocalDateTime.now(this.clock.withZone(this.zone)).truncatedTo(ChronoUnit.SECONDS);
			postForm = typed.publishedAt(now);
			result = new BeanPropertyBindingResult(postForm, "postForm");
			this.validator.validate(postForm, result);
			model.addAttribute("postForm", postForm);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "postForm", result);
		}
		this.editor.check(postForm, id, result);
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			Post post = saving.apply(postForm);
			this.autosaves.discard(post.getId(), username); // saved: nothing is unsaved any more
			if (id == null) {
				this.autosaves.discardNew(username);
			}
			PostState state = PostState.of(post, this.clock.instant(), this.siteLocale);
			redirect.addFlashAttribute("message", state.savedMessage(post.getTitle(), this.siteLocale));
			return "redirect:/admin/posts/" + post.getId() + "/edit";
		}
		catch (PostEditor.EditConflict conflict) {
			Post current = conflict.getCurrent();
			model.addAttribute("post", current);
			model.addAttribute("state", PostState.of(current, this.clock.instant(), this.siteLocale));
			model.addAttribute("conflict", conflict.getDifferences());
			// the same editor in another tab or window is told so, not "someone else"
			model.addAttribute("conflictByYou", username.equals(current.getUpdatedBy()));
			PostForm saved = PostForm.of(current, this.zone);
			model.addAttribute("saved", saved);
			// each field side by side; with the version this editor started from, what only the
			// other save changed is theirs by default and the body is merged line by line
			model.addAttribute("conflictFields", PostConflict.fields(saved, postForm,
					this.revisions.atVersion(current.getId(), postForm.versionValue()), this.revisions.names(saved, postForm),
					this.siteLocale));
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

}
