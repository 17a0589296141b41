package dev.blogroll.media;

/** An upload the library does not take, with the reason in words for the editor. */
class RefusedImageException extends RuntimeException {

	RefusedImageException(String message) {
		super(message);
	}

}
