package dev.blogroll.post;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.SiteLocale;

/**
 * Receives the autosaves of the form of a post not yet created ({@link Autosaves#saveNew}),
 * kept for the editor and never as a post, and discards one when the editor would rather start
 * from a blank form.
 */
@Controller
@RequestMapping("/admin/posts/new/autosave")
class NewPostAutosaveController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Autosaves autosaves;

	private final ZoneId zone;

	private final SiteLocale siteLocale;

	NewPostAutosaveController(Autosaves autosaves, BlogrollProperties properties, SiteLocale siteLocale) {
		this.autosaves = autosaves;
		this.zone = properties.timeZone();
		this.siteLocale = siteLocale;
	}

	/** Answers the time it was kept ("10:42"), for the form to show; 413 if it is too large to keep. */
	@PostMapping
	ResponseEntity<String> autosave(HttpServletRequest request, Principal principal) {
		return this.autosaves.saveNew(principal.getName(), request.getParameterMap())
			.map((when) -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(TIME.format(when.atZone(this.zone))))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(MediaType.TEXT_PLAIN)
				.body(this.siteLocale.text("post.autosave.tooLarge")));
	}

	@PostMapping("/discard")
	String discard(Principal principal, RedirectAttributes redirect) {
		this.autosaves.discardNew(principal.getName());
		redirect.addFlashAttribute("message", this.siteLocale.text("post.autosave.discardedNew"));
		return "redirect:/admin/posts/new";
	}

}
