package dev.blogroll.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableSiteLocale;
import dev.blogroll.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site speaks its one language ({@code BLOGROLL_LOCALE}): English by default, German when
 * set, whatever the client's {@code Accept-Language}; both bundles have the same keys.
 */
@BlogrollTest
class LanguageTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MutableSiteLocale siteLocale;

	private SiteClient site() {
		return new SiteClient(this.port);
	}

	@Test
	void bothBundlesHaveTheSameKeys() throws IOException {
		Properties english = bundle("messages.properties");
		Properties german = bundle("messages_de.properties");
		assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		assertThat(english).isNotEmpty();
	}

	@Test
	void theSiteIsEnglishByDefaultWhateverTheBrowserAsks() {
		Document home = site().get("/", Map.of("Accept-Language", "de-DE,de;q=0.9")).html();
		assertThat(home.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(home.selectFirst("a.skip-link").text()).isEqualTo("Skip to content");
		assertThat(home.select("footer nav a").eachText()).contains("All posts", "Blogs", "Feeds");
	}

	@Test
	void theChromeIsGermanWhenTheSiteIsGerman() {
		this.siteLocale.use(Locale.GERMAN);
		Document home = site().get("/", Map.of("Accept-Language", "en-US,en;q=0.9")).html();
		assertThat(home.selectFirst("html").attr("lang")).isEqualTo("de");
		assertThat(home.selectFirst("a.skip-link").text()).isEqualTo("Zum Inhalt springen");
		assertThat(home.select(".site-nav a").eachText()).contains("Alle Beiträge");
		assertThat(home.selectFirst("#site-search").attr("placeholder")).isEqualTo("Beiträge durchsuchen");
		assertThat(home.selectFirst("footer p").text()).endsWith(": das Beste aus Engineering-Blogs an einem Ort.");
		assertThat(home.html()).doesNotContain("??");
	}

	@Test
	void aPageKeptInOneLanguageIsNeverServedInTheOther() {
		// twice, so the rendered-page cache keeps it
		site().page("/blog/engineering");
		String englishTag = site().get("/blog/engineering").header("ETag");
		this.siteLocale.use(Locale.GERMAN);
		SiteClient.Response german = site().get("/blog/engineering");
		assertThat(german.html().selectFirst("html").attr("lang")).isEqualTo("de");
		assertThat(german.header("ETag")).isNotEqualTo(englishTag);
	}

	static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

}
