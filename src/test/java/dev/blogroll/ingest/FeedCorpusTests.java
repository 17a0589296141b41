package dev.blogroll.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every feed of the corpus ({@link FeedCorpus}) read by {@link FeedParser}, each checked
 * against what it must yield; and the failure rate of the parser before issue 17
 * ({@link LegacyFeedParser}) and now, on the same files, grouped by shape and reason.
 */
class FeedCorpusTests {

	static Stream<FeedCorpus.Case> cases() {
		return FeedCorpus.cases().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void everyFeedYieldsWhatItMust(FeedCorpus.Case corpusCase) {
		assertThat(problems(corpusCase, false)).as(corpusCase.file()).isEmpty();
	}

	@Test
	void everyFileOfTheCorpusHasACase() throws IOException, URISyntaxException {
		Path root = Path.of(FeedCorpus.class.getResource("/feeds/corpus").toURI());
		List<String> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter(Files::isRegularFile)
				.map((file) -> root.relativize(file).toString().replace('\\', '/'))
				.filter((file) -> !file.endsWith(".py") && !file.endsWith(".md"))
				.sorted()
				.toList();
		}
		assertThat(FeedCorpus.cases().stream().map(FeedCorpus.Case::file).sorted().toList()).isEqualTo(files);
	}

	/**
	 * Both parsers on the whole corpus: prints how many files each fails, by shape (the
	 * corpus's folders) and by reason (refused, or read wrongly), and holds the new parser to
	 * none.
	 */
	@Test
	void theNewParserFailsNoFileOfTheCorpusAndTheOldOneIsMeasured() {
		List<FeedCorpus.Case> cases = FeedCorpus.cases();
		Map<String, int[]> byGroup = new TreeMap<>();
		Map<String, Integer> oldReasons = new TreeMap<>();
		Map<String, Integer> newReasons = new TreeMap<>();
		StringBuilder details = new StringBuilder("old parser, file by file:\n");
		int oldFailed = 0;
		int newFailed = 0;
		for (FeedCorpus.Case corpusCase : cases) {
			List<String> old = problems(corpusCase, true);
			List<String> now = problems(corpusCase, false);
			int[] counts = byGroup.computeIfAbsent(corpusCase.group(), (group) -> new int[3]);
			counts[0]++;
			if (!old.isEmpty()) {
				counts[1]++;
				oldFailed++;
				oldReasons.merge(corpusCase.group() + ": " + reason(old), 1, Integer::sum);
				details.append("  ").append(corpusCase.file()).append(": ").append(old.get(0)).append('\n');
			}
			if (!now.isEmpty()) {
				counts[2]++;
				newFailed++;
				newReasons.merge(corpusCase.group() + ": " + reason(now), 1, Integer::sum);
			}
		}
		StringBuilder report = new StringBuilder("\nFeed corpus: " + cases.size() + " files\n");
		report.append(String.format("%-12s %5s %8s %8s%n", "shape", "files", "old", "new"));
		byGroup.forEach((group, counts) -> report.append(String.format("%-12s %5d %8d %8d%n", group, counts[0], counts[1], counts[2])));
		report.append(String.format("%-12s %5d %8s %8s%n", "all", cases.size(), percent(oldFailed, cases.size()),
				percent(newFailed, cases.size())));
		report.append("old parser's failures by reason:\n");
		oldReasons.forEach((reason, count) -> report.append(String.format("  %3d  %s%n", count, reason)));
		report.append("new parser's failures by reason:\n");
		newReasons.forEach((reason, count) -> report.append(String.format("  %3d  %s%n", count, reason)));
		System.out.println(report);
		System.out.println(details);
		assertThat(newFailed).as(report.toString()).isZero();
		assertThat(oldFailed).as("the old parser fails on the shapes issue 17 names").isPositive();
	}

	private static String reason(List<String> problems) {
		String first = problems.get(0);
		return first.startsWith("refused") ? "refused" : "misread";
	}

	private static String percent(int failed, int total) {
		return failed + String.format(" (%.0f%%)", 100.0 * failed / total);
	}

	static List<String> problems(FeedCorpus.Case corpusCase, boolean legacy) {
		byte[] bytes = FeedCorpus.bytes(corpusCase.file());
		URI url = URI.create(corpusCase.url());
		FeedParser.ParsedFeed parsed = null;
		Exception refusal = null;
		try {
			parsed = legacy ? LegacyFeedParser.parse(bytes, url) : FeedParser.parse(bytes, corpusCase.contentType(), url);
		}
		catch (FeedParser.InvalidFeedException | RuntimeException ex) {
			refusal = ex;
		}
		return corpusCase.problems(parsed, refusal, legacy);
	}

}
