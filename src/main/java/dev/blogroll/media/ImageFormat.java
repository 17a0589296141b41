package dev.blogroll.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats the library accepts, recognised by their first bytes: never by the file's
 * name or the Content-Type the browser sent, which say only what the sender claims.
 */
enum ImageFormat {

	JPEG("JPEG"), PNG("PNG"), GIF("GIF"), WEBP("WebP");

	private final String label;

	ImageFormat(String label) {
		this.label = label;
	}

	/** The name ImageIO knows the format's reader by, and a person knows the format by. */
	String label() {
		return this.label;
	}

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/** The format the bytes are in, by their signature; empty if none of ours. */
	static Optional<ImageFormat> sniff(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (bytes.length >= 8 && Arrays.equals(bytes, 0, 8, PNG_SIGNATURE, 0, 8)) {
			return Optional.of(PNG);
		}
		if (bytes.length >= 6 && (ascii(bytes, 0, 6).equals("GIF87a") || ascii(bytes, 0, 6).equals("GIF89a"))) {
			return Optional.of(GIF);
		}
		if (bytes.length >= 12 && ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 12).equals("WEBP")) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static String ascii(byte[] bytes, int from, int to) {
		return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
	}

}
