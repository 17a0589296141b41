package dev.blogroll.feed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blogroll.BlogrollTest;
import dev.blogroll.ExternalTools;
import dev.blogroll.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sitemap index and every sitemap it names validate against the sitemaps.org schemas with
 * xmllint, run as its own process. Skipped, with a message (failed in CI:
 * {@link ExternalTools}), without {@code xmllint} (Debian's {@code libxml2-utils}) or without
 * {@code SITEMAP_XSD}, the official {@code sitemap.xsd} (npm package {@code sitemap},
 * {@code schema/sitemap.xsd}); {@code .ci/run} provides both.
 */
@BlogrollTest
class SitemapSchemaTests {

	@LocalServerPort
	private int port;

	@Test
	void theIndexAndEverySitemapAreValidAgainstTheSitemapsOrgSchemas() throws Exception {
		String xmllint = ExternalTools.setting("XMLLINT", "/usr/bin/xmllint");
		String urlsetSchema = ExternalTools.setting("SITEMAP_XSD", "");
		ExternalTools.require(Files.isExecutable(Path.of(xmllint)), "xmllint not found: apt-get install libxml2-utils");
		ExternalTools.require(!urlsetSchema.isEmpty() && Files.isRegularFile(Path.of(urlsetSchema)),
				"SITEMAP_XSD not set: npm install sitemap and point it at node_modules/sitemap/schema/sitemap.xsd");
		Path folder = Files.createDirectories(Path.of("target", "page-checks"));
		SiteClient client = new SiteClient(this.port);
		String index = client.get("/sitemap.xml").body();
		validate(xmllint, "src/test/resources/sitemaps/siteindex.xsd", folder.resolve("sitemap.xml"), index);
		List<String> locs = Jsoup.parse(index, "", Parser.xmlParser()).select("sitemap > loc").eachText();
		assertThat(locs).isNotEmpty();
		for (String loc : locs) {
			String path = loc.substring(loc.indexOf("/sitemaps/"));
			validate(xmllint, urlsetSchema, folder.resolve(path.substring("/sitemaps/".length())),
					client.get(path).body());
		}
	}

	private static void validate(String xmllint, String schema, Path file, String xml) throws Exception {
		Files.writeString(file, xml, StandardCharsets.UTF_8);
		Process process = new ProcessBuilder(xmllint, "--noout", "--schema", schema, file.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(file + " against " + schema + ":\n" + output).isZero();
	}

}
