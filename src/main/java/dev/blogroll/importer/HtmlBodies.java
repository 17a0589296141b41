package dev.blogroll.importer;

import java.util.regex.Pattern;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * The HTML bodies of WordPress and Ghost posts as Markdown, the form Blogroll's editor edits and
 * its pages render (and sanitize) like every other post: headings, links, images with their
 * alt text, lists, quotes, tables and code blocks keep their meaning; scripts and styles are
 * dropped by the renderer's sanitizer as for any post. Converting once, at import, means an
 * imported post is edited like one written here, and nothing stores HTML that only the
 * importer knows how to show.
 */
final class HtmlBodies {

	/** A body without paragraphs is WordPress's classic text: paragraphs separated by blank lines. */
	private static final Pattern PARAGRAPH_TAG = Pattern.compile("<p[\\s>]", Pattern.CASE_INSENSITIVE);

	/** Block-level HTML, which classic text has between its paragraphs and which is no paragraph. */
	private static final Pattern BLOCK_START = Pattern.compile(
			"^<(div|h[1-6]|ul|ol|pre|blockquote|table|figure|hr|section)[\\s>/]", Pattern.CASE_INSENSITIVE);

	/** Figures and their captions: blocks of their own, which the converter knows as paragraphs. */
	private static final Pattern FIGURE = Pattern.compile("<(/?)fig(?:ure|caption)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern BLANK_LINES = Pattern.compile("\\r?\\n\\s*\\r?\\n");

	/** The block comments of WordPress's editor, {@code <!-- wp:paragraph -->}: markers, not content. */
	private static final Pattern BLOCK_COMMENTS = Pattern.compile("<!--\\s*/?wp:.*?-->", Pattern.DOTALL);

	private static final FlexmarkHtmlConverter CONVERTER = FlexmarkHtmlConverter.builder(new MutableDataSet()
		.set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
		.set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
		// ids are the renderer's to give (heading anchors), not {#…} attributes in the text
		.set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
		.set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false)
		.set(FlexmarkHtmlConverter.BR_AS_PARA_BREAKS, false)
		.set(FlexmarkHtmlConverter.SKIP_CHAR_ESCAPE, false)
		// the author's dashes and quotes stay the characters they typed
		.set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
		.set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)).build();

	private HtmlBodies() {
	}

	/** The HTML as Markdown, or {@code null} for an empty body. */
	static @Nullable String toMarkdown(@Nullable String html) {
		if (html == null || html.isBlank()) {
			return null;
		}
		String blocks = BLOCK_COMMENTS.matcher(html).replaceAll("");
		if (!PARAGRAPH_TAG.matcher(blocks).find()) {
			blocks = paragraphs(blocks);
		}
		// an image and its caption are paragraphs of their own
		blocks = FIGURE.matcher(blocks).replaceAll("<$1p");
		String markdown = CONVERTER.convert(blocks).strip();
		return markdown.isEmpty() ? null : markdown;
	}

	/** The text of a piece of HTML (an excerpt), without tags and with entities resolved. */
	static @Nullable String toText(@Nullable String html) {
		if (html == null || html.isBlank()) {
			return null;
		}
		String text = Jsoup.parseBodyFragment(html).text().strip();
		return text.isEmpty() ? null : text;
	}

	/** A name as WordPress writes it in its export ("News &amp; Events"), as readers see it. */
	static String unescape(String name) {
		return Parser.unescapeEntities(name, false).strip();
	}

	/** WordPress's classic text: a blank line between paragraphs, a line break inside one. */
	private static String paragraphs(String text) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : BLANK_LINES.split(text.strip())) {
			if (BLOCK_START.matcher(paragraph.strip()).find()) {
				html.append(paragraph).append('\n');
			}
			else if (!paragraph.isBlank()) {
				html.append("<p>").append(paragraph.strip().replace("\n", "<br>")).append("</p>\n");
			}
		}
		return html.toString();
	}

}
