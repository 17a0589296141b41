package dev.blogroll.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links to the site's static files get their content-hashed URL; every other link passes
 * untouched, without asking the resource chain (which looks each one up on the class path and
 * never remembers a miss: two thirds of a rendered page's CPU before).
 */
class HashedAssetLinksTests {

	private final List<String> asked = new ArrayList<>();

	private final HashedAssetLinks links = new HashedAssetLinks((path) -> {
		this.asked.add(path);
		return path.replace(".css", "-0123456789abcdef0123456789abcdef.css");
	}, Set.of("/css/site.css", "/favicon.svg"));

	@Test
	void aStaticFileGetsItsHashedUrlWithItsQueryKept() {
		assertThat(this.links.encode("/css/site.css", "")).isEqualTo("/css/site-0123456789abcdef0123456789abcdef.css");
		assertThat(this.links.encode("/css/site.css?v=1#top", ""))
			.isEqualTo("/css/site-0123456789abcdef0123456789abcdef.css?v=1#top");
		assertThat(this.links.encode("/app/css/site.css", "/app"))
			.isEqualTo("/app/css/site-0123456789abcdef0123456789abcdef.css");
	}

	@Test
	void pageLinksPassWithoutAskingTheResourceChain() {
		for (String link : List.of("/", "/blog", "/search?q=css", "/feeds", "/blog/engineering/page/17", "/css",
				"/css/site.css/x", "https://example.com/css/site.css")) {
			assertThat(this.links.encode(link, "")).isEqualTo(link);
		}
		assertThat(this.asked).isEmpty();
	}

	@Test
	void theStaticFilesAreFoundOnTheClassPath() {
		assertThat(HashedAssetLinks.staticFiles()).contains("/css/site.css", "/js/theme.js", "/favicon.svg")
			.noneMatch((path) -> path.endsWith("/"));
	}

}
