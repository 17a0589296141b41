package dev.blogroll.importer;

import java.util.List;

import dev.blogroll.web.SiteLocale;

/**
 * What an import did.
 *
 * @param created posts that were new
 * @param updated posts that existed (same slug) and changed
 * @param unchanged posts that existed and were already identical
 * @param failed lines that were not imported
 * @param errors why, for the first {@value PostImporter#MAX_REPORTED_ERRORS} failed lines
 * @param skipped items left out on purpose (pages, attachments, menu items of a WordPress export)
 * @param skippedItems why, for the first {@value PostImporter#MAX_REPORTED_ERRORS} of them
 * @param names the categories, authors and tags the import created
 * @param format what the file was
 */
public record ImportResult(long created, long updated, long unchanged, long failed, List<LineError> errors,
		long skipped, List<LineError> skippedItems, Created names, ImportFormat format) {

	public ImportResult(long created, long updated, long unchanged, long failed, List<LineError> errors) {
		this(created, updated, unchanged, failed, errors, 0, List.of(), Created.NONE, ImportFormat.NDJSON);
	}

	/**
	 * One item of the file that could not be imported, or was left out, and why.
	 * @param lineNumber its line in the file, or for a Ghost export its place among the posts
	 * @param reason why, worded when shown
	 */
	public record LineError(long lineNumber, ImportText reason) {

		/** Why, in English (the command line, the log). */
		public String message() {
			return this.reason.english();
		}

		@Override
		public String toString() {
			return "line " + this.lineNumber + ": " + message();
		}

	}

	/**
	 * The names of the categories, authors and tags an import created, the first
	 * {@value PostImporter#MAX_REPORTED_ERRORS} of each.
	 */
	public record Created(List<String> categories, List<String> authors, List<String> tags) {

		static final Created NONE = new Created(List.of(), List.of(), List.of());

	}

	/** "line 12: the title is missing", or for a Ghost export "post 12: …", in English (the command line). */
	public String describe(LineError error) {
		return report(error).english();
	}

	/** The same in the site's language (the import page). */
	public String describe(LineError error, SiteLocale site) {
		return report(error).in(site);
	}

	private ImportText report(LineError error) {
		return new ImportText("admin.import.report." + this.format.unit(), error.lineNumber(), error.reason());
	}

	public boolean hasFailures() {
		return this.failed > 0;
	}

	/** Failed lines not listed in {@link #errors()}: only the first ones are kept. */
	public long unlisted() {
		return this.failed - this.errors.size();
	}

	/** The same counts, with the items left out on purpose and the format. */
	ImportResult with(long skipped, List<LineError> skippedItems, ImportFormat format) {
		return new ImportResult(this.created, this.updated, this.unchanged, this.failed, this.errors, skipped,
				skippedItems, this.names, format);
	}

	@Override
	public String toString() {
		return "%d created, %d updated, %d unchanged, %d failed".formatted(this.created, this.updated, this.unchanged,
				this.failed) + ((this.skipped > 0) ? ", %d skipped".formatted(this.skipped) : "");
	}

}
