package dev.blogroll.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The widths an image is kept at and the URLs it is served under:
 * {@code /media/<hash>-<width>x<height>.<jpg|png>}. The hash is of the bytes uploaded, so a URL
 * never changes content and may be kept for a year. A post names its image by the URL of the
 * largest variant, and everything a page needs ({@code srcset}, {@code width}, {@code height})
 * follows from that URL alone: pages render library images without reading the library.
 */
public final class MediaPaths {

	/** The widths of the smaller variants, where the image is wider than each. */
	static final int[] WIDTHS = { 400, 800, 1200, 1600 };

	/** The largest variant's width: wider images are scaled down to it; narrower ones are never scaled up. */
	static final int MAX_WIDTH = 2000;

	private static final Pattern PATH = Pattern
		.compile("/media/([0-9a-f]{32})-([0-9]{1,5})x([0-9]{1,5})\\.(jpg|png)");

	private MediaPaths() {
	}

	/** One width an image is kept and served at. */
	record Size(int width, int height) {
	}

	/** A parsed library URL. */
	record Parsed(String hash, int width, int height, String extension) {

		String contentType() {
			return "png".equals(this.extension) ? "image/png" : "image/jpeg";
		}

	}

	/** The size of the largest variant of an image of this size (as the viewer sees it, orientation applied). */
	static Size largest(int width, int height) {
		if (width <= MAX_WIDTH) {
			return new Size(width, height);
		}
		return new Size(MAX_WIDTH, scaled(height, MAX_WIDTH, width));
	}

	/** Every variant of an image whose largest variant has this size, narrowest first. */
	static List<Size> variants(int largestWidth, int largestHeight) {
		List<Size> sizes = new ArrayList<>();
		for (int width : WIDTHS) {
			if (width < largestWidth) {
				sizes.add(new Size(width, scaled(largestHeight, width, largestWidth)));
			}
		}
		sizes.add(new Size(largestWidth, largestHeight));
		return sizes;
	}

	private static int scaled(int height, int width, int fromWidth) {
		return Math.max(1, (int) Math.round((double) height * width / fromWidth));
	}

	static String path(String hash, Size size, String extension) {
		return "/media/" + hash + "-" + size.width() + "x" + size.height() + "." + extension;
	}

	static String extension(String contentType) {
		return "image/png".equals(contentType) ? "png" : "jpg";
	}

	static Optional<Parsed> parse(String path) {
		Matcher matcher = PATH.matcher(path);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new Parsed(matcher.group(1), Integer.parseInt(matcher.group(2)),
				Integer.parseInt(matcher.group(3)), matcher.group(4)));
	}

	/** Whether an image address is a library image's (checked against the library by {@link MediaLibrary#hasImage}). */
	public static boolean isLibraryPath(String address) {
		return address.startsWith("/media/");
	}

}
