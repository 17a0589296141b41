package dev.blogroll.importer;

/**
 * A file that cannot be imported at all (empty, a zip, a web page, not UTF-8 text); the
 * message says so in an editor's words and what to do instead.
 */
public class UnreadableImportException extends RuntimeException {

	UnreadableImportException(String message) {
		super(message, null, false, false);
	}

}
