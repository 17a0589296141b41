package dev.blogroll.importer;

/**
 * An import line that cannot become a post; {@link #reason} says why.
 */
class InvalidLineException extends RuntimeException {

	private final ImportText reason;

	InvalidLineException(String code, Object... args) {
		super(code, null, false, false);
		this.reason = new ImportText(code, args);
	}

	ImportText reason() {
		return this.reason;
	}

}
