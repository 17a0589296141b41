package dev.blogroll.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Blogroll's own format: one JSON object a line ({@link ImportLine}). A line longer than
 * {@value ChunkReader#MAX_LINE_CHARS} characters is dropped as it is read, and a line that is
 * not a post is reported in words, never with the parser's message.
 */
final class NdjsonSource implements ImportSource {

	/** The fields of a line, in the order the admin page lists them. */
	static final List<String> FIELDS = List.of("title", "slug", "category", "tags", "author", "publishedAt",
			"excerpt", "body", "imageUrl", "imageAlt", "sourceUrl", "status");

	private static final ObjectReader JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build()
		.readerFor(ImportLine.class);

	private final LineReader lines;

	private long lineNumber;

	private long charsRead;

	NdjsonSource(Reader input) {
		this.lines = new LineReader(input, ChunkReader.MAX_LINE_CHARS);
	}

	@Override
	public @Nullable Item next() throws IOException {
		LineReader.Line line = this.lines.next();
		if (line == null) {
			return null;
		}
		this.lineNumber++;
		this.charsRead += line.length() + 1;
		String text = line.text();
		if (text == null) {
			return Item.error(this.lineNumber,
					new ImportText("admin.import.line.lineTooLong", line.length(), ChunkReader.MAX_LINE_CHARS), this.charsRead);
		}
		if (this.lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1); // a byte order mark some editors write
		}
		if (text.isBlank()) {
			return Item.blank(this.lineNumber, this.charsRead);
		}
		try {
			return Item.post(this.lineNumber, JSON.readValue(text), this.charsRead, text.length());
		}
		catch (JacksonException ex) {
			return Item.error(this.lineNumber, explain(ex, text), this.charsRead);
		}
	}

	/** What is wrong with a line Jackson could not read, in words. */
	static ImportText explain(JacksonException ex, String text) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return new ImportText("admin.import.line.unknownField", shorten(unknown.getPropertyName()),
					String.join(", ", FIELDS));
		}
		if (ex instanceof MismatchedInputException) {
			String field = field(ex);
			if (field == null) {
				return new ImportText("admin.import.line.notObject");
			}
			if (field.equals("tags")) {
				return new ImportText("admin.import.line.tagsNotList");
			}
			return new ImportText("admin.import.line.notText", field);
		}
		if (ex instanceof StreamReadException) {
			String trimmed = text.strip();
			if (!trimmed.startsWith("{")) {
				return new ImportText("admin.import.line.notStartingObject");
			}
			if (ex.getOriginalMessage() != null && ex.getOriginalMessage().contains("end-of-input")) {
				return new ImportText("admin.import.line.endsEarly");
			}
			TokenStreamLocation location = ex.getLocation();
			return (location == null || location.getColumnNr() <= 0) ? new ImportText("admin.import.line.brokenJson")
					: new ImportText("admin.import.line.brokenJsonAt", location.getColumnNr());
		}
		return new ImportText("admin.import.line.notPost");
	}

	private static @Nullable String field(JacksonException ex) {
		List<JacksonException.Reference> path = ex.getPath();
		return path.isEmpty() ? null : path.get(0).getPropertyName();
	}

	private static String shorten(@Nullable String value) {
		if (value == null) {
			return "";
		}
		return (value.length() <= 60) ? value : value.substring(0, 60) + "…";
	}

}
