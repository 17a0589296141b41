package dev.blogroll.importer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.blogroll.text.WebAddresses;

/**
 * Ghost's export (Settings → Labs → Export): {@code {"db": [{"meta": …, "data": {"posts": […],
 * "tags": […], "posts_tags": […], "users": […], "posts_authors": […]}}]}}, read as a stream
 * (Jackson's parser, one post at a time). Ghost writes its tables in an order of its own, and a
 * post needs its tags and authors, so the file is read twice: first the tags, users and the
 * tables that join them to posts (a few short strings a post), then the posts, which hold the
 * bodies. A file that is not JSON is refused in the first reading, before anything is written.
 * <p>
 * Ghost has no categories: a post's primary tag (its first) is its Blogroll category, and its
 * other public tags are its tags (internal tags, named {@code #…}, are Ghost's own and left
 * out). Pages and posts sent only as newsletters are left out with their reason; drafts are
 * drafts, scheduled posts are dated in the future. The body is Ghost's {@code html} as
 * Markdown; a post exported without it is made from its Lexical or Mobiledoc document.
 */
final class GhostSource implements ImportSource {

	private static final Logger log = LoggerFactory.getLogger(GhostSource.class);

	/** The longest text of one field read, as for a line of NDJSON: far more than a post may hold. */
	private static final int MAX_STRING = ChunkReader.MAX_LINE_CHARS;

	private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING).build())
		.build())
		// one post at a time: the rest of the file follows each
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/** Rows of tags, users and links kept from the first reading, at most: a few hundred MB of heap. */
	static final int MAX_ROWS = 2_000_000;

	/** Characters of an id or a name kept: longer names are refused by the validator anyway. */
	private static final int MAX_NAME = 1024;

	private final ImportFile file;

	private long rows;

	private final Instant now;

	private final Map<String, String[]> tags = new HashMap<>();

	private final Map<String, String> users = new HashMap<>();

	private final Map<String, List<String[]>> postTags = new HashMap<>();

	private final Map<String, List<String[]>> postAuthors = new HashMap<>();

	/** The alt texts of posts' feature images, which Ghost keeps in posts_meta. */
	private final Map<String, String> imageAlts = new HashMap<>();

	private @Nullable JsonParser posts;

	private ImportFile.@Nullable Counted bytes;

	private long number;

	private boolean ended;

	/** Reads the file's tags, users and their links to posts (the first reading). */
	GhostSource(ImportFile file, Instant now) throws IOException {
		this.file = file;
		this.now = now;
		try (InputStream in = file.open(); JsonParser parser = JSON.createParser(ImportFile.text(in, false))) {
			if (!toData(parser)) {
				throw new UnreadableImportException("admin.import.file.notGhost");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String table = parser.currentName();
				parser.nextToken();
				switch (table) {
					case "tags" -> rows(parser, (row) -> this.tags.put(shortText(row, "id"),
							new String[] { shortText(row, "name"), shortText(row, "visibility") }));
					case "users" -> rows(parser, (row) -> this.users.put(shortText(row, "id"), shortText(row, "name")));
					case "posts_tags" -> rows(parser, (row) -> link(this.postTags, row, "tag_id"));
					case "posts_authors" -> rows(parser, (row) -> link(this.postAuthors, row, "author_id"));
					case "posts_meta" -> rows(parser, (row) -> {
						if (!text(row, "feature_image_alt").isBlank()) {
							this.imageAlts.put(shortText(row, "post_id"), shortText(row, "feature_image_alt"));
						}
					});
					default -> parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			log.info("A Ghost export was refused: {}", PostImporter.firstLine(ex.getOriginalMessage()));
			long line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			boolean cut = ex.getOriginalMessage() != null && ex.getOriginalMessage().contains("end-of-input");
			throw cut ? new UnreadableImportException("admin.import.file.ghostCut")
					: (line > 1) ? new UnreadableImportException("admin.import.file.ghostInvalidNear", line)
							: new UnreadableImportException("admin.import.file.ghostInvalid");
		}
		this.postTags.values().forEach((links) -> links.sort(Comparator.comparingDouble((String[] link) -> order(link[1]))));
		this.postAuthors.values().forEach((links) -> links.sort(Comparator.comparingDouble((String[] link) -> order(link[1]))));
	}

	@Override
	public @Nullable Item next() throws IOException {
		if (this.ended) {
			return null;
		}
		try {
			if (this.posts == null) {
				this.bytes = this.file.open();
				this.posts = JSON.createParser(ImportFile.text(this.bytes, false));
				if (!toPosts(this.posts)) {
					return end();
				}
			}
			if (this.posts.nextToken() != JsonToken.START_OBJECT) {
				return end();
			}
			this.number++;
			JsonNode post = JSON.readTree(this.posts);
			return item(post);
		}
		catch (JacksonException ex) {
			end();
			boolean tooLong = ex.getOriginalMessage() != null && ex.getOriginalMessage().contains("length");
			return Item.error(Math.max(1, this.number), tooLong
					? new ImportText("admin.import.line.ghost.fieldTooLong", MAX_STRING)
					: new ImportText("admin.import.line.ghost.unreadable"), 0);
		}
	}

	private @Nullable Item end() {
		this.ended = true;
		try {
			if (this.posts != null) {
				this.posts.close();
			}
			if (this.bytes != null) {
				this.bytes.close();
			}
		}
		catch (IOException | JacksonException ex) {
			// read to the end already
		}
		return null;
	}

	private Item item(JsonNode post) {
		long position = this.bytes.count();
		String id = text(post, "id");
		String title = text(post, "title").strip();
		Object named = title.isEmpty() ? "" : new ImportText("admin.import.named", shorten(title));
		String type = text(post, "type");
		if (type.equals("page")) {
			return Item.skipped(this.number, new ImportText("admin.import.left.page", named), position);
		}
		String status = text(post, "status");
		if (status.equals("sent")) {
			return Item.skipped(this.number, new ImportText("admin.import.left.newsletter", named), position);
		}
		boolean draft = status.equals("draft");
		List<String> tagNames = new ArrayList<>();
		for (String[] link : this.postTags.getOrDefault(id, List.of())) {
			String[] tag = this.tags.get(link[0]);
			if (tag != null && !tag[0].startsWith("#") && !"internal".equals(tag[1])) {
				tagNames.add(tag[0]);
			}
		}
		String category = tagNames.isEmpty() ? null : tagNames.get(0);
		if (category == null) {
			return Item.error(this.number, new ImportText("admin.import.line.ghost.noTag", named), position);
		}
		String author = null;
		for (String[] link : this.postAuthors.getOrDefault(id, List.of())) {
			author = this.users.get(link[0]);
			if (author != null) {
				break;
			}
		}
		if (author == null) {
			author = this.users.get(text(post, "author_id"));
		}
		String body = body(post);
		String image = text(post, "feature_image");
		ImportLine line = new ImportLine(title, blankToNull(text(post, "slug")), category,
				tagNames.subList(1, tagNames.size()), author, date(post, draft), blankToNull(text(post, "custom_excerpt")),
				body, WebAddresses.isValid(image) ? image : null, this.imageAlts.getOrDefault(id, blankToNull(text(post, "feature_image_alt"))), null,
				draft ? "draft" : "published");
		return Item.post(this.number, line, position, (body == null) ? title.length() : body.length());
	}

	/** The body as Markdown: from Ghost's HTML, else its Lexical or Mobiledoc document. */
	private static @Nullable String body(JsonNode post) {
		String html = text(post, "html");
		if (html.isBlank()) {
			html = GhostDocuments.toHtml(text(post, "lexical"), text(post, "mobiledoc"));
		}
		String markdown = HtmlBodies.toMarkdown(html);
		if (markdown == null) {
			return blankToNull(text(post, "plaintext"));
		}
		return markdown;
	}

	private @Nullable String date(JsonNode post, boolean draft) {
		for (String field : draft ? List.of("published_at", "updated_at", "created_at") : List.of("published_at")) {
			JsonNode value = post.get(field);
			if (value == null || value.isNull()) {
				continue;
			}
			if (value.isNumber()) {
				return Instant.ofEpochMilli(value.asLong()).toString(); // Ghost 0.x wrote milliseconds
			}
			String text = value.asString().strip();
			try {
				return Instant.parse(text).toString();
			}
			catch (DateTimeParseException ex) {
				return text; // reported by the validator with the value
			}
		}
		return draft ? this.now.toString() : null;
	}

	/** Moves the parser into the object of Ghost's tables: {"db": [{"data": {…}}]} or {"data": {…}}. */
	private static boolean toData(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			return false;
		}
		return findData(parser);
	}

	private static boolean findData(JsonParser parser) {
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (name.equals("data") && value == JsonToken.START_OBJECT) {
				return true;
			}
			if (name.equals("db") && value == JsonToken.START_ARRAY) {
				return parser.nextToken() == JsonToken.START_OBJECT && findData(parser);
			}
			parser.skipChildren();
		}
		return false;
	}

	/** Moves the parser to just before the first post. */
	private static boolean toPosts(JsonParser parser) {
		if (!toData(parser)) {
			return false;
		}
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (name.equals("posts") && value == JsonToken.START_ARRAY) {
				return true;
			}
			parser.skipChildren();
		}
		return false;
	}

	private void rows(JsonParser parser, java.util.function.Consumer<JsonNode> row) {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			parser.skipChildren();
			return;
		}
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			if (++this.rows > MAX_ROWS) {
				throw new UnreadableImportException("admin.import.file.ghostTooManyRows", MAX_ROWS);
			}
			row.accept(JSON.readTree(parser));
		}
	}

	private static void link(Map<String, List<String[]>> links, JsonNode row, String to) {
		links.computeIfAbsent(shortText(row, "post_id"), (post) -> new ArrayList<>(2))
			.add(new String[] { shortText(row, to), shortText(row, "sort_order") });
	}

	/** An id or a name: at most {@value #MAX_NAME} characters kept. */
	private static String shortText(JsonNode node, String field) {
		String text = text(node, field);
		return (text.length() <= MAX_NAME) ? text : text.substring(0, MAX_NAME);
	}

	private static double order(String sortOrder) {
		try {
			return Double.parseDouble(sortOrder);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull() || value.isContainer()) ? "" : value.asString();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String shorten(String value) {
		return (value.length() <= 60) ? value : value.substring(0, 60) + "…";
	}

}
