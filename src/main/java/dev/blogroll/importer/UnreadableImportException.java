package dev.blogroll.importer;

/**
 * A file that cannot be imported at all (empty, a zip, a web page, not UTF-8 text); the
 * {@link #reason} says so in an editor's words and what to do instead, worded on the import
 * page in the site's language; the message is its English (the command line, the log).
 */
public class UnreadableImportException extends RuntimeException {

	private final ImportText reason;

	UnreadableImportException(String code, Object... args) {
		super(code, null, false, false);
		this.reason = new ImportText(code, args);
	}

	/** Why, worded when shown. */
	public ImportText reason() {
		return this.reason;
	}

	@Override
	public String getMessage() {
		return this.reason.english();
	}

}
