package dev.blogroll.web;

/**
 * Thrown when a page is asked for under a URL that is not its own (its {@code /page/1}, or a
 * post under another category); readers and crawlers get a 301 to the one canonical URL.
 */
public class PermanentRedirect extends RuntimeException {

	private final String location;

	public PermanentRedirect(String location) {
		super("Moved permanently to " + location, null, false, false);
		this.location = location;
	}

	public String getLocation() {
		return this.location;
	}

}
