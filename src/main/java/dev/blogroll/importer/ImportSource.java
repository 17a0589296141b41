package dev.blogroll.importer;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * The posts of one import file, one {@link Item} at a time, whatever the file's format
 * (Blogroll's NDJSON, a WordPress export, a Ghost export): the chunks, the validation and the
 * report are the same for all of them.
 */
interface ImportSource {

	/** The next item of the file, or {@code null} at its end. */
	@Nullable Item next() throws IOException;

	/**
	 * One post of the file, or what keeps it from being one.
	 * @param number where it is: its line in the file (NDJSON, WordPress), or its place among
	 * the file's posts (Ghost)
	 * @param line the post, when it could be read
	 * @param error why it could not be read, in an editor's words
	 * @param skipped why it is left out on purpose (a page, an attachment)
	 * @param position how far into the file it ends, in characters or bytes, for the progress log
	 * @param size about how many characters it holds, to keep chunks within memory
	 */
	record Item(long number, @Nullable ImportLine line, @Nullable ImportText error, @Nullable ImportText skipped,
			long position, long size) {

		static Item post(long number, ImportLine line, long position, long size) {
			return new Item(number, line, null, null, position, size);
		}

		static Item error(long number, ImportText error, long position) {
			return new Item(number, null, error, null, position, 0);
		}

		static Item skipped(long number, ImportText reason, long position) {
			return new Item(number, null, null, reason, position, 0);
		}

		/** A blank line: nothing to import, nothing to report. */
		static Item blank(long number, long position) {
			return new Item(number, null, null, null, position, 0);
		}

	}

}
