package dev.blogroll.text;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Colours the code blocks of posts on the server, so that readers need no script: the code's
 * text, escaped, with comments, strings, keywords, numbers, literals, tags, attributes, keys,
 * variables and annotations wrapped in {@code <span class="tok-…">} (site.css colours them, at
 * least 4.5:1 in the light and the dark theme). The languages are those engineering blogs show
 * most: Java, JavaScript/TypeScript, Python, Go, shell, SQL, YAML, JSON, XML/HTML, Lua, Rust.
 * Any other language, or none, is shown plain.
 * <p>
 * Hand-written rather than a library: the JVM's highlighters on Maven Central are unmaintained
 * (jhighlight, prism4j), and what a reader needs is a readable tint of a snippet, which a small
 * tokenizer gives in one linear pass: each kind of token is matched where it starts, and
 * anything not recognised is text. It does not parse: a keyword used as a name is still tinted.
 */
public final class Highlighter {

	/** The classes this emits; the sanitizer keeps these and no other. */
	public static final Set<String> CLASSES = Set.of("tok-comment", "tok-string", "tok-keyword", "tok-number",
			"tok-literal", "tok-tag", "tok-attr", "tok-property", "tok-variable", "tok-meta");

	private static final Pattern NUMBER = Pattern
		.compile("0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\\d[\\d_]*(?:\\.\\d[\\d_]*)?|\\.\\d[\\d_]*)(?:[eE][+-]?\\d+)?[a-zA-Z]{0,4}");

	/** A YAML key at the start of a line, after its indentation and any list dash. */
	private static final Pattern YAML_KEY = Pattern.compile("([ \\t]*(?:- +)?)([^\\s#'\"\\-{\\[][^:#\\n]*?|\"[^\"\\n]*\"|'[^'\\n]*')[ \\t]*:(?=[ \\t]|\\n|$)");

	private static final Pattern TAG_NAME = Pattern.compile("</?([A-Za-z][\\w:.-]*)");

	private static final Pattern ATTRIBUTE = Pattern.compile("[^\\s=>/\"']+");

	private Highlighter() {
	}

	/**
	 * What one language looks like to the tokenizer.
	 *
	 * @param lineComments what starts a comment that runs to the end of the line
	 * @param hashComments whether {@code #} starts such a comment (only at the start of a word)
	 * @param blockComment the start and end of a comment over several lines, or null
	 * @param quotes the characters that delimit strings
	 * @param tripleQuotes whether a tripled quote starts a string over several lines
	 * @param keywords reserved words
	 * @param literals words that are values ({@code true}, {@code null})
	 * @param caseInsensitive whether keywords are matched in any case (SQL)
	 * @param variables whether {@code $name} and {@code ${…}} are variables (shell)
	 * @param annotations whether {@code @name} is an annotation or decorator
	 */
	record Grammar(String[] lineComments, boolean hashComments, String @Nullable [] blockComment, String quotes,
			boolean tripleQuotes, Set<String> keywords, Set<String> literals, boolean caseInsensitive,
			boolean variables, boolean annotations) {
	}

	private static final Grammar JAVA = new Grammar(new String[] { "//" }, false, new String[] { "/*", "*/" },
			"\"'", true, words("abstract assert boolean break byte case catch char class const continue default do "
					+ "double else enum extends final finally float for goto if implements import instanceof int "
					+ "interface long native new package private protected public record return sealed permits "
					+ "short static strictfp super switch synchronized this throw throws transient try var void "
					+ "volatile while yield"),
			words("true false null"), false, false, true);

	private static final Grammar SCRIPT = new Grammar(new String[] { "//" }, false, new String[] { "/*", "*/" },
			"\"'`", false, words("abstract as async await break case catch class const continue debugger declare "
					+ "default delete do else enum export extends finally for from function get if implements "
					+ "import in instanceof interface keyof let module namespace new of private protected public "
					+ "readonly return set static super switch this throw try type typeof var void while with yield"),
			words("true false null undefined NaN Infinity"), false, false, true);

	private static final Grammar PYTHON = new Grammar(new String[0], true, null, "\"'", true,
			words("and as assert async await break class continue def del elif else except finally for from "
					+ "global if import in is lambda match case nonlocal not or pass raise return try while with yield"),
			words("True False None"), false, false, true);

	private static final Grammar GO = new Grammar(new String[] { "//" }, false, new String[] { "/*", "*/" }, "\"'`",
			false, words("break case chan const continue default defer else fallthrough for func go goto if import "
					+ "interface map package range return select struct switch type var"),
			words("true false nil iota"), false, false, false);

	private static final Grammar SHELL = new Grammar(new String[0], true, null, "\"'", false,
			words("if then else elif fi for while until do done case esac in function return export local "
					+ "readonly declare unset shift exit break continue select time"),
			words("true false"), false, true, false);

	private static final Grammar SQL = new Grammar(new String[] { "--" }, false, new String[] { "/*", "*/" }, "'\"",
			false, words("add all alter and any as asc begin between by case cascade check column commit constraint "
					+ "create cross default delete desc distinct drop else end exists foreign from full grant group "
					+ "having if in index inner insert into is join key left like limit not offset on or order outer "
					+ "primary references returning right rollback select set table then transaction trigger union "
					+ "unique update using values view when where with conflict do nothing over partition window"),
			words("null true false"), true, false, false);

	private static final Grammar YAML = new Grammar(new String[0], true, null, "\"'", false, Set.of(),
			words("true false null yes no on off"), false, false, false);

	private static final Grammar JSON = new Grammar(new String[0], false, null, "\"", false, Set.of(),
			words("true false null"), false, false, false);

	private static final Grammar LUA = new Grammar(new String[] { "--" }, false, new String[] { "--[[", "]]" },
			"\"'", false, words("and break do else elseif end for function goto if in local not or repeat return "
					+ "then until while"),
			words("true false nil"), false, false, false);

	private static final Grammar RUST = new Grammar(new String[] { "//" }, false, new String[] { "/*", "*/" }, "\"",
			false, words("as async await break const continue crate dyn else enum extern fn for if impl in let loop "
					+ "match mod move mut pub ref return self Self static struct super trait type unsafe use where while"),
			words("true false None Some Ok Err"), false, false, false);

	private static final Map<String, Grammar> GRAMMARS = Map.ofEntries(Map.entry("java", JAVA),
			Map.entry("javascript", SCRIPT), Map.entry("js", SCRIPT), Map.entry("jsx", SCRIPT),
			Map.entry("typescript", SCRIPT), Map.entry("ts", SCRIPT), Map.entry("tsx", SCRIPT),
			Map.entry("mjs", SCRIPT), Map.entry("python", PYTHON), Map.entry("py", PYTHON), Map.entry("go", GO),
			Map.entry("golang", GO), Map.entry("bash", SHELL), Map.entry("sh", SHELL), Map.entry("shell", SHELL),
			Map.entry("zsh", SHELL), Map.entry("console", SHELL), Map.entry("sql", SQL), Map.entry("postgresql", SQL),
			Map.entry("psql", SQL), Map.entry("yaml", YAML), Map.entry("yml", YAML), Map.entry("json", JSON),
			Map.entry("lua", LUA), Map.entry("rust", RUST), Map.entry("rs", RUST));

	private static final Set<String> MARKUP = Set.of("xml", "html", "xhtml", "svg", "htm");

	/** Whether {@code language} (a fence's info word) is coloured. */
	public static boolean knows(@Nullable String language) {
		String name = normalize(language);
		return GRAMMARS.containsKey(name) || MARKUP.contains(name);
	}

	/**
	 * The code as HTML: escaped, with its tokens in spans when the language is known, plain
	 * otherwise.
	 */
	public static String highlight(@Nullable String language, String code) {
		String name = normalize(language);
		StringBuilder html = new StringBuilder(code.length() + code.length() / 2);
		if (MARKUP.contains(name)) {
			markup(code, html);
		}
		else if (GRAMMARS.containsKey(name)) {
			new Tokenizer(GRAMMARS.get(name), code, html, name.equals("yaml") || name.equals("yml"),
					name.equals("json"))
				.run();
		}
		else {
			escape(code, 0, code.length(), html);
		}
		return html.toString();
	}

	private static String normalize(@Nullable String language) {
		return (language == null) ? "" : language.strip().toLowerCase(Locale.ROOT);
	}

	private static Set<String> words(String words) {
		return Set.of(words.split(" "));
	}

	/** One pass over code in a grammar. */
	private static final class Tokenizer {

		private final Grammar grammar;

		private final String code;

		private final StringBuilder html;

		private final boolean yaml;

		private final boolean json;

		private int at;

		Tokenizer(Grammar grammar, String code, StringBuilder html, boolean yaml, boolean json) {
			this.grammar = grammar;
			this.code = code;
			this.html = html;
			this.yaml = yaml;
			this.json = json;
		}

		void run() {
			int length = this.code.length();
			while (this.at < length) {
				if (this.yaml && atLineStart() && yamlKey()) {
					continue;
				}
				char c = this.code.charAt(this.at);
				int end;
				if ((end = comment()) > 0) {
					emit("tok-comment", end);
				}
				else if ((end = string()) > 0) {
					boolean key = this.json && followedByColon(end);
					emit(key ? "tok-property" : "tok-string", end);
				}
				else if (this.grammar.variables() && c == '$' && (end = variable()) > 0) {
					emit("tok-variable", end);
				}
				else if (this.grammar.annotations() && c == '@' && isWordStart(peek(1))) {
					emit("tok-meta", wordEnd(this.at + 1));
				}
				else if (!wordBefore() && (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1))))) {
					Matcher number = NUMBER.matcher(this.code).region(this.at, length);
					emit("tok-number", number.lookingAt() ? number.end() : this.at + 1);
				}
				else if (isWordStart(c)) {
					end = wordEnd(this.at);
					String word = this.code.substring(this.at, end);
					String key = this.grammar.caseInsensitive() ? word.toLowerCase(Locale.ROOT) : word;
					if (wordBefore()) {
						plain(end);
					}
					else if (this.grammar.keywords().contains(key)) {
						emit("tok-keyword", end);
					}
					else if (this.grammar.literals().contains(key)) {
						emit("tok-literal", end);
					}
					else {
						plain(end);
					}
				}
				else {
					plain(this.at + 1);
				}
			}
		}

		/** The end of a comment starting here, or 0. */
		private int comment() {
			String[] block = this.grammar.blockComment();
			if (block != null && this.code.startsWith(block[0], this.at)) {
				int close = this.code.indexOf(block[1], this.at + block[0].length());
				return (close < 0) ? this.code.length() : close + block[1].length();
			}
			boolean line = false;
			for (String start : this.grammar.lineComments()) {
				line |= this.code.startsWith(start, this.at);
			}
			// in Python a # anywhere outside a string; in shell and YAML only where a word starts
			if (this.grammar.hashComments() && this.code.charAt(this.at) == '#' && (this.grammar == PYTHON
					|| this.at == 0 || Character.isWhitespace(this.code.charAt(this.at - 1)))) {
				line = true;
			}
			if (!line) {
				return 0;
			}
			int newline = this.code.indexOf('\n', this.at);
			return (newline < 0) ? this.code.length() : newline;
		}

		/** The end of a string starting here, or 0: at its closing quote, or where the line ends. */
		private int string() {
			char quote = this.code.charAt(this.at);
			if (this.grammar.quotes().indexOf(quote) < 0) {
				return 0;
			}
			String triple = String.valueOf(quote).repeat(3);
			if (this.grammar.tripleQuotes() && this.code.startsWith(triple, this.at)) {
				int close = this.code.indexOf(triple, this.at + 3);
				return (close < 0) ? this.code.length() : close + 3;
			}
			boolean multiline = quote == '`';
			for (int i = this.at + 1; i < this.code.length(); i++) {
				char c = this.code.charAt(i);
				if (c == '\\' && !(this.grammar == SHELL && quote == '\'')) {
					i++;
				}
				else if (c == quote) {
					return i + 1;
				}
				else if (c == '\n' && !multiline && this.grammar != SHELL) {
					return i;
				}
			}
			return this.code.length();
		}

		/** The end of a shell variable starting here ({@code $name}, {@code ${…}}, {@code $1}), or 0. */
		private int variable() {
			char next = peek(1);
			if (next == '{') {
				int close = this.code.indexOf('}', this.at);
				return (close < 0) ? 0 : close + 1;
			}
			if (isWordStart(next)) {
				return wordEnd(this.at + 1);
			}
			return (Character.isDigit(next) || "@*#?$!-".indexOf(next) >= 0) ? this.at + 2 : 0;
		}

		/** A YAML key at the start of this line, emitted with its indentation; false if none. */
		private boolean yamlKey() {
			Matcher key = YAML_KEY.matcher(this.code).region(this.at, this.code.length());
			if (!key.lookingAt()) {
				return false;
			}
			plain(key.start(2));
			emit("tok-property", key.end(2));
			return true;
		}

		private boolean atLineStart() {
			return this.at == 0 || this.code.charAt(this.at - 1) == '\n';
		}

		private boolean followedByColon(int end) {
			int i = end;
			while (i < this.code.length() && (this.code.charAt(i) == ' ' || this.code.charAt(i) == '\t')) {
				i++;
			}
			return i < this.code.length() && this.code.charAt(i) == ':';
		}

		/** Whether the character before is part of a word (so "x1" and "my_if" are not split). */
		private boolean wordBefore() {
			return this.at > 0 && isWordPart(this.code.charAt(this.at - 1));
		}

		private char peek(int ahead) {
			int i = this.at + ahead;
			return (i < this.code.length()) ? this.code.charAt(i) : 0;
		}

		private int wordEnd(int from) {
			int i = from;
			while (i < this.code.length() && isWordPart(this.code.charAt(i))) {
				i++;
			}
			return i;
		}

		private void emit(String token, int end) {
			span(token, this.code, this.at, end, this.html);
			this.at = end;
		}

		private void plain(int end) {
			escape(this.code, this.at, end, this.html);
			this.at = end;
		}

	}

	/** XML and HTML: comments, tag names, attribute names and values; the text between is plain. */
	private static void markup(String code, StringBuilder html) {
		int at = 0;
		int length = code.length();
		while (at < length) {
			int lt = code.indexOf('<', at);
			if (lt < 0) {
				escape(code, at, length, html);
				return;
			}
			escape(code, at, lt, html);
			if (code.startsWith("<!--", lt)) {
				int close = code.indexOf("-->", lt + 4);
				at = (close < 0) ? length : close + 3;
				span("tok-comment", code, lt, at, html);
				continue;
			}
			if (code.startsWith("<!", lt) || code.startsWith("<?", lt)) {
				int close = code.indexOf('>', lt);
				at = (close < 0) ? length : close + 1;
				span("tok-meta", code, lt, at, html);
				continue;
			}
			Matcher name = TAG_NAME.matcher(code).region(lt, length);
			if (!name.lookingAt()) {
				escape(code, lt, lt + 1, html);
				at = lt + 1;
				continue;
			}
			escape(code, lt, name.start(1), html);
			span("tok-tag", code, name.start(1), name.end(1), html);
			at = attributes(code, name.end(), html);
		}
	}

	/** The attributes of a tag, up to and including its {@code >}; returns where the tag ends. */
	private static int attributes(String code, int from, StringBuilder html) {
		int at = from;
		int length = code.length();
		while (at < length) {
			char c = code.charAt(at);
			if (c == '>') {
				escape(code, at, at + 1, html);
				return at + 1;
			}
			if (c == '"' || c == '\'') {
				int close = code.indexOf(c, at + 1);
				int end = (close < 0) ? length : close + 1;
				span("tok-string", code, at, end, html);
				at = end;
				continue;
			}
			Matcher attribute = ATTRIBUTE.matcher(code).region(at, length);
			if (attribute.lookingAt()) {
				span("tok-attr", code, at, attribute.end(), html);
				at = attribute.end();
			}
			else {
				escape(code, at, at + 1, html);
				at++;
			}
		}
		return at;
	}

	private static boolean isWordStart(char c) {
		return Character.isLetter(c) || c == '_';
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	private static void span(String token, String code, int start, int end, StringBuilder html) {
		html.append("<span class=\"").append(token).append("\">");
		escape(code, start, end, html);
		html.append("</span>");
	}

	/** Text as HTML: {@code & < > "} escaped. */
	static void escape(String text, int start, int end, StringBuilder html) {
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> html.append("&amp;");
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '"' -> html.append("&quot;");
				default -> html.append(c);
			}
		}
	}

}
