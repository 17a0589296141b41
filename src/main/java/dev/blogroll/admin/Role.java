package dev.blogroll.admin;

/**
 * What an account may do. Editors manage posts, categories, tags, authors and sources;
 * admins also manage accounts.
 */
public enum Role {

	EDITOR, ADMIN;

	/** The Spring Security authority, e.g. {@code ROLE_EDITOR}. */
	String authority() {
		return "ROLE_" + name();
	}

}
