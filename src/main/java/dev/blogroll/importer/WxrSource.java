package dev.blogroll.importer;

import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

import dev.blogroll.post.PostRules;
import dev.blogroll.text.Slugs;

/**
 * WordPress's export (WXR 1.2, Tools → Export): an RSS file whose {@code item}s are posts,
 * pages, attachments and menu items, with WordPress's own elements in the {@code wp:},
 * {@code content:}, {@code excerpt:} and {@code dc:} namespaces. Read as a stream (StAX), one
 * item at a time, so a big export costs the memory of one post; each item is numbered by the
 * line its {@code <item>} starts on, which is where an editor finds it in the file.
 * <p>
 * Posts are imported, drafts as drafts and scheduled posts as posts dated in the future (which
 * Blogroll shows when their time comes); pages, attachments, menu items, private posts, the
 * trash and WordPress's automatic drafts are left out, each with its reason. The first category
 * of a post is its Blogroll category; its tags are its tags; its author is the export's display
 * name for the login. The body's HTML becomes Markdown ({@link HtmlBodies}). A featured image
 * is kept when its attachment comes earlier in the file (WordPress writes attachments first).
 * <p>
 * A file with a DOCTYPE is refused as it is met: WordPress never writes one, and its entities are
 * how XML files read local files (XXE) or expand without end (billion laughs).
 */
final class WxrSource implements ImportSource {

	private static final XMLInputFactory XML = XMLInputFactory.newFactory();

	static {
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		XML.setProperty(XMLInputFactory.IS_COALESCING, false);
	}

	/** Authors, categories and attachments remembered from the head of the file, at most. */
	private static final int MAX_REMEMBERED = 100_000;

	/** Characters of one element's text kept: a body longer than this is refused anyway. */
	private static final int MAX_TEXT = PostRules.MAX_BODY + 1;

	/** Characters of a name, address or date kept: longer ones are refused anyway. */
	private static final int MAX_SHORT_TEXT = 4096;

	/** Categories and tags of one item kept: more than any post may have. */
	private static final int MAX_TERMS = 1000;

	/** The elements of an item read; others (comments, GUIDs, menu orders…) are skipped unread. */
	private static final java.util.Set<String> ITEM_FIELDS = java.util.Set.of("title", "dc:creator", "content:encoded",
			"excerpt:encoded", "wp:post_id", "wp:post_date", "wp:post_date_gmt", "wp:post_name", "wp:status",
			"wp:post_type", "wp:attachment_url");

	/** The post metadata read: featured images and their alt texts. */
	private static final java.util.Set<String> META_KEYS = java.util.Set.of("_thumbnail_id", "_wp_attachment_image_alt");

	private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final XMLStreamReader xml;

	private final ImportFile.Counted bytes;

	private final Instant now;

	/** Display names by login, from the {@code wp:author} elements before the items. */
	private final Map<String, String> authors = new HashMap<>();

	/** Attachment addresses and alt texts by post id, for featured images. */
	private final Map<String, String[]> attachments = new HashMap<>();

	private boolean ended;

	/**
	 * @param now the time given to drafts that have no date of their own
	 */
	WxrSource(ImportFile.Counted bytes, Instant now) throws IOException {
		this.bytes = bytes;
		this.now = now;
		Reader text = ImportFile.text(bytes, true);
		try {
			this.xml = XML.createXMLStreamReader(text);
		}
		catch (XMLStreamException ex) {
			throw new UnreadableImportException("admin.import.file.notXml");
		}
	}

	@Override
	public @Nullable Item next() throws IOException {
		if (this.ended) {
			return null;
		}
		try {
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.DTD) {
					return end(this.xml.getLocation().getLineNumber(), new ImportText("admin.import.line.wxr.doctype"));
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = qualified();
				if (name.equals("wp:author")) {
					author();
				}
				else if (name.equals("item")) {
					Item item = item();
					if (item != null) {
						return item;
					}
				}
			}
			this.ended = true;
			return null;
		}
		catch (XMLStreamException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNumber() : 0;
			return end(line, xmlProblem(ex));
		}
	}

	private Item end(long line, ImportText message) {
		this.ended = true;
		return Item.error(Math.max(line, 1), message, this.bytes.count());
	}

	/** What is wrong with the XML, without the parser's words. */
	private static ImportText xmlProblem(XMLStreamException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CharacterCodingException) {
				return new ImportText("admin.import.line.wxr.notUtf8");
			}
		}
		String message = String.valueOf(ex.getMessage());
		if (message.contains("follow the '&'")) {
			return new ImportText("admin.import.line.wxr.ampersand");
		}
		if (message.contains("entity") && !message.contains("same entity") || message.contains("Entity")) {
			return new ImportText("admin.import.line.wxr.entity");
		}
		if (message.contains("end of file") || message.contains("XML document structures must start and end")
				|| message.contains("Premature end")) {
			return new ImportText("admin.import.line.wxr.cutShort");
		}
		return new ImportText("admin.import.line.wxr.malformed");
	}

	private String qualified() {
		String prefix = this.xml.getPrefix();
		String local = this.xml.getLocalName();
		String namespace = this.xml.getNamespaceURI();
		if (namespace == null || namespace.isEmpty()) {
			return local;
		}
		if (namespace.endsWith("/excerpt/")) {
			return "excerpt:" + local;
		}
		if (namespace.startsWith("http://wordpress.org/export/")) {
			return "wp:" + local;
		}
		if (namespace.equals("http://purl.org/rss/1.0/modules/content/")) {
			return "content:" + local;
		}
		if (namespace.equals("http://purl.org/dc/elements/1.1/")) {
			return "dc:" + local;
		}
		return (prefix == null || prefix.isEmpty()) ? local : prefix + ":" + local;
	}

	/** A {@code wp:author} of the channel: its login and display name. */
	private void author() throws XMLStreamException {
		String login = null;
		String display = null;
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = qualified();
				if (name.equals("wp:author_login")) {
					login = text(MAX_SHORT_TEXT);
				}
				else if (name.equals("wp:author_display_name")) {
					display = text(MAX_SHORT_TEXT);
				}
				else {
					depth++;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		if (login != null && display != null && !display.isBlank() && this.authors.size() < MAX_REMEMBERED) {
			this.authors.put(login.strip(), HtmlBodies.unescape(display));
		}
	}

	/** One {@code item}: a post to import, one left out, or {@code null} for one that says nothing. */
	private @Nullable Item item() throws XMLStreamException {
		long line = this.xml.getLocation().getLineNumber();
		Map<String, String> fields = new HashMap<>();
		List<String> categories = new ArrayList<>();
		List<String> tags = new ArrayList<>();
		Map<String, String> meta = new HashMap<>();
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = qualified();
				switch (name) {
					case "category" -> {
						String domain = this.xml.getAttributeValue(null, "domain");
						String value = HtmlBodies.unescape(text(MAX_SHORT_TEXT));
						if ("category".equals(domain) && !value.isEmpty() && categories.size() < MAX_TERMS) {
							categories.add(value);
						}
						else if ("post_tag".equals(domain) && !value.isEmpty() && tags.size() < MAX_TERMS) {
							tags.add(value);
						}
					}
					case "wp:postmeta" -> postmeta(meta);
					default -> {
						if (ITEM_FIELDS.contains(name) && !fields.containsKey(name)) {
							fields.put(name, text(name.endsWith(":encoded") ? MAX_TEXT : MAX_SHORT_TEXT));
						}
						else {
							skip();
						}
					}
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		long position = this.bytes.count();
		String type = fields.getOrDefault("wp:post_type", "post");
		String title = HtmlBodies.unescape(fields.getOrDefault("title", ""));
		Object named = title.isBlank() ? "" : new ImportText("admin.import.named", shorten(title));
		if (type.equals("attachment")) {
			String url = fields.get("wp:attachment_url");
			String id = fields.get("wp:post_id");
			if (url != null && id != null && this.attachments.size() < MAX_REMEMBERED) {
				this.attachments.put(id.strip(), new String[] { url.strip(), meta.getOrDefault("_wp_attachment_image_alt", "") });
			}
			return Item.skipped(line, new ImportText("admin.import.left.attachment", named), position);
		}
		if (!type.equals("post")) {
			ImportText what = switch (type) {
				case "page" -> new ImportText("admin.import.left.page", named);
				case "nav_menu_item" -> new ImportText("admin.import.left.menuItem");
				case "revision" -> new ImportText("admin.import.left.revision");
				default -> new ImportText("admin.import.left.otherType", named, shorten(type));
			};
			return Item.skipped(line, what, position);
		}
		String status = fields.getOrDefault("wp:status", "publish");
		ImportText leftOut = switch (status) {
			case "trash" -> new ImportText("admin.import.left.trash", named);
			case "auto-draft" -> new ImportText("admin.import.left.autoDraft", named);
			case "private" -> new ImportText("admin.import.left.private", named);
			case "inherit" -> new ImportText("admin.import.left.inherit", named);
			default -> null;
		};
		if (leftOut != null) {
			return Item.skipped(line, leftOut, position);
		}
		boolean draft = status.equals("draft") || status.equals("pending");
		String body = HtmlBodies.toMarkdown(fields.get("content:encoded"));
		String image = null;
		String imageAlt = null;
		String thumbnail = meta.get("_thumbnail_id");
		if (thumbnail != null && this.attachments.containsKey(thumbnail.strip())) {
			String[] attachment = this.attachments.get(thumbnail.strip());
			image = attachment[0];
			imageAlt = attachment[1];
		}
		String author = fields.getOrDefault("dc:creator", "").strip();
		ImportLine post = new ImportLine(title, slug(fields.get("wp:post_name")),
				categories.isEmpty() ? null : categories.get(0), tags,
				this.authors.getOrDefault(author, author), date(fields, draft), HtmlBodies.toText(fields.get("excerpt:encoded")),
				body, image, imageAlt, null, draft ? "draft" : "published");
		return Item.post(line, post, position, (body == null) ? title.length() : body.length());
	}

	/** The post's date: in UTC as WordPress gives it, else its local date, else now for a draft. */
	private @Nullable String date(Map<String, String> fields, boolean draft) {
		for (String field : List.of("wp:post_date_gmt", "wp:post_date")) {
			String value = fields.get(field);
			if (value != null && !value.isBlank() && !value.startsWith("0000")) {
				try {
					return LocalDateTime.parse(value.strip(), WP_DATE).toInstant(ZoneOffset.UTC).toString();
				}
				catch (DateTimeParseException ex) {
					return value; // reported by the validator with the value
				}
			}
		}
		return draft ? this.now.toString() : null;
	}

	/**
	 * WordPress's slug as Blogroll's: WordPress keeps non-ASCII slugs percent-encoded
	 * ({@code %e6%97%a5…}); where Blogroll's rules cannot keep it, the slug is made again from
	 * it, or, if nothing is left, from the title.
	 */
	private static @Nullable String slug(@Nullable String postName) {
		if (postName == null || postName.isBlank()) {
			return null;
		}
		String slug = postName.strip();
		try {
			slug = URLDecoder.decode(slug, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// not encoded: as it is
		}
		if (Slugs.isValid(slug)) {
			return slug;
		}
		String made = Slugs.slugify(slug);
		return made.isEmpty() ? null : made;
	}

	private void postmeta(Map<String, String> meta) throws XMLStreamException {
		String key = null;
		String value = null;
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = qualified();
				if (name.equals("wp:meta_key")) {
					key = text(MAX_SHORT_TEXT);
				}
				else if (name.equals("wp:meta_value")) {
					value = text(MAX_SHORT_TEXT);
				}
				else {
					depth++;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		if (key != null && value != null && META_KEYS.contains(key)) {
			meta.put(key, value);
		}
	}

	private void skip() throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/**
	 * The text of the element just started, up to its end, at most {@code max} characters (the
	 * rest is read and dropped: a value that long is refused by the validator anyway); elements
	 * inside it are skipped.
	 */
	private String text(int max) throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			switch (event) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (depth == 1 && text.length() < max) {
						int room = max - text.length();
						int length = Math.min(room, this.xml.getTextLength());
						text.append(this.xml.getTextCharacters(), this.xml.getTextStart(), length);
					}
				}
				case XMLStreamConstants.START_ELEMENT -> depth++;
				case XMLStreamConstants.END_ELEMENT -> depth--;
				default -> {
				}
			}
		}
		return text.toString();
	}

	private static String shorten(String value) {
		return (value.length() <= 60) ? value : value.substring(0, 60) + "…";
	}

}
