package dev.blogroll.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * What {@link Markdown} adds to commonmark-java besides its table, autolink and heading-anchor
 * extensions: GitHub's task lists ({@code - [x] done}) and footnotes ({@code text[^1]} with
 * {@code [^1]: the note}), whose commonmark extensions are not served at the version the
 * others are; and fenced code blocks coloured by {@link Highlighter}.
 * <p>
 * Both are read from the parsed document rather than parsed anew: CommonMark leaves
 * {@code [ ]} and {@code [^1]} as text (or, for a note that is a single word or an address, a
 * link reference definition and links to it), which this turns into checkboxes, references
 * and a list of notes at the end. A footnote is one paragraph; notes nobody refers to are left
 * out, and references are numbered in the order they first appear.
 */
final class MarkdownExtras {

	/** The ids of footnotes and of references to them; headings' ids have a prefix of their own. */
	static final Pattern FOOTNOTE_ID = Pattern.compile("fn-\\d+");

	static final Pattern FOOTNOTE_REF_ID = Pattern.compile("fnref-\\d+(-\\d+)?");

	private static final Pattern TASK = Pattern.compile("^\\[([ xX])\\](?: |$)");

	private static final Pattern DEFINITION = Pattern.compile("^\\[\\^([^\\]\\s]{1,100})\\]:[ \\t]*");

	private static final Pattern REFERENCE = Pattern.compile("\\[\\^([^\\]\\s]{1,100})\\]");

	private MarkdownExtras() {
	}

	/** A task list's checkbox, at the start of its item's first paragraph. */
	static final class TaskMarker extends CustomNode {

		final boolean done;

		TaskMarker(boolean done) {
			this.done = done;
		}

	}

	/** A reference to footnote {@code number}; {@code occurrence} counts its references from 1. */
	static final class FootnoteReference extends CustomNode {

		final int number;

		final int occurrence;

		FootnoteReference(int number, int occurrence) {
			this.number = number;
			this.occurrence = occurrence;
		}

	}

	/** The notes at the end of the document, each a {@link Footnote}. */
	static final class Footnotes extends CustomBlock {

	}

	/** One note, holding its paragraph. */
	static final class Footnote extends CustomBlock {

		final int number;

		Footnote(int number) {
			this.number = number;
		}

	}

	/** Turns {@code [ ]} and {@code [x]} at the start of a list item into a {@link TaskMarker}. */
	static final class TaskLists implements PostProcessor {

		@Override
		public Node process(Node document) {
			document.accept(new AbstractVisitor() {

				@Override
				public void visit(ListItem item) {
					if (item.getFirstChild() instanceof Paragraph paragraph && paragraph.getFirstChild() instanceof Text text) {
						Matcher task = TASK.matcher(text.getLiteral());
						if (task.find()) {
							text.setLiteral(text.getLiteral().substring(task.end()));
							text.insertBefore(new TaskMarker(!task.group(1).equals(" ")));
							if (text.getLiteral().isEmpty()) {
								text.unlink();
							}
						}
					}
					visitChildren(item);
				}

			});
			return document;
		}

	}

	/** Gathers {@code [^label]: note} paragraphs and turns {@code [^label]} into references. */
	static final class FootnoteParser implements PostProcessor {

		@Override
		public Node process(Node document) {
			Map<String, Node> notes = definitions(document);
			if (notes.isEmpty()) {
				return document;
			}
			Map<String, Integer> numbers = new LinkedHashMap<>();
			Map<String, Integer> occurrences = new LinkedHashMap<>();
			List<Node> references = new ArrayList<>();
			document.accept(new AbstractVisitor() {

				@Override
				public void visit(Text text) {
					references.add(text);
				}

				@Override
				public void visit(Link link) {
					references.add(link); // visited, not descended: a reference is the whole link
				}

			});
			for (Node node : references) {
				if (node instanceof Link link) {
					if (link.getFirstChild() instanceof Text text && text.getNext() == null
							&& text.getLiteral().startsWith("^") && notes.containsKey(key(text.getLiteral().substring(1)))) {
						link.insertBefore(reference(key(text.getLiteral().substring(1)), numbers, occurrences));
						link.unlink();
					}
					else {
						link.accept(new AbstractVisitor() {

							@Override
							public void visit(Text text) {
								splitReferences(text, notes, numbers, occurrences);
							}

						});
					}
				}
				else if (node.getParent() != null && !(node.getParent() instanceof Link)) {
					splitReferences((Text) node, notes, numbers, occurrences);
				}
			}
			if (!numbers.isEmpty()) {
				Footnotes list = new Footnotes();
				numbers.forEach((label, number) -> {
					Footnote note = new Footnote(number);
					note.appendChild(notes.get(label));
					list.appendChild(note);
				});
				document.appendChild(list);
			}
			return document;
		}

		/**
		 * The notes, by label, taken out of the document: paragraphs starting {@code [^label]:},
		 * and link reference definitions whose label starts with {@code ^}.
		 */
		private static Map<String, Node> definitions(Node document) {
			Map<String, Node> notes = new LinkedHashMap<>();
			splitDefinitionLines(document);
			Node child = document.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				if (child instanceof Paragraph paragraph && paragraph.getFirstChild() instanceof Text text) {
					Matcher definition = DEFINITION.matcher(text.getLiteral());
					if (definition.find()) {
						text.setLiteral(text.getLiteral().substring(definition.end()));
						notes.putIfAbsent(key(definition.group(1)), paragraph);
						paragraph.unlink();
					}
				}
				else if (child instanceof LinkReferenceDefinition definition && definition.getLabel().startsWith("^")) {
					Paragraph paragraph = new Paragraph();
					String note = definition.getDestination()
							+ ((definition.getTitle() == null) ? "" : " " + definition.getTitle());
					paragraph.appendChild(new Text(note));
					notes.putIfAbsent(key(definition.getLabel().substring(1)), paragraph);
				}
				child = next;
			}
			return notes;
		}

		/**
		 * Notes written on consecutive lines are one paragraph to CommonMark; this makes each
		 * line that starts {@code [^label]:} a paragraph of its own.
		 */
		private static void splitDefinitionLines(Node document) {
			for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
				if (!(child instanceof Paragraph paragraph)) {
					continue;
				}
				Node node = paragraph.getFirstChild();
				while (node != null) {
					Node next = node.getNext();
					if (node instanceof SoftLineBreak && next instanceof Text text
							&& DEFINITION.matcher(text.getLiteral()).find()) {
						Paragraph rest = new Paragraph();
						for (Node moved = next; moved != null;) {
							Node after = moved.getNext();
							rest.appendChild(moved);
							moved = after;
						}
						node.unlink();
						paragraph.insertAfter(rest);
						break; // the loop over the document visits the new paragraph next
					}
					node = next;
				}
			}
		}

		/** Splits {@code [^label]} out of text where a note has that label. */
		private static void splitReferences(Text text, Map<String, Node> notes, Map<String, Integer> numbers,
				Map<String, Integer> occurrences) {
			String literal = text.getLiteral();
			Matcher reference = REFERENCE.matcher(literal);
			int from = 0;
			Node last = text;
			while (reference.find()) {
				String label = key(reference.group(1));
				if (!notes.containsKey(label)) {
					continue;
				}
				Text before = new Text(literal.substring(from, reference.start()));
				last.insertAfter(before);
				Node ref = reference(label, numbers, occurrences);
				before.insertAfter(ref);
				last = ref;
				from = reference.end();
			}
			if (from > 0) {
				last.insertAfter(new Text(literal.substring(from)));
				text.unlink();
			}
		}

		private static FootnoteReference reference(String label, Map<String, Integer> numbers,
				Map<String, Integer> occurrences) {
			int number = numbers.computeIfAbsent(label, (l) -> numbers.size() + 1);
			int occurrence = occurrences.merge(label, 1, Integer::sum);
			return new FootnoteReference(number, occurrence);
		}

		/** Labels match as CommonMark's link labels do, ignoring case. */
		private static String key(String label) {
			return label.toLowerCase(Locale.ROOT);
		}

	}

	/** Renders task markers, footnotes and fenced code blocks. */
	static final class Renderer implements NodeRenderer {

		private final HtmlNodeRendererContext context;

		private final HtmlWriter html;

		Renderer(HtmlNodeRendererContext context) {
			this.context = context;
			this.html = context.getWriter();
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(TaskMarker.class, FootnoteReference.class, Footnotes.class, Footnote.class,
					FencedCodeBlock.class);
		}

		@Override
		public void render(Node node) {
			if (node instanceof TaskMarker marker) {
				this.html.raw("<input type=\"checkbox\" disabled=\"\" aria-label=\"Task\""
						+ (marker.done ? " checked=\"\"" : "") + "> ");
			}
			else if (node instanceof FootnoteReference ref) {
				String id = "fnref-" + ref.number + ((ref.occurrence > 1) ? "-" + ref.occurrence : "");
				this.html.raw("<sup class=\"footnote-ref\"><a href=\"#fn-" + ref.number + "\" id=\"" + id + "\">"
						+ ref.number + "</a></sup>");
			}
			else if (node instanceof Footnotes list) {
				this.html.line();
				this.html.raw("<section class=\"footnotes\"><h2 class=\"footnotes-heading\">Notes</h2>\n<ol>\n");
				renderChildren(list);
				this.html.raw("</ol>\n</section>\n");
			}
			else if (node instanceof Footnote note) {
				// the note's one paragraph, with the way back at its end
				this.html.raw("<li id=\"fn-" + note.number + "\"><p>");
				renderChildren(note.getFirstChild());
				this.html.raw(" <a href=\"#fnref-" + note.number + "\" class=\"footnote-backref\" aria-label=\"Back to reference "
						+ note.number + "\">↩</a></p></li>\n");
			}
			else if (node instanceof FencedCodeBlock code) {
				renderCode(code);
			}
		}

		/** {@code <pre><code class="language-x">} with the code coloured when the language is known. */
		private void renderCode(FencedCodeBlock code) {
			String info = (code.getInfo() == null) ? "" : code.getInfo().strip();
			String language = info.isEmpty() ? null : info.split("\\s+", 2)[0];
			this.html.line();
			this.html.tag("pre", this.context.extendAttributes(code, "pre", Map.of()));
			Map<String, String> attributes = (language == null) ? Map.of() : Map.of("class", "language-" + language);
			this.html.tag("code", this.context.extendAttributes(code, "code", attributes));
			this.html.raw(Highlighter.highlight(language, code.getLiteral()));
			this.html.tag("/code");
			this.html.tag("/pre");
			this.html.line();
		}

		private void renderChildren(Node parent) {
			Node child = parent.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				this.context.render(child);
				child = next;
			}
		}

	}

	/** Marks the items of task lists, and the lists holding them, for site.css. */
	static final class TaskListClasses implements AttributeProvider {

		@Override
		public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
			if (node instanceof ListItem item && isTask(item)) {
				attributes.put("class", "task-list-item");
			}
			else if (node instanceof ListBlock list) {
				for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
					if (item instanceof ListItem listItem && isTask(listItem)) {
						attributes.put("class", "task-list");
						return;
					}
				}
			}
		}

		private static boolean isTask(ListItem item) {
			return item.getFirstChild() instanceof Paragraph paragraph && paragraph.getFirstChild() instanceof TaskMarker;
		}

	}

}
