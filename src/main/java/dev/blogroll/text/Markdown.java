package dev.blogroll.text;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Renders post bodies written in Markdown (CommonMark, with GitHub's pipe tables) to HTML that
 * is safe to show as is:
 * jsoup removes scripts, event handlers, styles and {@code javascript:} URLs.
 */
public final class Markdown {

	/** CommonMark and GitHub's pipe tables, which posts written elsewhere use. */
	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	private static final Safelist SAFELIST = Safelist.relaxed()
		.addAttributes("code", "class")
		.addAttributes("pre", "class")
		.addAttributes("a", "rel");

	private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

	private Markdown() {
	}

	/**
	 * Markdown to HTML with everything unsafe removed. Code blocks can take keyboard focus,
	 * so that readers without a mouse can scroll a long line sideways.
	 */
	public static String toSafeHtml(String markdown) {
		Document clean = Jsoup.parseBodyFragment(Jsoup.clean(toUnsafeHtml(markdown), "", SAFELIST, OUTPUT));
		clean.select("pre").attr("tabindex", "0");
		clean.outputSettings(OUTPUT);
		return clean.body().html();
	}

	/** Markdown to HTML exactly as CommonMark renders it, raw HTML included; never shown as is. */
	static String toUnsafeHtml(String markdown) {
		return RENDERER.render(PARSER.parse(markdown));
	}

}
