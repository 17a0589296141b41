package dev.blogroll.media;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * The media page: editors upload images (a form that needs no script, and the post form's
 * picker, {@code /js/media-picker.js}, which asks for JSON), see every image with its size and
 * the posts that show it, and delete one that no post shows (after {@code /admin/confirm}).
 * An upload is read at most to the limit plus one byte, whatever length the request claimed.
 */
@Controller
@RequestMapping(MediaSettings.UPLOAD_PATH)
class MediaAdminController {

	/** Images the page lists, newest first. */
	static final int PAGE_SIZE = 200;

	private final MediaLibrary library;

	private final MediaSettings settings;

	private final SiteLocale siteLocale;

	MediaAdminController(MediaLibrary library, MediaSettings settings, SiteLocale siteLocale) {
		this.library = library;
		this.settings = settings;
		this.siteLocale = siteLocale;
	}

	@GetMapping
	String showLibrary(Model model) {
		model.addAttribute("entries", this.library.newest(PAGE_SIZE));
		model.addAttribute("maxUploadBytes", this.settings.maxUploadSize().toBytes());
		model.addAttribute("maxUploadSize", describe(this.settings.maxUploadSize().toBytes()));
		return "admin/media";
	}

	@PostMapping
	String processUpload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			Principal principal, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			MediaLibrary.Stored stored = store(file, principal);
			redirect.addFlashAttribute("message", describe(stored));
			return "redirect:" + MediaSettings.UPLOAD_PATH;
		}
		catch (TooLargeException | RefusedImageException | DataAccessException ex) {
			response.setStatus(status(ex).value());
			model.addAttribute("error", message(ex));
			return showLibrary(model);
		}
	}

	/** The post form's picker: the same upload, answered in JSON for the script to fill the image fields. */
	@PostMapping("/upload")
	ResponseEntity<Map<String, Object>> processPickerUpload(
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Principal principal) {
		try {
			MediaLibrary.Stored stored = store(file, principal);
			MediaLibrary.Image image = stored.image();
			return ResponseEntity.ok(Map.of("path", image.path(), "thumbnail", image.thumbnailPath(), "width",
					image.width(), "height", image.height(), "message", describe(stored)));
		}
		catch (TooLargeException | RefusedImageException | DataAccessException ex) {
			return ResponseEntity.status(status(ex)).body(Map.of("error", message(ex)));
		}
	}

	private MediaLibrary.Stored store(@Nullable MultipartFile file, Principal principal) {
		byte[] bytes = read(file);
		String name = file.getOriginalFilename();
		return this.library.store(name == null ? "" : name, bytes, principal.getName());
	}

	private static HttpStatus status(RuntimeException refusal) {
		if (refusal instanceof DataAccessException) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		return (refusal instanceof TooLargeException) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
	}

	/**
	 * The refusal in words; a write the database refused (it is away, or busy past the retries)
	 * left nothing behind, since the image and its variants are one transaction.
	 */
	private String message(RuntimeException refusal) {
		if (refusal instanceof RefusedImageException refused) {
			return refused.wording(this.siteLocale);
		}
		if (refusal instanceof TooLargeException) {
			return this.siteLocale.text("admin.media.refused.tooLarge", describe(this.settings.maxUploadSize().toBytes()));
		}
		return this.siteLocale.text("admin.media.refused.notStored");
	}

	private String describe(MediaLibrary.Stored stored) {
		MediaLibrary.Image image = stored.image();
		return stored.existed() ? this.siteLocale.text("admin.media.existed", image.fileName())
				: this.siteLocale.text("admin.media.uploaded", image.fileName(), image.width(), image.height());
	}

	@PostMapping("/{id}/delete")
	String deleteImage(@PathVariable long id, RedirectAttributes redirect) {
		MediaLibrary.Image image = this.library.find(id)
			.orElseThrow(() -> new NotFoundException("There is no image " + id + " in the library"));
		int uses = this.library.uses(id).size();
		if (uses > 0 || !this.library.delete(id)) {
			redirect.addFlashAttribute("error", this.siteLocale.text("admin.media.inUse", image.fileName(), uses));
		}
		else {
			redirect.addFlashAttribute("message", this.siteLocale.text("admin.media.deleted", image.fileName()));
		}
		return "redirect:" + MediaSettings.UPLOAD_PATH;
	}

	/** The file's bytes, read at most to the limit and one byte beyond it. */
	private byte[] read(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new RefusedImageException("admin.media.refused.noFile");
		}
		long max = this.settings.maxUploadSize().toBytes();
		if (file.getSize() > max) {
			throw new TooLargeException();
		}
		try (InputStream in = file.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
			if (bytes.length > max) {
				throw new TooLargeException();
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new RefusedImageException("admin.media.refused.cutShort");
		}
	}

	static String describe(long bytes) {
		if (bytes >= 1024 * 1024) {
			return (bytes % (1024 * 1024) == 0 ? String.valueOf(bytes / (1024 * 1024))
					: String.format("%.1f", bytes / (1024.0 * 1024))) + " MB";
		}
		return Math.max(1, bytes / 1024) + " KB";
	}

	private static final class TooLargeException extends RuntimeException {

		TooLargeException() {
			super("admin.media.refused.tooLarge");
		}

	}

}
