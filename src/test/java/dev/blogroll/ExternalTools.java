package dev.blogroll;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tools outside the JVM that the browser tests and page checks run (Chromium and
 * chromedriver, the Nu Html Checker, xmllint and the sitemap schema), found through settings
 * that {@code .ci/run} exports.
 * <p>
 * A check whose tool is missing skips itself with a message on a laptop (a plain
 * {@code ./mvnw verify}), but fails in CI ({@code CI=true}, which GitHub Actions and
 * {@code .ci/run} set): a check that skips itself there would pass without having looked.
 */
public final class ExternalTools {

	private ExternalTools() {
	}

	/** A setting from a system property or, failing that, the environment; else the fallback. */
	public static String setting(String name, String fallback) {
		String value = System.getProperty(name, System.getenv(name));
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/** Whether the tests run in CI, where no check may skip itself. */
	public static boolean inCi() {
		return "true".equalsIgnoreCase(setting("CI", "false"));
	}

	/**
	 * Carries on if the tool is available; otherwise skips the calling test with the message,
	 * or fails it in CI.
	 */
	public static void require(boolean available, String message) {
		if (available) {
			return;
		}
		if (inCi()) {
			fail(message + " [CI=true: a check may not skip itself in CI; .ci/run installs every tool]");
		}
		assumeTrue(false, message);
	}

}
