package dev.blogroll.importer;

import java.io.IOException;
import java.io.Reader;

import org.jspecify.annotations.Nullable;

/**
 * Reads an import line by line, holding at most {@code maxChars} characters of a line: the rest
 * of a longer line is read and dropped, and the line is reported as too long. A file of one
 * gigabyte with no line break costs {@code maxChars} of memory, not a gigabyte. Lines end with
 * {@code \n} or {@code \r\n}.
 */
final class LineReader {

	private final Reader input;

	private final int maxChars;

	private final char[] buffer = new char[64 * 1024];

	private int position;

	private int limit;

	private final StringBuilder line = new StringBuilder();

	LineReader(Reader input, int maxChars) {
		this.input = input;
		this.maxChars = maxChars;
	}

	/** The next line, or null at the end of the input. */
	@Nullable Line next() throws IOException {
		this.line.setLength(0);
		long length = 0;
		boolean any = false;
		while (true) {
			if (this.position == this.limit) {
				this.limit = this.input.read(this.buffer, 0, this.buffer.length);
				this.position = 0;
				if (this.limit <= 0) {
					this.limit = 0;
					return any ? line(length) : null;
				}
			}
			any = true;
			int start = this.position;
			while (this.position < this.limit && this.buffer[this.position] != '\n') {
				this.position++;
			}
			int count = this.position - start;
			int room = this.maxChars - this.line.length();
			this.line.append(this.buffer, start, Math.max(0, Math.min(count, room)));
			length += count;
			if (this.position < this.limit) {
				this.position++; // the line break
				return line(length);
			}
		}
	}

	private Line line(long length) {
		boolean tooLong = length > this.maxChars;
		int end = this.line.length();
		if (!tooLong && end > 0 && this.line.charAt(end - 1) == '\r') {
			end--;
		}
		return new Line(tooLong ? null : this.line.substring(0, end), length);
	}

	/**
	 * One line.
	 * @param text its text without the line break, or null when it was longer than allowed
	 * @param length its length in characters, without the line break
	 */
	record Line(@Nullable String text, long length) {
	}

}
