package dev.blogroll.importer;

import java.util.List;

/**
 * What an import did.
 *
 * @param created posts that were new
 * @param updated posts that existed (same slug) and changed
 * @param unchanged posts that existed and were already identical
 * @param failed lines that were not imported
 * @param errors why, for the first {@value PostImporter#MAX_REPORTED_ERRORS} failed lines
 */
public record ImportResult(long created, long updated, long unchanged, long failed, List<LineError> errors) {

	/** One line that could not be imported, and why. */
	public record LineError(long lineNumber, String message) {

		@Override
		public String toString() {
			return "line " + this.lineNumber + ": " + this.message;
		}

	}

	public boolean hasFailures() {
		return this.failed > 0;
	}

	/** Failed lines not listed in {@link #errors()}: only the first ones are kept. */
	public long unlisted() {
		return this.failed - this.errors.size();
	}

	@Override
	public String toString() {
		return "%d created, %d updated, %d unchanged, %d failed".formatted(this.created, this.updated, this.unchanged,
				this.failed);
	}

}
