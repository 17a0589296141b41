package dev.blogroll.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Turns a feed's bytes into text the way feed readers do, because a third of real feeds
 * label their encoding wrongly somewhere: the byte order mark first (it cannot lie), then the
 * charset of the HTTP {@code Content-Type}, then the XML declaration, then the shape of the
 * first bytes (UTF-16 and UTF-32 without a mark), else UTF-8.
 * <p>
 * Then what the label said is checked against the bytes: a label of ISO-8859-1 or US-ASCII is
 * read as windows-1252 (as browsers do: servers say "latin-1" for windows-1252 text, whose
 * curly quotes and euro sign would otherwise become C1 control characters); a single-byte
 * label on bytes that are valid UTF-8 with multi-byte sequences is read as UTF-8 (a server's
 * default charset on a UTF-8 feed); bytes that are not valid UTF-8 in a UTF-8 feed are read
 * one by one as windows-1252 (a latin-1 feed declared UTF-8, or a UTF-8 feed with latin-1
 * pasted in). What is left of C1 controls (U+0080–U+009F, in no real text) is mapped to the
 * windows-1252 characters they stand for. The XML declaration's encoding is removed from
 * the text, since the text is no longer in it.
 */
final class FeedEncoding {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

	private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

	/** Labels that mean windows-1252 in practice (WHATWG Encoding, "windows-1252"). */
	private static final Set<String> LATIN1_LABELS = Set.of("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
			"l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100");

	/**
	 * Labels whose meaning on the web (the WHATWG Encoding standard, what browsers and feed
	 * readers do) differs from Java's, or that Java does not know.
	 */
	private static final Map<String, String> WEB_LABELS = Map.ofEntries(Map.entry("cp932", "windows-31j"),
			Map.entry("windows-932", "windows-31j"), Map.entry("shift_jis", "windows-31j"),
			Map.entry("shift-jis", "windows-31j"), Map.entry("sjis", "windows-31j"), Map.entry("x-sjis", "windows-31j"),
			Map.entry("cp949", "x-windows-949"), Map.entry("windows-949", "x-windows-949"),
			Map.entry("euc-kr", "x-windows-949"), Map.entry("ks_c_5601-1987", "x-windows-949"),
			Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
			Map.entry("big5", "Big5-HKSCS"), Map.entry("iso-8859-8-i", "ISO-8859-8"),
			Map.entry("x-mac-cyrillic", "x-MacCyrillic"), Map.entry("tis-620", "x-windows-874"),
			Map.entry("iso-8859-11", "x-windows-874"), Map.entry("iso-8859-9", "windows-1254"),
			Map.entry("latin5", "windows-1254"), Map.entry("utf8", "UTF-8"));

	private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");

	private static final Pattern DECLARATION_ENCODING = Pattern.compile("^(\\s*<\\?xml[^>]*?)\\s+encoding\\s*=\\s*[\"'][^\"']*[\"']");

	private FeedEncoding() {
	}

	/**
	 * The feed's text.
	 * @param bytes the feed as served (already decompressed)
	 * @param httpCharset the {@code charset} parameter of its {@code Content-Type}, if any
	 */
	static Decoded decode(byte[] bytes, @Nullable String httpCharset) {
		Charset bom = byteOrderMark(bytes);
		Charset charset;
		String label;
		int skip = 0;
		if (bom != null) {
			charset = bom;
			label = "byte order mark";
			skip = bomLength(bom);
		}
		else if (charset(httpCharset) != null) {
			charset = charset(httpCharset);
			label = "HTTP charset " + httpCharset;
		}
		else if (wideWithoutMark(bytes) != null) {
			charset = wideWithoutMark(bytes);
			label = "the first bytes";
		}
		else {
			String declared = declared(bytes);
			Charset fromDeclaration = charset(declared);
			boolean wide = fromDeclaration != null && fromDeclaration.name().startsWith("UTF-16")
					|| fromDeclaration != null && fromDeclaration.name().startsWith("UTF-32");
			// a UTF-16 declaration on bytes that are not UTF-16 (no mark, no zero bytes) is wrong
			charset = (fromDeclaration != null && !wide) ? fromDeclaration : StandardCharsets.UTF_8;
			label = (fromDeclaration != null && !wide) ? "XML declaration " + declared : "default UTF-8";
		}
		String text;
		if (isLatin1Label(charset) && bom == null) {
			if (isMultiByteUtf8(bytes, skip)) {
				text = new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8);
				label = label + ", but the bytes are UTF-8";
				charset = StandardCharsets.UTF_8;
			}
			else {
				text = new String(bytes, skip, bytes.length - skip, WINDOWS_1252);
				charset = WINDOWS_1252;
			}
		}
		else if (charset.equals(StandardCharsets.UTF_8)) {
			Lenient utf8 = utf8OrWindows1252(bytes, skip);
			text = utf8.text();
			if (utf8.repaired() > 0) {
				label = label + ", " + utf8.repaired() + " bytes that are not UTF-8 read as windows-1252";
			}
		}
		else {
			text = new String(bytes, skip, bytes.length - skip, charset);
		}
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		return new Decoded(withoutDeclaredEncoding(repairC1(text)), charset, label);
	}

	/** The charset parameter of a {@code Content-Type} value, if it has one. */
	static @Nullable String charsetParameter(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		for (String parameter : contentType.split(";")) {
			String[] pair = parameter.strip().split("=", 2);
			if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
				String value = pair[1].strip();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				return value.isBlank() ? null : value;
			}
		}
		return null;
	}

	private static @Nullable Charset byteOrderMark(byte[] b) {
		if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
			return UTF_32BE;
		}
		if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
			return UTF_32LE;
		}
		if (starts(b, 0xEF, 0xBB, 0xBF)) {
			return StandardCharsets.UTF_8;
		}
		if (starts(b, 0xFE, 0xFF)) {
			return StandardCharsets.UTF_16BE;
		}
		if (starts(b, 0xFF, 0xFE)) {
			return StandardCharsets.UTF_16LE;
		}
		return null;
	}

	private static int bomLength(Charset charset) {
		if (charset.equals(UTF_32BE) || charset.equals(UTF_32LE)) {
			return 4;
		}
		return charset.equals(StandardCharsets.UTF_8) ? 3 : 2;
	}

	/** UTF-32 or UTF-16 recognised by where the zero bytes around the first {@code <} are. */
	private static @Nullable Charset wideWithoutMark(byte[] b) {
		if (b.length < 4) {
			return null;
		}
		boolean z0 = b[0] == 0;
		boolean z1 = b[1] == 0;
		boolean z2 = b[2] == 0;
		boolean z3 = b[3] == 0;
		if (z0 && z1 && z2 && !z3) {
			return UTF_32BE;
		}
		if (!z0 && z1 && z2 && z3) {
			return UTF_32LE;
		}
		if (z0 && !z1 && z2 && !z3) {
			return StandardCharsets.UTF_16BE;
		}
		if (!z0 && z1 && !z2 && z3) {
			return StandardCharsets.UTF_16LE;
		}
		return null;
	}

	private static boolean starts(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** The encoding the XML declaration names, read as ASCII from the first bytes. */
	private static @Nullable String declared(byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
		Matcher matcher = DECLARED.matcher(head);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** The charset a label means on the web; {@code null} for an unknown label. */
	static @Nullable Charset charset(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String label = name.strip();
		try {
			return Charset.forName(WEB_LABELS.getOrDefault(label.toLowerCase(Locale.ROOT), label));
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return null;
		}
	}

	private static boolean isLatin1Label(Charset charset) {
		if (LATIN1_LABELS.contains(charset.name().toLowerCase(Locale.ROOT))) {
			return true;
		}
		return charset.aliases().stream().anyMatch((alias) -> LATIN1_LABELS.contains(alias.toLowerCase(Locale.ROOT)));
	}

	/** Whether the bytes are valid UTF-8 and have at least one multi-byte sequence. */
	private static boolean isMultiByteUtf8(byte[] bytes, int offset) {
		boolean multiByte = false;
		for (int i = offset; i < bytes.length; i++) {
			if (bytes[i] < 0) {
				multiByte = true;
				break;
			}
		}
		if (!multiByte) {
			return false;
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** UTF-8, each byte of a malformed sequence read as windows-1252 instead of U+FFFD. */
	private static Lenient utf8OrWindows1252(byte[] bytes, int offset) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		CharBuffer out = CharBuffer.allocate(bytes.length - offset + 16);
		int repaired = 0;
		while (true) {
			CoderResult result = decoder.decode(in, out, true);
			if (result.isUnderflow()) {
				decoder.flush(out);
				break;
			}
			if (result.isError()) {
				for (int i = 0; i < result.length(); i++) {
					out.put(new String(new byte[] { in.get() }, WINDOWS_1252));
					repaired++;
				}
			}
			else if (result.isOverflow()) {
				CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
				out.flip();
				bigger.put(out);
				out = bigger;
			}
		}
		out.flip();
		return new Lenient(out.toString(), repaired);
	}

	/**
	 * The text with C1 control characters replaced by the windows-1252 characters whose bytes
	 * they are (U+0093 → “); the five bytes windows-1252 leaves undefined are dropped.
	 */
	static String repairC1(String text) {
		StringBuilder repaired = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\u0080' && c <= '\u009F') {
				if (repaired == null) {
					repaired = new StringBuilder(text.length()).append(text, 0, i);
				}
				String mapped = new String(new byte[] { (byte) c }, WINDOWS_1252);
				if (mapped.charAt(0) != '\uFFFD' && (mapped.charAt(0) < '\u0080' || mapped.charAt(0) > '\u009F')) {
					repaired.append(mapped);
				}
			}
			else if (repaired != null) {
				repaired.append(c);
			}
		}
		return (repaired != null) ? repaired.toString() : text;
	}

	private static String withoutDeclaredEncoding(String text) {
		return DECLARATION_ENCODING.matcher(text).replaceFirst("$1");
	}

	/**
	 * A feed as text.
	 *
	 * @param text the text
	 * @param charset the charset it was read in
	 * @param how what decided the charset, for the fetch log
	 */
	record Decoded(String text, Charset charset, String how) {
	}

	private record Lenient(String text, int repaired) {
	}

}
