package dev.blogroll.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real feeds nobody on the team wrote: the 312 RSS and Atom feeds that the test suite of the
 * chardet library (Mark Pilgrim's, the author of feedparser) collected from real sites in 20
 * encodings, shipped on this kind of machine with the Google Cloud CLI. Each file says in a
 * comment which encoding its bytes really are ({@code Expect: KOI8-R}); some declare another
 * (files converted for chardet's sake), as real servers do.
 * <p>
 * Each feed is read twice: served with its real charset in {@code Content-Type} (a server that
 * says the truth), and bytes only (the file's own declaration, or nothing, is all there is).
 * A feed is read right when it is read at all, has entries, and the first entry's title is the
 * one jsoup's XML parser finds in the text decoded with the real charset, with no U+FFFD and
 * no C1 control in any title. The figures of the parser before issue 17 are printed beside.
 * The test skips where the files are not installed.
 */
class RealFeedsTests {

	static final Path CHARDET = Path.of("/usr/lib/google-cloud-sdk/platform/gsutil/third_party/chardet/tests");

	private static final String NO_ENTRY = "(no entry)";

	private static final Pattern EXPECT = Pattern.compile("Expect:\\s*([A-Za-z0-9_-]+)");

	@Test
	void realFeedsInTwentyEncodingsAreReadRight() throws IOException {
		assumeTrue(Files.isDirectory(CHARDET), "chardet's test feeds are not installed at " + CHARDET);
		List<Path> feeds = feeds();
		Map<String, int[]> byEncoding = new TreeMap<>();
		int[] totals = new int[4];
		List<String> newServedFailures = new ArrayList<>();
		Map<String, Integer> oldReasons = new TreeMap<>();
		for (Path file : feeds) {
			byte[] bytes = Files.readAllBytes(file);
			String expected = expectedCharset(bytes);
			Charset charset = charset(expected);
			String oracle = (charset != null) ? firstTitle(new String(bytes, charset)) : null;
			URI url = URI.create("https://real.example.com/" + file.getFileName());
			String served = "text/xml; charset=" + expected;
			boolean webPage = FeedLinks.looksLikeHtml(new String(bytes, StandardCharsets.ISO_8859_1));
			String[] verdicts = { verdict(() -> FeedParser.parse(bytes, served, url), oracle, webPage),
					verdict(() -> FeedParser.parse(bytes, null, url), oracle, webPage),
					verdict(() -> LegacyFeedParser.parse(bytes, url), oracle, webPage) };
			int[] counts = byEncoding.computeIfAbsent(file.getParent().getFileName().toString(), (k) -> new int[4]);
			counts[0]++;
			totals[0]++;
			for (int i = 0; i < 3; i++) {
				if (verdicts[i] != null) {
					counts[i + 1]++;
					totals[i + 1]++;
				}
			}
			if (verdicts[2] != null) {
				oldReasons.merge(category(verdicts[2]), 1, Integer::sum);
			}
			if (verdicts[0] != null) {
				newServedFailures.add(CHARDET.relativize(file) + ": " + verdicts[0]);
			}
		}
		StringBuilder report = new StringBuilder("\nReal feeds (chardet's test suite): " + feeds.size() + " files, misread or refused:\n");
		report.append(String.format("%-24s %5s %12s %12s %12s%n", "encoding", "files", "new, served", "new, bytes", "old"));
		byEncoding.forEach((encoding, c) -> report.append(String.format("%-24s %5d %12d %12d %12d%n", encoding, c[0], c[1], c[2], c[3])));
		report.append(String.format("%-24s %5d %12s %12s %12s%n", "all", totals[0], percent(totals[1], totals[0]),
				percent(totals[2], totals[0]), percent(totals[3], totals[0])));
		report.append("the old parser's, by reason:\n");
		oldReasons.forEach((reason, count) -> report.append(String.format("  %3d  %s%n", count, reason)));
		newServedFailures.forEach((failure) -> report.append("  ").append(failure).append('\n'));
		System.out.println(report);
		assertThat(feeds).hasSizeGreaterThan(300);
		assertThat(newServedFailures).as(report.toString()).isEmpty();
	}

	/**
	 * Why the parser got the feed wrong, or {@code null} if it got it right.
	 * @param webPage whether the file is a web page (one is, in the collection), which must be
	 * refused as one
	 */
	private static @Nullable String verdict(Parse parse, @Nullable String oracleTitle, boolean webPage) {
		FeedParser.ParsedFeed feed;
		try {
			feed = parse.run();
		}
		catch (FeedParser.WebPageException ex) {
			return webPage ? null : "refused as a web page: " + ex.getMessage();
		}
		catch (FeedParser.InvalidFeedException | RuntimeException ex) {
			return "refused: " + ex.getMessage();
		}
		if (webPage) {
			return "a web page read as a feed";
		}
		if (feed.entries().isEmpty()) {
			// a few files were cut short by whoever collected them, before their first entry
			return NO_ENTRY.equals(oracleTitle) ? null : "no entries";
		}
		for (FeedParser.FeedEntry entry : feed.entries()) {
			String title = String.valueOf(entry.title());
			if (title.chars().anyMatch((c) -> c == 0xFFFD || (c >= 0x80 && c <= 0x9F))) {
				return "broken characters in “" + title + "”";
			}
		}
		String title = feed.entries().get(0).title();
		if (oracleTitle != null && !Objects.equals(FeedParser.clean(oracleTitle), title)) {
			return "first title “" + title + "”, not “" + oracleTitle + "”";
		}
		return null;
	}

	/** A verdict in a few words, to count verdicts by. */
	private static String category(String verdict) {
		if (verdict.startsWith("refused")) {
			if (verdict.contains("DOCTYPE")) {
				return "refused: DOCTYPE";
			}
			if (verdict.contains("is not bound")) {
				return "refused: undeclared namespace prefix";
			}
			if (verdict.contains("entity")) {
				return "refused: undeclared entity";
			}
			return "refused: " + verdict.replaceAll(".*Error on line \\d+: ", "").replaceAll("\"[^\"]*\"", "…");
		}
		if (verdict.startsWith("broken characters")) {
			return "misread: U+FFFD or C1 controls in titles (wrong charset)";
		}
		if (verdict.startsWith("first title")) {
			return "misread: first title differs (wrong charset)";
		}
		return "misread: " + verdict;
	}

	/** The first entry's title in the text, as jsoup's XML parser reads it; {@link #NO_ENTRY} if it has no entry. */
	private static @Nullable String firstTitle(String text) {
		Document document = Jsoup.parse(text, "", Parser.xmlParser());
		Element entry = document.selectFirst("item, entry");
		if (entry == null) {
			return NO_ENTRY;
		}
		Element title = (entry != null) ? entry.selectFirst("> title") : null;
		if (title == null) {
			return null;
		}
		String value = title.text();
		String type = title.attr("type");
		return (type.contains("html") || value.contains("<")) ? Jsoup.parseBodyFragment(value).text() : value;
	}

	private static List<Path> feeds() throws IOException {
		try (Stream<Path> files = Files.walk(CHARDET)) {
			return files.filter(Files::isRegularFile).filter(RealFeedsTests::isFeed).sorted().toList();
		}
	}

	private static boolean isFeed(Path file) {
		try {
			String head = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).replace("\0", "");
			return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String expectedCharset(byte[] bytes) {
		Matcher matcher = EXPECT.matcher(new String(bytes, StandardCharsets.ISO_8859_1).replace("\0", ""));
		return matcher.find() ? matcher.group(1) : "unknown";
	}

	/** The charset a label names, as browsers read it (Shift_JIS as windows-31j, TIS-620 as windows-874). */
	private static @Nullable Charset charset(String name) {
		return FeedEncoding.charset(name);
	}

	private static String percent(int failed, int total) {
		return failed + String.format(" (%.0f%%)", 100.0 * failed / total);
	}

	private interface Parse {

		FeedParser.ParsedFeed run() throws FeedParser.InvalidFeedException;

	}

}
