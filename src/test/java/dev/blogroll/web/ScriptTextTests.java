package dev.blogroll.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our scripts show no words of their own: what they say (autosave, preview and upload status,
 * the theme button's title) comes from the page, in data-say-* attributes the templates fill
 * from the bundles, so a German site's scripts speak German. A string literal in a script that
 * reads as words (two words with a space between them) fails this test, naming the script.
 */
class ScriptTextTests {

	private static final Path SCRIPTS = Path.of("src/main/resources/static/js");

	private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

	private static final Pattern LITERAL = Pattern.compile("'([^'\\n]*)'|\"([^\"\\n]*)\"");

	private static final Pattern WORDS = Pattern.compile("\\p{L}+ \\p{L}+");

	@Test
	void everyScriptTakesItsWordsFromThePage() throws IOException {
		List<String> words = new ArrayList<>();
		try (Stream<Path> files = Files.list(SCRIPTS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".js")).sorted().toList()) {
				String code = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
				Matcher literal = LITERAL.matcher(code);
				while (literal.find()) {
					String text = (literal.group(1) != null) ? literal.group(1) : literal.group(2);
					if (!text.equals("use strict") && WORDS.matcher(text).find()) {
						words.add(file.getFileName() + ": " + text);
					}
				}
			}
		}
		assertThat(words).as("words in scripts, not in the message bundles").isEmpty();
	}

}
