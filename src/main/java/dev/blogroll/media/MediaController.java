package dev.blogroll.media;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import dev.blogroll.web.NotFoundException;

/**
 * Serves the library's images to everyone, at {@code /media/<hash>-<width>x<height>.<ext>}
 * ({@link MediaPaths}). What a URL names never changes, so the answer may be kept by browsers
 * and CDNs for a year without asking again ({@code immutable}); its {@code ETag} comes from the
 * URL, so a client that asks anyway with {@code If-None-Match} gets 304 without the database
 * being read. Any other name under {@code /media/} is the site's 404 page, whatever the client
 * accepts.
 */
@Controller
class MediaController {

	/** As the site's content-hashed static assets are served ({@code web.CacheControlFilter}). */
	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private final MediaLibrary library;

	MediaController(MediaLibrary library) {
		this.library = library;
	}

	@GetMapping("/media/{name}")
	ResponseEntity<byte[]> serveImage(@PathVariable String name,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		MediaPaths.Parsed path = MediaPaths.parse("/media/" + name)
			.orElseThrow(() -> new NotFoundException("There is no image " + name));
		String etag = "\"" + path.hash() + "-" + path.width() + "x" + path.height() + "\"";
		if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).build();
		}
		MediaLibrary.Served served = this.library.variant(path)
			.orElseThrow(() -> new NotFoundException("There is no image " + name));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(served.contentType()))
			.contentLength(served.bytes().length)
			.eTag(etag)
			.header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
			.header("X-Content-Type-Options", "nosniff")
			.body(served.bytes());
	}

	/** {@code If-None-Match}: a list of entity tags, weak ones compared as strong (RFC 9110 8.8.3.2), or {@code *}. */
	private static boolean matches(String ifNoneMatch, String etag) {
		for (String tag : ifNoneMatch.split(",")) {
			String candidate = tag.strip();
			if (candidate.startsWith("W/")) {
				candidate = candidate.substring(2);
			}
			if (candidate.equals(etag) || candidate.equals("*")) {
				return true;
			}
		}
		return false;
	}

}
