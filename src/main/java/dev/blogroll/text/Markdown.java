package dev.blogroll.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Renders post bodies written in Markdown to HTML that is safe to show as is, the same for the
 * post page, feeds, excerpts and the editor's preview: CommonMark with GitHub's pipe tables,
 * task lists, bare links (autolinks), footnotes, ids on headings, and fenced code blocks
 * coloured on the server ({@link Highlighter}). jsoup then removes scripts, event handlers,
 * styles and {@code javascript:} URLs, and keeps of the extras exactly what they produce
 * (see {@link #keepOnlyWhatMarkdownMakes}).
 */
public final class Markdown {

	/**
	 * The prefix of headings' ids ({@code ## Getting started} is {@code #section-getting-started}),
	 * so that no heading can take an id the page itself uses ({@code main}, {@code site-search}).
	 */
	public static final String HEADING_ID_PREFIX = "section-";

	private static final Pattern HEADING_ID = Pattern.compile(HEADING_ID_PREFIX + "[\\p{L}\\p{N}_-]*");

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create(),
			HeadingAnchorExtension.builder().idPrefix(HEADING_ID_PREFIX).defaultId("heading").build());

	private static final Parser PARSER = Parser.builder()
		.extensions(EXTENSIONS)
		.postProcessor(new MarkdownExtras.TaskLists())
		.postProcessor(new MarkdownExtras.FootnoteParser())
		.build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.nodeRendererFactory(MarkdownExtras.Renderer::new)
		.attributeProviderFactory((context) -> new MarkdownExtras.TaskListClasses())
		.build();

	/** A link to a place in the same page: a footnote, a heading ({@code [Setup](#section-setup)}). */
	/** A footnote's way back: its number. */
	private static final Pattern BACKREF = Pattern.compile("#fnref-(\\d{1,9})");

	private static final Pattern IN_PAGE = Pattern.compile("#[\\p{L}\\p{N}_-]{1,200}");

	private static final Safelist SAFELIST = new Safelist(Safelist.relaxed()) {

		/** Also in-page links, which the relaxed safelist's protocols (http, https, mailto, ftp) leave out. */
		@Override
		public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
			if (tagName.equals("a") && attribute.getKey().equals("href") && IN_PAGE.matcher(attribute.getValue()).matches()) {
				return true;
			}
			return super.isSafeAttribute(tagName, element, attribute);
		}

	}
		.addTags("section", "input", "hr", "del", "s")
		.addAttributes("code", "class")
		.addAttributes("pre", "class")
		.addAttributes("span", "class")
		.addAttributes("a", "rel", "id", "class", "aria-label")
		.addAttributes("h1", "id")
		.addAttributes("h2", "id", "class")
		.addAttributes("h3", "id")
		.addAttributes("h4", "id")
		.addAttributes("h5", "id")
		.addAttributes("h6", "id")
		.addAttributes("li", "id", "class")
		.addAttributes("ul", "class")
		.addAttributes("ol", "class")
		.addAttributes("sup", "class")
		.addAttributes("section", "class")
		.addAttributes("input", "type", "checked", "disabled");

	private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

	private Markdown() {
	}

	/**
	 * Markdown to HTML with everything unsafe removed. Code blocks can take keyboard focus,
	 * so that readers without a mouse can scroll a long line sideways.
	 */
	public static String toSafeHtml(String markdown) {
		return toSafeHtml(markdown, Words.ENGLISH);
	}

	/** As {@link #toSafeHtml(String)}, with the words Markdown adds (footnotes' heading, labels) in a language. */
	public static String toSafeHtml(String markdown, Words words) {
		Document clean = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(toUnsafeHtml(markdown)));
		keepOnlyWhatMarkdownMakes(clean.body());
		if (!words.equals(Words.ENGLISH)) {
			inLanguage(clean.body(), words);
		}
		clean.select("pre").attr("tabindex", "0");
		clean.outputSettings(OUTPUT);
		return clean.body().html();
	}

	/** Markdown to HTML exactly as CommonMark renders it, raw HTML included; never shown as is. */
	static String toUnsafeHtml(String markdown) {
		return RENDERER.render(PARSER.parse(markdown));
	}

	/**
	 * The safelist allows classes and ids by element; this narrows them to the values the
	 * renderer writes, so raw HTML in a post can neither style itself with the site's classes
	 * nor take an id the page uses: spans only inside code with the highlighter's classes,
	 * headings' ids only with {@link #HEADING_ID_PREFIX}, footnotes' ids and classes, and
	 * checkboxes only as a task list's, disabled.
	 */
	private static void keepOnlyWhatMarkdownMakes(Element body) {
		// one pass over a snapshot of the elements: a render of a long post has tens of thousands
		for (Element element : body.getAllElements().toArray(new Element[0])) {
			switch (element.normalName()) {
				case "span" -> {
					// the highlighter's spans are children of pre > code, never nested
					Element code = element.parent();
					boolean inCode = code != null && code.nameIs("code") && code.parent() != null
							&& code.parent().nameIs("pre");
					if (!inCode || !Highlighter.CLASSES.contains(element.className())) {
						element.unwrap();
					}
				}
				case "h1", "h2", "h3", "h4", "h5", "h6" -> {
					keepIf(element, "id", HEADING_ID.matcher(element.id()).matches());
					keepIf(element, "class", element.hasClass("footnotes-heading") && element.parent() != null
							&& element.parent().hasClass("footnotes"));
				}
				case "li" -> {
					keepIf(element, "id", MarkdownExtras.FOOTNOTE_ID.matcher(element.id()).matches());
					keepIf(element, "class", element.className().equals("task-list-item"));
				}
				case "a" -> {
					keepIf(element, "id", MarkdownExtras.FOOTNOTE_REF_ID.matcher(element.id()).matches());
					boolean backref = element.className().equals("footnote-backref");
					keepIf(element, "class", backref);
					keepIf(element, "aria-label", backref);
				}
				case "ul", "ol" -> keepIf(element, "class", element.className().equals("task-list"));
				case "sup" -> keepIf(element, "class", element.className().equals("footnote-ref"));
				case "section" -> keepIf(element, "class", element.className().equals("footnotes"));
				case "input" -> {
					if (!"checkbox".equalsIgnoreCase(element.attr("type")) || !isTaskMarker(element)) {
						element.remove();
					}
					else {
						element.attr("disabled", true).attr("aria-label", "Task");
					}
				}
				default -> {
				}
			}
		}
	}

	/** The words the renderer writes in English, in {@code words}' language. */
	private static void inLanguage(Element body, Words words) {
		body.select("section.footnotes > h2.footnotes-heading").forEach((heading) -> heading.text(words.notes()));
		body.select("li.task-list-item input[type=checkbox][aria-label]").attr("aria-label", words.task());
		for (Element backref : body.select("a.footnote-backref[aria-label]")) {
			Matcher number = BACKREF.matcher(backref.attr("href"));
			if (number.matches()) {
				backref.attr("aria-label", words.backToReference().replace("{0}", number.group(1)));
			}
		}
	}

	/**
	 * The words Markdown adds to a post, in the site's language: the footnotes' heading, a
	 * task checkbox's label, and a footnote's way back ({@code {0}} is the footnote's number).
	 *
	 * @param notes the footnotes' heading ("Notes")
	 * @param task a task checkbox's label ("Task")
	 * @param backToReference the way back's label ("Back to reference {0}")
	 */
	public record Words(String notes, String task, String backToReference) {

		/** The words as the renderer writes them. */
		public static final Words ENGLISH = new Words("Notes", "Task", "Back to reference {0}");

	}

	private static void keepIf(Element element, String attribute, boolean keep) {
		if (!keep && element.hasAttr(attribute)) {
			element.removeAttr(attribute);
		}
	}

	/** Whether an input is where a task list's checkbox is: first in its item (or the item's first paragraph). */
	private static boolean isTaskMarker(Element input) {
		Element parent = input.parent();
		if (parent != null && parent.nameIs("p") && parent.siblingIndex() == 0) {
			parent = parent.parent();
		}
		return input.siblingIndex() == 0 && parent != null && parent.nameIs("li") && parent.hasClass("task-list-item");
	}

}
