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
			return Item.error(this.lineNumber, "the line is " + String.format("%,d", line.length())
					+ " characters long; at most " + String.format("%,d", ChunkReader.MAX_LINE_CHARS)
					+ " are read (is the file one post a line?)", this.charsRead);
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
	static String explain(JacksonException ex, String text) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "“" + shorten(unknown.getPropertyName()) + "” is not a field of a post; the fields are "
					+ String.join(", ", FIELDS);
		}
		if (ex instanceof MismatchedInputException) {
			String field = field(ex);
			if (field == null) {
				return "the line is not a JSON object like {\"title\": \"…\", …}";
			}
			if (field.equals("tags")) {
				return "the tags must be a list of names, such as [\"Kubernetes\", \"API gateway\"]";
			}
			return "the " + field + " must be text in quotes";
		}
		if (ex instanceof StreamReadException) {
			String trimmed = text.strip();
			if (!trimmed.startsWith("{")) {
				return "the line is not a JSON object: it should start with {";
			}
			return (ex.getOriginalMessage() != null && ex.getOriginalMessage().contains("end-of-input"))
					? "the line ends before its JSON object does (a missing closing quote or }?)"
					: "the JSON is broken" + column(ex.getLocation())
							+ " (a missing quote, a stray or missing comma, or a missing } ?)";
		}
		return "the line is not a valid JSON post";
	}

	private static @Nullable String field(JacksonException ex) {
		List<JacksonException.Reference> path = ex.getPath();
		return path.isEmpty() ? null : path.get(0).getPropertyName();
	}

	private static String column(@Nullable TokenStreamLocation location) {
		if (location == null || location.getColumnNr() <= 0) {
			return "";
		}
		return " at character " + location.getColumnNr();
	}

	private static String shorten(@Nullable String value) {
		if (value == null) {
			return "";
		}
		return (value.length() <= 60) ? value : value.substring(0, 60) + "…";
	}

}
