package dev.blogroll.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.blogroll.ExternalTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data the application loads ({@code db/demo/posts.ndjson} and {@code taxonomy.json})
 * is exactly what {@code db/demo/generate_demo.py} makes of the repository's own files, so a
 * fresh clone can make it again and an edit of the sources cannot be forgotten. Needs
 * {@code python3} (skipped without it on a laptop, failed in CI: {@link ExternalTools}).
 */
class DemoDataTests {

	@Test
	void theCommittedDemoDataIsWhatTheGeneratorMakesOfItsSources() throws Exception {
		String python = ExternalTools.setting("PYTHON3", "python3");
		ExternalTools.require(runs(python), "Demo data not checked: it needs " + python + " (apt-get install python3)");
		Process check = new ProcessBuilder(python, "db/demo/generate_demo.py", "--check").redirectErrorStream(true)
			.start();
		String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.waitFor(2, TimeUnit.MINUTES)).as("generate_demo.py finished").isTrue();
		assertThat(check.exitValue()).as(output).isZero();
		assertThat(output).contains("Demo data is what its sources make: 399 posts");
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

}
