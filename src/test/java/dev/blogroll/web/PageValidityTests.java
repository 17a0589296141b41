package dev.blogroll.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.Browser;
import dev.blogroll.ExternalTools;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page type passes the Nu Html Checker with no errors, and axe-core finds no
 * critical or serious accessibility violation in it. Both tools run outside the JVM under
 * test and are skipped, with a message, when absent (and fail in CI: {@link ExternalTools});
 * {@code .ci/run} installs them:
 * <ul>
 * <li>{@code VNU_JAR} (environment or system property): the {@code vnu.jar} of the npm
 * package {@code vnu-jar};</li>
 * <li>Chromium for axe-core, as every browser test finds it ({@link Browser}).</li>
 * </ul>
 * The pages and the reports are written to {@code target/page-checks/}.
 */
@BlogrollTest
class PageValidityTests {

	private static final String TRASHED = "page-validity-trashed-post";

	/** One page of each type readers and crawlers meet, by name. */
	static final Map<String, String> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("home", "/");
		PAGES.put("all-posts", "/blog/page/2");
		PAGES.put("category", "/blog/engineering/page/17");
		PAGES.put("tag", "/blog/tag/api-gateway");
		PAGES.put("author", "/blog/author/marco-palladino");
		PAGES.put("post", "/blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes");
		PAGES.put("aggregated-post", "/blog/engineering/kong-gateway-rate-limiting");
		PAGES.put("404", "/blog/no-such-category");
		PAGES.put("410", "/blog/engineering/" + TRASHED);
	}

	private static final Path REPORTS = Path.of("target", "page-checks");

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void createReportFolder() throws IOException {
		Files.createDirectories(REPORTS);
	}

	/** A post in the trash: its address answers 410 Gone. */
	@BeforeEach
	void trashAPost() {
		this.testPosts.add(PostBuilder.post().slug(TRASHED).title("A Trashed Post"));
		this.jdbc.sql("""
				update post set status = 'TRASHED', trashed_at = now(), trashed_status = status
				where slug = :slug""").param("slug", TRASHED).update();
	}

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of(TRASHED), List.of(), List.of(), List.of());
	}

	private List<Path> savePages() throws IOException {
		SiteClient client = new SiteClient(this.port);
		List<Path> files = new ArrayList<>();
		for (Map.Entry<String, String> page : PAGES.entrySet()) {
			Response response = client.get(page.getValue());
			assertThat(response.contentType()).as(page.getValue()).startsWith("text/html");
			Path file = REPORTS.resolve(page.getKey() + ".html");
			Files.writeString(file, response.body(), StandardCharsets.UTF_8);
			files.add(file);
		}
		return files;
	}

	@Test
	void everyPageTypeIsValidHtml() throws Exception {
		String vnu = ExternalTools.setting("VNU_JAR", "");
		ExternalTools.require(!vnu.isEmpty() && Files.isRegularFile(Path.of(vnu)),
				"Nu Html Checker not run: set VNU_JAR to vnu.jar (npm install vnu-jar), as .ci/run does");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", vnu, "--errors-only", "--format", "json"));
		savePages().forEach((file) -> command.add(file.toString()));
		Path report = REPORTS.resolve("vnu.json");
		Process process = new ProcessBuilder(command).redirectError(report.toFile())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("vnu finished").isTrue();
		JsonNode messages = JsonMapper.shared().readTree(report.toFile()).get("messages");
		List<String> errors = new ArrayList<>();
		for (JsonNode message : messages) {
			errors.add(message.path("url").asString() + ":" + message.path("lastLine").asInt() + " "
					+ message.path("message").asString());
		}
		assertThat(errors).as("Nu Html Checker errors (report: " + report + ")").isEmpty();
		assertThat(process.exitValue()).isZero();
	}

	@Test
	void axeFindsNoCriticalOrSeriousViolation() throws Exception {
		List<String> violations = new ArrayList<>();
		StringBuilder report = new StringBuilder();
		try (Browser browser = Browser.start()) {
			for (Map.Entry<String, String> page : PAGES.entrySet()) {
				browser.open("http://localhost:" + this.port + page.getValue(), 1280, 1024);
				Results results = new AxeBuilder().analyze(browser.driver());
				report.append(page.getKey()).append(' ').append(page.getValue()).append(": ")
					.append(results.getViolations().size()).append(" violations, ")
					.append(results.getPasses().size()).append(" rules passed\n");
				for (Rule rule : results.getViolations()) {
					report.append("  ").append(rule.getImpact()).append(' ').append(rule.getId()).append(": ")
						.append(rule.getHelp()).append('\n');
					if ("critical".equals(rule.getImpact()) || "serious".equals(rule.getImpact())) {
						violations.add(page.getKey() + ": " + rule.getImpact() + " " + rule.getId() + " " + rule.getHelp());
					}
				}
			}
		}
		Files.writeString(REPORTS.resolve("axe.txt"), report);
		assertThat(violations).as("axe-core critical and serious violations (report: target/page-checks/axe.txt)")
			.isEmpty();
	}

}
