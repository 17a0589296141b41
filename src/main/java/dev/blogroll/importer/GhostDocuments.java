package dev.blogroll.importer;

import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Entities;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTML from the documents Ghost's editors save, for the rare post exported without its
 * {@code html}: Lexical (Ghost 5 and later) and Mobiledoc (Ghost 1–4). Paragraphs, headings,
 * quotes, lists, links, bold, italic, code, code blocks, images and the Markdown and HTML cards
 * are kept; other cards (embeds, galleries, buttons) are left out.
 */
final class GhostDocuments {

	private static final int BOLD = 1;

	private static final int ITALIC = 2;

	private static final int CODE = 16;

	private GhostDocuments() {
	}

	/** The document's HTML, from Lexical if given, else Mobiledoc; empty if neither could be read. */
	static String toHtml(@Nullable String lexical, @Nullable String mobiledoc) {
		try {
			if (lexical != null && !lexical.isBlank()) {
				StringBuilder html = new StringBuilder();
				lexicalNode(JsonMapper.shared().readTree(lexical).path("root"), html);
				return html.toString();
			}
			if (mobiledoc != null && !mobiledoc.isBlank()) {
				return mobiledoc(JsonMapper.shared().readTree(mobiledoc));
			}
		}
		catch (JacksonException ex) {
			// a document Ghost could not have written: the post is imported without a body
		}
		return "";
	}

	private static void lexicalNode(JsonNode node, StringBuilder html) {
		String type = node.path("type").asString("");
		switch (type) {
			case "text", "extended-text" -> {
				int format = node.path("format").asInt(0);
				String text = Entities.escape(node.path("text").asString(""));
				if ((format & CODE) != 0) {
					text = "<code>" + text + "</code>";
				}
				if ((format & ITALIC) != 0) {
					text = "<em>" + text + "</em>";
				}
				if ((format & BOLD) != 0) {
					text = "<strong>" + text + "</strong>";
				}
				html.append(text);
			}
			case "linebreak" -> html.append("<br>");
			case "link" -> wrap(node, html, "a href=\"" + Entities.escape(node.path("url").asString("")) + "\"", "a");
			case "paragraph" -> wrap(node, html, "p", "p");
			case "heading", "extended-heading" -> {
				String tag = node.path("tag").asString("h2");
				wrap(node, html, tag.matches("h[1-6]") ? tag : "h2", tag.matches("h[1-6]") ? tag : "h2");
			}
			case "quote", "extended-quote", "aside" -> wrap(node, html, "blockquote", "blockquote");
			case "list" -> {
				String tag = "number".equals(node.path("listType").asString("")) ? "ol" : "ul";
				wrap(node, html, tag, tag);
			}
			case "listitem" -> wrap(node, html, "li", "li");
			case "codeblock" -> html.append("<pre><code class=\"language-")
				.append(Entities.escape(node.path("language").asString("")))
				.append("\">")
				.append(Entities.escape(node.path("code").asString("")))
				.append("</code></pre>");
			case "image" -> html.append("<p><img src=\"").append(Entities.escape(node.path("src").asString("")))
				.append("\" alt=\"").append(Entities.escape(node.path("alt").asString(""))).append("\"></p>");
			case "html" -> html.append(node.path("html").asString(""));
			case "markdown" -> html.append(dev.blogroll.text.Markdown.toSafeHtml(node.path("markdown").asString("")));
			case "horizontalrule" -> html.append("<hr>");
			default -> node.path("children").forEach((child) -> lexicalNode(child, html));
		}
	}

	private static void wrap(JsonNode node, StringBuilder html, String open, String close) {
		html.append('<').append(open).append('>');
		node.path("children").forEach((child) -> lexicalNode(child, html));
		html.append("</").append(close).append('>');
	}

	/** Mobiledoc's cards that carry text (markdown, html, code) and its text sections. */
	private static String mobiledoc(JsonNode doc) {
		StringBuilder html = new StringBuilder();
		JsonNode cards = doc.path("cards");
		for (JsonNode section : doc.path("sections")) {
			int kind = section.path(0).asInt(-1);
			if (kind == 10) { // a card: [10, index]
				JsonNode card = cards.path(section.path(1).asInt(-1));
				String name = card.path(0).asString("");
				JsonNode payload = card.path(1);
				switch (name) {
					case "markdown", "card-markdown" -> html.append(dev.blogroll.text.Markdown.toSafeHtml(
							payload.path("markdown").asString("")));
					case "html" -> html.append(payload.path("html").asString(""));
					case "code" -> html.append("<pre><code>").append(Entities.escape(payload.path("code").asString("")))
						.append("</code></pre>");
					case "image" -> html.append("<p><img src=\"").append(Entities.escape(payload.path("src").asString("")))
						.append("\" alt=\"").append(Entities.escape(payload.path("alt").asString(""))).append("\"></p>");
					default -> {
					}
				}
			}
			else if (kind == 1) { // a markup section: [1, tag, markers]
				String tag = section.path(1).asString("p").toLowerCase(java.util.Locale.ROOT);
				tag = tag.matches("p|h[1-6]|blockquote") ? tag : "p";
				html.append('<').append(tag).append('>');
				for (JsonNode marker : section.path(2)) {
					html.append(Entities.escape(marker.path(3).asString("")));
				}
				html.append("</").append(tag).append('>');
			}
		}
		return html.toString();
	}

}
