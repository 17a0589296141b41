package dev.blogroll.importer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file to import, which can be read more than once (a Ghost export is read twice: its tags
 * and authors, then its posts), and what kind of file it is, told from its first bytes.
 */
public final class ImportFile {

	/** Opens the file's bytes from the start. */
	@FunctionalInterface
	public interface Opener {

		InputStream open() throws IOException;

	}

	/** Enough of the start of a file to tell what it is. */
	private static final int HEAD_BYTES = 8 * 1024;

	/**
	 * Stands for bytes that are not UTF-8 in the text of NDJSON and Ghost exports; the validator
	 * reports the line or post that has it. A noncharacter: no post needs it.
	 */
	static final String NOT_UTF8 = "\uFFFF";

	private static final ImportText FORMATS = new ImportText("admin.import.file.formats");

	private final Opener opener;

	private final long size;

	private ImportFile(Opener opener, long size) {
		this.opener = opener;
		this.size = size;
	}

	/**
	 * @param size the file's size in bytes if known, or -1
	 */
	public static ImportFile of(Opener opener, long size) {
		return new ImportFile(opener, size);
	}

	public static ImportFile of(Path path) throws IOException {
		return new ImportFile(() -> Files.newInputStream(path), Files.size(path));
	}

	long size() {
		return this.size;
	}

	/**
	 * The file's bytes, after a UTF-8 byte order mark if it has one, counting how many were read.
	 */
	Counted open() throws IOException {
		InputStream in = new BufferedInputStream(this.opener.open(), 64 * 1024);
		in.mark(3);
		byte[] bom = in.readNBytes(3);
		if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
			in.reset();
		}
		return new Counted(in);
	}

	/**
	 * The file's text; bytes that are not UTF-8 become {@link #NOT_UTF8}, or, if {@code strict},
	 * a {@link CharacterCodingException} when they are read.
	 */
	static Reader text(InputStream in, boolean strict) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
		if (strict) {
			decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
		}
		else {
			decoder.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.replaceWith(NOT_UTF8);
		}
		return new InputStreamReader(in, decoder);
	}

	/**
	 * What kind of file this is, from its content.
	 * @throws UnreadableImportException if it is none Blogroll reads, saying what it seems to be
	 */
	ImportFormat detect() throws IOException {
		byte[] head;
		try (InputStream in = this.opener.open()) {
			head = in.readNBytes(HEAD_BYTES);
		}
		if (head.length == 0) {
			throw new UnreadableImportException("admin.import.file.empty");
		}
		if (startsWith(head, 0x50, 0x4B, 0x03, 0x04) || startsWith(head, 0x50, 0x4B, 0x05, 0x06)) {
			throw new UnreadableImportException("admin.import.file.zip");
		}
		if (startsWith(head, 0x1F, 0x8B)) {
			throw new UnreadableImportException("admin.import.file.gzip");
		}
		if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)) {
			throw new UnreadableImportException("admin.import.file.utf16");
		}
		int start = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
		if (hasNul(head)) {
			throw new UnreadableImportException("admin.import.file.binary", FORMATS);
		}
		// bytes that are not UTF-8 in a post are that post's error; only the start must be readable
		String text = new String(head, start, head.length - start, StandardCharsets.UTF_8);
		String trimmed = text.stripLeading();
		if (trimmed.isEmpty()) {
			throw new UnreadableImportException("admin.import.file.blank");
		}
		char first = trimmed.charAt(0);
		if (first != '<' && first != '{' && first != '[' && !isUtf8(head, start)) {
			throw new UnreadableImportException("admin.import.file.notUtf8", FORMATS);
		}
		if (first == '<') {
			return xml(trimmed.toLowerCase(Locale.ROOT));
		}
		if (first == '{') {
			return isGhost(trimmed) ? ImportFormat.GHOST : ImportFormat.NDJSON;
		}
		if (first == '[') {
			throw new UnreadableImportException("admin.import.file.jsonList");
		}
		throw new UnreadableImportException("admin.import.file.unknown", FORMATS);
	}

	private static ImportFormat xml(String lower) {
		if (lower.contains("<rss") && lower.contains("wordpress.org/export/")) {
			return ImportFormat.WORDPRESS;
		}
		if (lower.contains("<html") || lower.startsWith("<!doctype html")) {
			throw new UnreadableImportException("admin.import.file.html");
		}
		if (lower.contains("<rss") || lower.contains("<feed")) {
			throw new UnreadableImportException("admin.import.file.feed");
		}
		throw new UnreadableImportException("admin.import.file.otherXml");
	}

	/** A Ghost export starts {"db": [...]}, or, for one database of it, {"meta": …, "data": …}. */
	private static boolean isGhost(String head) {
		try (JsonParser parser = JsonMapper.shared().createParser(head)) {
			if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.PROPERTY_NAME) {
				return false;
			}
			String name = parser.currentName();
			return name.equals("db") || name.equals("meta") || name.equals("data");
		}
		catch (JacksonException ex) {
			return false; // a broken first line of NDJSON: reported as such
		}
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean hasNul(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	/** Whether the bytes are UTF-8, allowing a character cut at the end. */
	private static boolean isUtf8(byte[] head, int start) {
		int end = head.length;
		// a multi-byte character may be cut by the end of the head: leave its bytes out
		for (int back = 1; back <= 3 && end - back >= start; back++) {
			int b = head[end - back] & 0xff;
			if ((b & 0xC0) == 0xC0) {
				end -= back;
				break;
			}
			if ((b & 0x80) == 0) {
				break;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(head, start, end - start));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** An input stream that counts the bytes read, for the progress of a long import. */
	static final class Counted extends FilterInputStream {

		private long count;

		Counted(InputStream in) {
			super(in);
		}

		long count() {
			return this.count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count += skipped;
			return skipped;
		}

	}

}
