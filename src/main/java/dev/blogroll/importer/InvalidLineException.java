package dev.blogroll.importer;

/**
 * An import line that cannot become a post; the message says why.
 */
class InvalidLineException extends RuntimeException {

	InvalidLineException(String message) {
		super(message, null, false, false);
	}

}
