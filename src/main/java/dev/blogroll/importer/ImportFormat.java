package dev.blogroll.importer;

/**
 * The kinds of files Blogroll imports posts from, told apart by their content, never by the
 * file's name ({@link ImportFile#detect}).
 */
public enum ImportFormat {

	/** Blogroll's own: one JSON post a line, as the export writes it. */
	NDJSON("Blogroll NDJSON", "line"),

	/** WordPress's export (Tools → Export): WXR, an RSS file with WordPress's own elements. */
	WORDPRESS("WordPress export (WXR)", "line"),

	/** Ghost's export (Settings → Labs → Export): one JSON document of Ghost's tables. */
	GHOST("Ghost export (JSON)", "post");

	private final String label;

	private final String unit;

	ImportFormat(String label, String unit) {
		this.label = label;
		this.unit = unit;
	}

	/** What editors call it. */
	public String label() {
		return this.label;
	}

	/** What the report numbers: lines of the file, or posts of a Ghost export. */
	public String unit() {
		return this.unit;
	}

}
