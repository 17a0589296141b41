package dev.blogroll.media;

import dev.blogroll.web.SiteLocale;

/**
 * An upload the library does not take: the reason as a message key ({@code admin.media.refused.…})
 * and its arguments, worded for the editor in the site's language by {@link #wording}.
 */
class RefusedImageException extends RuntimeException {

	private final String code;

	private final Object[] args;

	RefusedImageException(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = args.clone();
	}

	String code() {
		return this.code;
	}

	Object[] args() {
		return this.args.clone();
	}

	/** The reason in the site's language. */
	String wording(SiteLocale site) {
		return site.text(this.code, this.args);
	}

}
