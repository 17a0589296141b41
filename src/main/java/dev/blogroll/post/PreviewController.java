package dev.blogroll.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.blogroll.text.Markdown;
import dev.blogroll.web.SiteLocale;

/**
 * The post form's preview: the body rendered by the code that renders the public post page
 * ({@link Markdown#toSafeHtml}), never saving anything. The form's script asks
 * {@code POST /admin/posts/preview} for the HTML after each pause in typing; without the
 * script, the form's "Preview" button sends the whole form to its own address with
 * {@code preview}, and gets the form back with the input as typed and the preview beside it.
 * Both are bounded: a body of at most {@link PostRules#MAX_BODY} characters (413 above it),
 * and one editor's renders by {@link PreviewLimiter} (429).
 */
@Controller
@RequestMapping("/admin/posts")
class PreviewController {

	/** Larger requests are refused unread: the body's bound, percent-encoded, and room for the rest of the form. */
	static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;

	private final PreviewLimiter limiter;

	private final PostEditor editor;

	private final Revisions revisions;

	private final PostFormChoices choices;

	private final Clock clock;

	private final SiteLocale siteLocale;

	PreviewController(PreviewLimiter limiter, PostEditor editor, Revisions revisions, PostFormChoices choices,
			Clock clock, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.limiter = limiter;
		this.editor = editor;
		this.revisions = revisions;
		this.choices = choices;
		this.clock = clock;
	}

	/** The rendered body as an HTML fragment, for the form's script; errors as a sentence of plain text. */
	@PostMapping("/preview")
	ResponseEntity<String> renderPreview(@RequestParam(required = false) @Nullable String body,
			HttpServletRequest request) {
		if (request.getContentLengthLong() > MAX_REQUEST_BYTES || body != null && body.length() > PostRules.MAX_BODY) {
			return text(HttpStatus.CONTENT_TOO_LARGE, tooLong(), 0);
		}
		PreviewLimiter.Answer answer = this.limiter.acquire(request.getUserPrincipal().getName());
		if (answer instanceof PreviewLimiter.Refused refused) {
			return text(HttpStatus.TOO_MANY_REQUESTS, words(refused), refused.retryAfterSeconds());
		}
		try (PreviewLimiter.Granted granted = (PreviewLimiter.Granted) answer) {
			return ResponseEntity.ok()
				.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.cacheControl(CacheControl.noStore())
				.body(Markdown.toSafeHtml((body == null) ? "" : body, this.siteLocale.markdownWords()));
		}
	}

	/** The form again, as typed, with the preview: the "Preview" button without the script. */
	@PostMapping(path = { "/new", "/{id}/edit" }, params = "preview")
	String showFormWithPreview(@PathVariable(required = false) @Nullable Long id, PostForm postForm,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		this.choices.addTo(model);
		if (id != null) {
			Post post = this.editor.find(id);
			model.addAttribute("post", post);
			model.addAttribute("state", PostState.of(post, this.clock.instant(), this.siteLocale));
			model.addAttribute("revisions", this.revisions.list(id));
		}
		String body = (postForm.body() == null) ? "" : postForm.body();
		if (request.getContentLengthLong() > MAX_REQUEST_BYTES || body.length() > PostRules.MAX_BODY) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			model.addAttribute("previewError", tooLong());
			return PostSaving.FORM;
		}
		PreviewLimiter.Answer answer = this.limiter.acquire(request.getUserPrincipal().getName());
		if (answer instanceof PreviewLimiter.Refused refused) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
			model.addAttribute("previewError", words(refused));
			return PostSaving.FORM;
		}
		try (PreviewLimiter.Granted granted = (PreviewLimiter.Granted) answer) {
			model.addAttribute("previewHtml", Markdown.toSafeHtml(body, this.siteLocale.markdownWords()));
		}
		return PostSaving.FORM;
	}

	private String tooLong() {
		return this.siteLocale.text("admin.preview.tooLong", String.valueOf(PostRules.MAX_BODY));
	}

	private String words(PreviewLimiter.Refused refused) {
		return this.siteLocale.text(refused.code(), (Object[]) refused.args());
	}

	private static ResponseEntity<String> text(HttpStatus status, String message, long retryAfter) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore());
		if (retryAfter > 0) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		}
		return answer.body(message);
	}

}
