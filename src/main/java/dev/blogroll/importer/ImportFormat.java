package dev.blogroll.importer;

/**
 * The kinds of files Blogroll imports posts from, told apart by their content, never by the
 * file's name ({@link ImportFile#detect}).
 */
public enum ImportFormat {

	/** Blogroll's own: one JSON post a line, as the export writes it. */
	NDJSON("admin.import.format.ndjson", "line"),

	/** WordPress's export (Tools → Export): WXR, an RSS file with WordPress's own elements. */
	WORDPRESS("admin.import.format.wordpress", "line"),

	/** Ghost's export (Settings → Labs → Export): one JSON document of Ghost's tables. */
	GHOST("admin.import.format.ghost", "post");

	private final String labelCode;

	private final String unit;

	ImportFormat(String labelCode, String unit) {
		this.labelCode = labelCode;
		this.unit = unit;
	}

	/** What editors call it, in English (the command line): "WordPress export (WXR)". */
	public String label() {
		return new ImportText(this.labelCode).english();
	}

	/** The message key of what editors call it, for the import page in the site's language. */
	public String labelCode() {
		return this.labelCode;
	}

	/** What the report numbers: lines of the file, or posts of a Ghost export. */
	public String unit() {
		return this.unit;
	}

}
