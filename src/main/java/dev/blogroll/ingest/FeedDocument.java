package dev.blogroll.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;

/**
 * Reads a feed's text into an XML document, as forgivingly as the best feed readers and never
 * less safely than a strict parser: first strictly; if that fails, after healing the text
 * (what comes before the first tag, the DOCTYPE, characters XML forbids, HTML entities and
 * bare ampersands, namespace prefixes nobody declared, an Atom feed without its namespace);
 * if that fails too, after jsoup's XML parser has rebuilt the tree (it closes what was left
 * open, as a browser does). Only then is the feed refused, with the strict parser's reason.
 * <p>
 * No parse ever reads a DOCTYPE: the strict parser refuses one, and healing removes it with
 * its internal subset before parsing again, so no entity is ever defined, let alone expanded
 * (no XXE, no billion laughs) and nothing is ever loaded from elsewhere. An entity the feed
 * defined for itself is left as the text {@code &name;}.
 */
final class FeedDocument {

	/** The namespaces of the prefixes feeds use without declaring them. */
	static final Map<String, String> KNOWN_PREFIXES = Map.ofEntries(
			Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
			Map.entry("media", "http://search.yahoo.com/mrss/"),
			Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
			Map.entry("dcterms", "http://purl.org/dc/terms/"),
			Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
			Map.entry("atom", "http://www.w3.org/2005/Atom"), Map.entry("a10", "http://www.w3.org/2005/Atom"),
			Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
			Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
			Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
			Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
			Map.entry("georss", "http://www.georss.org/georss"), Map.entry("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"),
			Map.entry("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"),
			Map.entry("googleplay", "http://www.google.com/schemas/play-podcasts/1.0"),
			Map.entry("podcast", "https://podcastindex.org/namespace/1.0"),
			Map.entry("thr", "http://purl.org/syndication/thread/1.0"),
			Map.entry("admin", "http://webns.net/mvcb/"), Map.entry("cc", "http://web.resource.org/cc/"),
			Map.entry("creativeCommons", "http://backend.userland.com/creativeCommonsRssModule"),
			Map.entry("trackback", "http://madskills.com/public/xml/rss/module/trackback/"),
			Map.entry("xhtml", "http://www.w3.org/1999/xhtml"), Map.entry("html", "http://www.w3.org/1999/xhtml"));

	private static final String ATOM_03 = "http://purl.org/atom/ns#";

	private static final String ATOM_10 = "http://www.w3.org/2005/Atom";

	private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^\\[>]*(\\[.*?\\]\\s*)?>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern DECLARATION = Pattern.compile("<\\?xml\\s[^>]*\\?>");

	private static final Pattern ELEMENT_PREFIX = Pattern.compile("</?([A-Za-z_][\\w.-]*):[A-Za-z_]");

	private static final Pattern ATTRIBUTE_PREFIX = Pattern.compile("\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=");

	private static final Pattern PREFIX_DECLARATION = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*[\"']([^\"']*)[\"']");

	private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)([^>]*)>");

	private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7});?|#[xX]([0-9a-fA-F]{1,6});?|([A-Za-z][A-Za-z0-9]{0,31});)?");

	private FeedDocument() {
	}

	/**
	 * The feed's document, and what had to be repaired to read it (empty when it was
	 * well-formed).
	 */
	static Read read(String text) throws NotXmlException {
		JDOMException strictError;
		try {
			return new Read(parse(text), List.of());
		}
		catch (JDOMException ex) {
			strictError = ex;
		}
		List<String> repairs = new ArrayList<>();
		String healed = heal(text, repairs);
		try {
			return new Read(parse(healed), repairs);
		}
		catch (JDOMException ex) {
			// jsoup's turn
		}
		org.jsoup.nodes.Document rebuilt = Jsoup.parse(healed, "", Parser.xmlParser());
		org.jsoup.nodes.Element first = rebuilt.firstElementChild();
		if (first != null) {
			// one root: what follows the first element (a second root, stray text) is dropped
			while (first.nextSibling() != null) {
				first.nextSibling().remove();
			}
		}
		rebuilt.outputSettings().syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml)
			.escapeMode(Entities.EscapeMode.xhtml)
			.prettyPrint(false);
		String xml = declarePrefixes(rebuilt.outerHtml(), new ArrayList<>());
		try {
			Document document = parse(xml);
			repairs.add("unclosed or mismatched elements closed");
			return new Read(document, repairs);
		}
		catch (JDOMException ex) {
			throw new NotXmlException(describe(strictError));
		}
	}

	/**
	 * A strict, non-validating parse that refuses any DOCTYPE and loads nothing: no DTD, no
	 * external entity of either kind.
	 */
	private static Document parse(String text) throws JDOMException {
		SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
		builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
		builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		builder.setExpandEntities(false);
		builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
		try {
			return builder.build(new StringReader(text));
		}
		catch (IOException ex) {
			throw new JDOMException("could not read the text", ex);
		}
	}

	/** The text with everything fixed that can be fixed without guessing at its structure. */
	static String heal(String text, List<String> repairs) {
		String healed = text;
		int start = healed.indexOf('<');
		if (start > 0) {
			healed = healed.substring(start);
			repairs.add("text before the first tag removed");
		}
		Matcher declaration = DECLARATION.matcher(healed);
		if (declaration.find() && declaration.start() > 0) {
			healed = healed.substring(0, declaration.start()) + healed.substring(declaration.end());
			repairs.add("XML declaration out of place removed");
		}
		Matcher doctype = DOCTYPE.matcher(healed);
		if (doctype.find()) {
			healed = healed.substring(0, doctype.start()) + healed.substring(doctype.end());
			repairs.add("DOCTYPE removed");
		}
		String legal = withoutIllegalCharacters(healed);
		if (legal.length() != healed.length()) {
			repairs.add((healed.length() - legal.length()) + " characters XML does not allow removed");
			healed = legal;
		}
		healed = withoutTrailingText(healed, repairs);
		healed = escapeEntities(healed, repairs);
		healed = atomNamespace(healed, repairs);
		return declarePrefixes(healed, repairs);
	}

	/**
	 * Drops what follows the root element's end tag: PHP warnings, a second copy of the feed,
	 * HTML an ad server appended. Comments and whitespace there are allowed, so only text that
	 * is not is removed.
	 */
	private static String withoutTrailingText(String text, List<String> repairs) {
		Matcher root = root(text);
		if (root == null) {
			return text;
		}
		int end = text.lastIndexOf("</" + root.group(1));
		if (end < 0) {
			return text;
		}
		int close = text.indexOf('>', end);
		if (close < 0 || text.substring(close + 1).strip().isEmpty()) {
			return text;
		}
		repairs.add("text after the root element removed");
		return text.substring(0, close + 1) + "\n";
	}

	/** Drops the characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/F). */
	private static String withoutIllegalCharacters(String text) {
		StringBuilder legal = null;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			int width = Character.charCount(c);
			boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
					|| (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
			if (!allowed && legal == null) {
				legal = new StringBuilder(text.length()).append(text, 0, i);
			}
			else if (allowed && legal != null) {
				legal.appendCodePoint(c);
			}
			i += width;
		}
		return (legal != null) ? legal.toString() : text;
	}

	/**
	 * Outside CDATA sections and comments: HTML's named entities become numeric references
	 * (XML knows only five names), and an ampersand that starts no known reference is escaped.
	 */
	private static String escapeEntities(String text, List<String> repairs) {
		StringBuilder out = new StringBuilder(text.length() + 64);
		int converted = 0;
		int escaped = 0;
		int i = 0;
		while (i < text.length()) {
			int cdata = text.indexOf("<![CDATA[", i);
			int comment = text.indexOf("<!--", i);
			int verbatim = (cdata < 0) ? comment : (comment < 0) ? cdata : Math.min(cdata, comment);
			int end = (verbatim < 0) ? text.length() : verbatim;
			Matcher entity = ENTITY.matcher(text).region(i, end);
			int copied = i;
			while (entity.find()) {
				out.append(text, copied, entity.start());
				copied = entity.end();
				String replacement = replacement(entity);
				if (replacement == null) {
					out.append(entity.group());
				}
				else {
					out.append(replacement);
					if (replacement.startsWith("&amp;")) {
						escaped++;
					}
					else {
						converted++;
					}
				}
			}
			out.append(text, copied, end);
			if (verbatim < 0) {
				break;
			}
			String closer = (verbatim == cdata) ? "]]>" : "-->";
			int close = text.indexOf(closer, verbatim);
			int stop = (close < 0) ? text.length() : close + closer.length();
			out.append(text, verbatim, stop);
			i = stop;
		}
		if (converted > 0) {
			repairs.add(converted + " HTML entities read");
		}
		if (escaped > 0) {
			repairs.add(escaped + " bare ampersands escaped");
		}
		return out.toString();
	}

	/** What an {@code &…} becomes, or {@code null} when it is fine as it is. */
	private static @Nullable String replacement(Matcher entity) {
		String decimal = entity.group(1);
		String hex = entity.group(2);
		String name = entity.group(3);
		if (decimal != null || hex != null) {
			int code = (decimal != null) ? Integer.parseInt(decimal) : Integer.parseInt(hex, 16);
			boolean legal = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF)
					|| (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
			if (!legal) {
				return "";
			}
			if (code >= 0x80 && code <= 0x9F) {
				// &#147; means windows-1252's “ in every browser
				return FeedEncoding.repairC1(String.valueOf((char) code));
			}
			// &#114 without its semicolon is still r to a browser
			return entity.group().endsWith(";") ? null : "&#" + code + ";";
		}
		if (name == null) {
			return "&amp;";
		}
		if (name.equals("amp") || name.equals("lt") || name.equals("gt") || name.equals("quot") || name.equals("apos")) {
			return null;
		}
		if (Entities.isNamedEntity(name)) {
			StringBuilder numeric = new StringBuilder();
			Entities.getByName(name).codePoints().forEach((c) -> numeric.append("&#").append(c).append(';'));
			return numeric.toString();
		}
		return "&amp;" + name + ";";
	}

	/** A {@code <feed>} root without a namespace is Atom (0.3 when it says so). */
	private static String atomNamespace(String text, List<String> repairs) {
		Matcher root = root(text);
		if (root == null || !root.group(1).equals("feed") || root.group(2).matches("(?s).*\\sxmlns\\s*=.*")) {
			return text;
		}
		String namespace = root.group(2).matches("(?s).*version\\s*=\\s*[\"']0\\.3[\"'].*") ? ATOM_03 : ATOM_10;
		repairs.add("Atom namespace added");
		return text.substring(0, root.end(1)) + " xmlns=\"" + namespace + "\"" + text.substring(root.end(1));
	}

	/**
	 * Declares on the root element every prefix the document uses but the root does not
	 * declare: with the namespace the document gives it elsewhere, else the one feeds mean by
	 * it ({@link #KNOWN_PREFIXES}), else a made-up one, so that the document parses.
	 */
	static String declarePrefixes(String text, List<String> repairs) {
		Matcher root = root(text);
		if (root == null) {
			return text;
		}
		Set<String> used = new LinkedHashSet<>();
		Matcher element = ELEMENT_PREFIX.matcher(text);
		while (element.find()) {
			used.add(element.group(1));
		}
		Matcher attribute = ATTRIBUTE_PREFIX.matcher(text);
		while (attribute.find()) {
			used.add(attribute.group(1));
		}
		used.remove("xml");
		used.remove("xmlns");
		Map<String, String> declaredAnywhere = new LinkedHashMap<>();
		Matcher declared = PREFIX_DECLARATION.matcher(text);
		while (declared.find()) {
			declaredAnywhere.putIfAbsent(declared.group(1), declared.group(2));
		}
		Set<String> declaredOnRoot = new LinkedHashSet<>();
		Matcher onRoot = PREFIX_DECLARATION.matcher(root.group(2));
		while (onRoot.find()) {
			declaredOnRoot.add(onRoot.group(1));
		}
		StringBuilder declarations = new StringBuilder();
		List<String> added = new ArrayList<>();
		for (String prefix : used) {
			if (!declaredOnRoot.contains(prefix)) {
				String namespace = declaredAnywhere.getOrDefault(prefix,
						KNOWN_PREFIXES.getOrDefault(prefix, "urn:blogroll:undeclared:" + prefix));
				declarations.append(" xmlns:").append(prefix).append("=\"").append(namespace).append('"');
				added.add(prefix);
			}
		}
		if (added.isEmpty()) {
			return text;
		}
		repairs.add("namespace prefixes declared: " + String.join(", ", added));
		return text.substring(0, root.end(1)) + declarations + text.substring(root.end(1));
	}

	/** The root element's start tag: the first tag that is not a declaration, comment or DOCTYPE. */
	private static @Nullable Matcher root(String text) {
		Matcher tag = ROOT.matcher(text);
		return tag.find() ? tag : null;
	}

	private static String describe(JDOMException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage().lines().findFirst().orElse("") : "";
		int colon = message.indexOf(": ");
		if (ex instanceof JDOMParseException parse && parse.getLineNumber() > 0) {
			String reason = (message.startsWith("Error on line") && colon > 0) ? message.substring(colon + 2) : message;
			return "not well-formed XML at line " + parse.getLineNumber() + ", column " + parse.getColumnNumber() + ": "
					+ reason;
		}
		return "not well-formed XML: " + message;
	}

	/**
	 * A feed as an XML document.
	 *
	 * @param document the document
	 * @param repairs what healing did to read it; empty if the feed was well-formed
	 */
	record Read(Document document, List<String> repairs) {
	}

	/** Not XML, even after healing. */
	static class NotXmlException extends Exception {

		NotXmlException(String message) {
			super(message);
		}

	}

}
