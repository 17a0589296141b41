package dev.blogroll.admin;

import org.jspecify.annotations.Nullable;

import dev.blogroll.web.SiteLocale;

/**
 * Names the browser and system of a {@code User-Agent} in a few words ("Firefox on Linux"), for
 * the list of an account's sessions: enough to recognise one's own devices, no more. Order
 * matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
 */
final class Browsers {

	private Browsers() {
	}

	static String describe(@Nullable String agent, SiteLocale words) {
		if (agent == null || agent.isBlank()) {
			return words.text("admin.browser.unknown");
		}
		String browser = browser(agent);
		String system = system(agent);
		return words.text("admin.browser.on", (browser != null) ? browser : words.text("admin.browser.other"),
				(system != null) ? system : words.text("admin.browser.unknownSystem"));
	}

	/** The browser's name, or null for another one. */
	private static @Nullable String browser(String agent) {
		if (agent.contains("Edg/")) {
			return "Edge";
		}
		if (agent.contains("OPR/")) {
			return "Opera";
		}
		if (agent.contains("Firefox/")) {
			return "Firefox";
		}
		if (agent.contains("Chrome/") || agent.contains("Chromium/")) {
			return "Chrome";
		}
		if (agent.contains("Safari/")) {
			return "Safari";
		}
		if (agent.startsWith("curl/")) {
			return "curl";
		}
		return null;
	}

	/** The system's name, or null for an unknown one. */
	private static @Nullable String system(String agent) {
		if (agent.contains("Android")) {
			return "Android";
		}
		if (agent.contains("iPhone") || agent.contains("iPad")) {
			return "iOS";
		}
		if (agent.contains("Windows")) {
			return "Windows";
		}
		if (agent.contains("Mac OS X") || agent.contains("Macintosh")) {
			return "macOS";
		}
		if (agent.contains("Linux")) {
			return "Linux";
		}
		return null;
	}

}
