package dev.blogroll.media;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What pages need to show a library image responsively, from the post's image address alone
 * (templates call {@code @libraryImages.of(card.imageUrl)}): a {@code srcset} of every variant,
 * and the size of the one in {@code src}. An image from anywhere else is {@code null}, and pages
 * show it as before.
 */
@Component("libraryImages")
public class LibraryImages {

	private final MediaSettings settings;

	LibraryImages(MediaSettings settings) {
		this.settings = settings;
	}

	/** The largest file the picker uploads (it refuses larger ones before sending them). */
	public long maxUploadBytes() {
		return this.settings.maxUploadSize().toBytes();
	}

	/**
	 * A library image as pages show it.
	 *
	 * @param src the variant for browsers without {@code srcset} (the one nearest 800 px)
	 * @param srcset every variant with its width
	 * @param width the width of {@code src}'s variant
	 * @param height the height of {@code src}'s variant
	 */
	public record Responsive(String src, String srcset, int width, int height) {
	}

	public @Nullable Responsive of(@Nullable String imageUrl) {
		if (imageUrl == null) {
			return null;
		}
		MediaPaths.Parsed parsed = MediaPaths.parse(imageUrl).orElse(null);
		if (parsed == null) {
			return null;
		}
		List<MediaPaths.Size> sizes = MediaPaths.variants(parsed.width(), parsed.height());
		MediaPaths.Size fallback = sizes.stream().filter((size) -> size.width() >= 800).findFirst()
			.orElse(sizes.get(sizes.size() - 1));
		String srcset = sizes.stream()
			.map((size) -> MediaPaths.path(parsed.hash(), size, parsed.extension()) + " " + size.width() + "w")
			.collect(Collectors.joining(", "));
		return new Responsive(MediaPaths.path(parsed.hash(), fallback, parsed.extension()), srcset, fallback.width(),
				fallback.height());
	}

}
