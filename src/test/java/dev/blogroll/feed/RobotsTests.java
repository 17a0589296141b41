package dev.blogroll.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blogroll.BlogrollTest;
import dev.blogroll.ExternalTools;
import dev.blogroll.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code robots.txt} means the same to every kind of parser: one that takes the longest rule
 * matching a path (Google's, RFC 9309), one that takes the first (Python's
 * {@code urllib.robotparser}, many simple crawlers), written here, and Python's itself, run
 * where {@code python3} is installed.
 */
@BlogrollTest
class RobotsTests {

	/** Paths and whether a crawler may fetch them. */
	private static final Map<String, Boolean> EXPECTED = expected();

	@LocalServerPort
	private int port;

	private static Map<String, Boolean> expected() {
		Map<String, Boolean> expected = new LinkedHashMap<>();
		for (String allowed : List.of("/", "/blog", "/blog/engineering/page/17", "/blog/tag/api-gateway",
				"/blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes", "/feed.atom", "/feeds",
				"/sitemap.xml", "/sitemaps/posts-1.xml", "/css/site.css", "/blog/admin-tips")) {
			expected.put(allowed, true);
		}
		for (String disallowed : List.of("/admin", "/admin/", "/admin/login", "/admin/posts/12/edit", "/search",
				"/search?q=kong", "/search?q=kong&page=2")) {
			expected.put(disallowed, false);
		}
		return expected;
	}

	private List<String> robotsLines() {
		SiteClient.Response robots = new SiteClient(this.port).get("/robots.txt");
		assertThat(robots.status()).isEqualTo(200);
		return robots.body().lines().toList();
	}

	@Test
	void theLongestMatchingRuleAndTheFirstMatchingRuleGiveTheSameAnswers() {
		List<Rule> rules = rulesForEveryAgent(robotsLines());
		assertThat(rules).isNotEmpty();
		for (Map.Entry<String, Boolean> path : EXPECTED.entrySet()) {
			assertThat(longestMatch(rules, path.getKey())).as("longest match for %s", path.getKey())
				.isEqualTo(path.getValue());
			assertThat(firstMatch(rules, path.getKey())).as("first match for %s", path.getKey())
				.isEqualTo(path.getValue());
		}
	}

	@Test
	void pythonsRobotParserAgrees() throws Exception {
		String python = ExternalTools.setting("PYTHON3", "python3");
		ExternalTools.require(runs(python), "Python's robots.txt parser not run: it needs " + python
				+ " (apt-get install python3)");
		String program = """
				import sys, urllib.robotparser
				lines = sys.stdin.read().split("\\n")
				split = lines.index("----")
				parser = urllib.robotparser.RobotFileParser()
				parser.parse(lines[:split])
				for path in lines[split + 1:]:
				    if path:
				        print(path, parser.can_fetch("AnyBot/1.0", "https://blogroll.example" + path))
				""";
		Process process = new ProcessBuilder(python, "-c", program).redirectErrorStream(true).start();
		try (OutputStream in = process.getOutputStream()) {
			String input = String.join("\n", robotsLines()) + "\n----\n" + String.join("\n", EXPECTED.keySet()) + "\n";
			in.write(input.getBytes(StandardCharsets.UTF_8));
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		Map<String, Boolean> answers = new LinkedHashMap<>();
		output.lines().forEach((line) -> {
			int space = line.lastIndexOf(' ');
			answers.put(line.substring(0, space), Boolean.parseBoolean(line.substring(space + 1).toLowerCase(Locale.ROOT)));
		});
		assertThat(answers).isEqualTo(EXPECTED);
	}

	/** The rules of the group for every user agent ({@code User-agent: *}), in order. */
	private static List<Rule> rulesForEveryAgent(List<String> lines) {
		List<Rule> rules = new ArrayList<>();
		boolean inGroup = false;
		for (String raw : lines) {
			String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
			int colon = line.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).strip();
			if (field.equals("user-agent")) {
				inGroup = value.equals("*");
			}
			else if (inGroup && (field.equals("allow") || field.equals("disallow")) && !value.isEmpty()) {
				rules.add(new Rule(field.equals("allow"), value));
			}
		}
		return rules;
	}

	/** RFC 9309: the most specific (longest) matching rule wins; allow wins a tie; no rule allows. */
	private static boolean longestMatch(List<Rule> rules, String path) {
		Rule best = null;
		for (Rule rule : rules) {
			if (path.startsWith(rule.path()) && (best == null || rule.path().length() > best.path().length()
					|| (rule.path().length() == best.path().length() && rule.allow()))) {
				best = rule;
			}
		}
		return best == null || best.allow();
	}

	/** The first rule matching the path wins, as Python's parser and many simple crawlers decide. */
	private static boolean firstMatch(List<Rule> rules, String path) {
		for (Rule rule : rules) {
			if (path.startsWith(rule.path())) {
				return rule.allow();
			}
		}
		return true;
	}

	private static boolean runs(String python) throws InterruptedException {
		try {
			Process version = new ProcessBuilder(python, "--version").redirectErrorStream(true).start();
			version.getInputStream().readAllBytes();
			return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * One {@code Allow} or {@code Disallow} line.
	 *
	 * @param allow whether it allows
	 * @param path the path prefix it matches (the site's rules use no wildcards)
	 */
	record Rule(boolean allow, String path) {
	}

}
