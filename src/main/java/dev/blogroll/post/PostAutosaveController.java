package dev.blogroll.post;

import java.security.Principal;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.SiteLocale;

/**
 * Receives the post form's autosaves ({@link Autosaves}) from its script, and discards one when
 * the editor would rather start from the saved post.
 */
@Controller
@RequestMapping("/admin/posts/{id}/autosave")
class PostAutosaveController {

	private final PostEditor editor;

	private final Autosaves autosaves;

	private final ZoneId zone;

	private final SiteLocale siteLocale;

	PostAutosaveController(PostEditor editor, Autosaves autosaves, BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.editor = editor;
		this.autosaves = autosaves;
		this.zone = properties.timeZone();
	}

	/** Answers the time it was kept ("10:42"), for the form to show; 413 if it is too large to keep. */
	@PostMapping
	ResponseEntity<String> autosave(@PathVariable long id, HttpServletRequest request, Principal principal) {
		this.editor.find(id);
		return this.autosaves.save(id, principal.getName(), request.getParameterMap())
			.map((when) -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(this.siteLocale.format(when, "format.time")))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(MediaType.TEXT_PLAIN)
				.body(this.siteLocale.text("post.autosave.tooLarge")));
	}

	@PostMapping("/discard")
	String discard(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		this.autosaves.discard(id, principal.getName());
		redirect.addFlashAttribute("message", this.siteLocale.text("post.autosave.discarded"));
		return "redirect:/admin/posts/" + id + "/edit";
	}

}
