package dev.blogroll.importer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into {@code COPY … FROM STDIN} in PostgreSQL's text format: one row a line,
 * values separated by tabs, {@code \N} for null, and backslash escapes for the backslash, tab,
 * newline and carriage return. Rows are encoded into a buffer and sent every
 * {@value #FLUSH_AT} characters, so a chunk of the import is never held as one big string.
 * A NUL character cannot be written in this format: PostgreSQL refuses the row, as it would
 * refuse it in any other statement.
 */
final class CopyRows implements AutoCloseable {

	private static final int FLUSH_AT = 64 * 1024;

	private final CopyIn copy;

	private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

	private boolean rowStarted;

	/**
	 * Starts a copy on the connection.
	 * @param sql {@code copy <table> (<columns>) from stdin}
	 */
	CopyRows(Connection connection, String sql) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
	}

	/** The next value of the current row ({@code null} becomes SQL null). */
	CopyRows value(@Nullable Object value) {
		if (this.rowStarted) {
			this.buffer.append('\t');
		}
		this.rowStarted = true;
		if (value == null) {
			this.buffer.append("\\N");
			return this;
		}
		String text = value.toString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> this.buffer.append("\\\\");
				case '\t' -> this.buffer.append("\\t");
				case '\n' -> this.buffer.append("\\n");
				case '\r' -> this.buffer.append("\\r");
				default -> this.buffer.append(c);
			}
		}
		return this;
	}

	/** Ends the current row; sends the buffer once it is full. */
	void endRow() throws SQLException {
		this.buffer.append('\n');
		this.rowStarted = false;
		if (this.buffer.length() >= FLUSH_AT) {
			flush();
		}
	}

	/** Sends what is left and ends the copy; returns the number of rows PostgreSQL took. */
	long finish() throws SQLException {
		flush();
		return this.copy.endCopy();
	}

	private void flush() throws SQLException {
		if (this.buffer.isEmpty()) {
			return;
		}
		byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
		this.copy.writeToCopy(bytes, 0, bytes.length);
		this.buffer.setLength(0);
	}

	/** Cancels the copy if it was not finished (after an error), so the connection can roll back. */
	@Override
	public void close() throws SQLException {
		if (this.copy.isActive()) {
			this.copy.cancelCopy();
		}
	}

}
