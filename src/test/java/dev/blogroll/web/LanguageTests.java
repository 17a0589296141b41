package dev.blogroll.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableSiteLocale;
import dev.blogroll.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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

	@Autowired
	private MockMvc mvc;

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
		// the label says it all; the placeholder is short enough for the header's box
		assertThat(home.selectFirst("label[for=site-search]").text()).isEqualTo("Beiträge durchsuchen");
		assertThat(home.selectFirst("#site-search").attr("placeholder")).isEqualTo("Suchbegriff");
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

	@Test
	void everyPageTypeIsGermanWhenTheSiteIsGerman() throws IOException {
		this.siteLocale.use(Locale.GERMAN);
		Document home = german("/");
		assertThat(home.selectFirst("h1").text()).isEqualTo("Engineering-Blogs, die sich lohnen");
		assertThat(home.select(".home-section-header h2").first().text()).isEqualTo("Neueste Beiträge");
		assertThat(home.select(".home-section-more").eachText()).anyMatch((text) -> text.startsWith("Mehr in "));
		assertGermanDates(home);

		Document page17 = german("/blog/engineering/page/17");
		assertThat(page17.title()).isEqualTo("Engineering – Seite 17 von 20 – Blogroll");
		assertThat(page17.select("nav.pagination").first().attr("aria-label")).isEqualTo("Seitennavigation");
		assertThat(page17.select("nav.pagination").first().select("a.page-prev").text()).isEqualTo("‹Zurück");
		assertThat(page17.select("nav.pagination").first().select("a.page-next").text()).isEqualTo("Weiter›");
		assertThat(page17.select("nav.pagination").first().select("a.page-number").eachAttr("aria-label"))
			.containsExactly("Seite 1", "Seite 16", "Seite 18", "Seite 20");
		assertThat(page17.select("nav.breadcrumbs li").eachText()).containsExactly("Startseite", "Blog", "Engineering");
		assertThat(page17.select(".card-author").eachText()).hasSize(15).allMatch((text) -> text.startsWith("Von "));
		assertThat(page17.selectFirst("meta[name=description]").attr("content")).endsWith("Seite 17 von 20.");
		assertGermanDates(page17);

		Document post = german("/blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes");
		assertThat(post.selectFirst(".post-author").text()).startsWith("Von ").contains("Min. Lesezeit");
		assertThat(post.selectFirst("script[type=application/ld+json]").data()).contains("\"inLanguage\":\"de\"");
		assertGermanDates(post);

		Document search = german("/search?q=gateway");
		assertThat(search.selectFirst("h1").text()).startsWith("Ergebnisse für");
		assertThat(search.title()).startsWith("Suchergebnisse für „gateway“");
		assertThat(search.selectFirst(".listing-description").text()).endsWith("gefunden, die besten Treffer zuerst.");
		assertThat(search.selectFirst("label[for=search-category]").text()).isEqualTo("Kategorie");

		Document tag = german("/blog/tag/api-gateway");
		assertThat(tag.selectFirst(".listing-description").text()).isEqualTo("Beiträge mit dem Schlagwort „API Gateway“.");
		assertThat(tag.selectFirst(".listing-count").text()).matches("\\d+ Beiträge");
		assertThat(tag.select(".subscribe a").eachAttr("aria-label")).containsExactly("API Gateway, Atom-Feed",
				"API Gateway, RSS-Feed");

		Document author = german("/blog/author/marco-palladino");
		assertThat(author.selectFirst(".listing-count").text()).isEqualTo("2 Beiträge");

		SiteClient.Response missing = site().get("/blog/engineering/no-such-post-here");
		assertThat(missing.status()).isEqualTo(404);
		Document notFound = missing.html();
		assertThat(notFound.selectFirst("html").attr("lang")).isEqualTo("de");
		assertThat(notFound.selectFirst("h1").text()).isEqualTo("Diese Seite haben wir nicht gefunden");
		assertThat(notFound.title()).startsWith("Seite nicht gefunden");
		assertNoEnglish(notFound);

		String atom = site().get("/blog/tag/api-gateway/feed.atom").body();
		assertThat(atom).contains("<dc:language>de</dc:language>").contains("<subtitle>Beiträge mit dem Schlagwort „API Gateway“.</subtitle>");
		assertThat(site().get("/feed.rss").body()).contains("<language>de</language>")
			.contains("<title>Alle Beiträge – Blogroll</title>");

		Document feeds = german("/feeds");
		assertThat(feeds.select(".feed-group h2").eachText()).contains("Alle Beiträge", "Kategorien", "Schlagwörter",
				"Autoren");
	}

	@Test
	void theAdminIsGermanWhenTheSiteIsGerman() throws Exception {
		this.siteLocale.use(Locale.GERMAN);
		Document posts = admin(get("/admin/posts"));
		assertThat(posts.selectFirst("html").attr("lang")).isEqualTo("de");
		assertThat(posts.selectFirst("h1").text()).isEqualTo("Beiträge");
		assertThat(posts.select(".admin-nav a").eachText()).contains("Beiträge", "Neuer Beitrag", "Papierkorb",
				"Kategorien", "Schlagwörter", "Autoren", "Quellen");
		assertThat(posts.select("table.post-cards th").eachText()).contains("Titel", "Status", "Kategorie", "Autor",
				"Veröffentlicht", "Letzte Änderung", "Aktionen");
		assertThat(posts.select("td[data-label=Kategorie]")).isNotEmpty();
		assertThat(posts.select("select#status option").eachText()).containsExactly("Alle", "Entwurf", "Veröffentlicht",
				"Geplant", "Papierkorb");
		// "24. Mai 2021, 09:30": the day first, the month's German name, the 24-hour clock
		assertThat(posts.select("td[data-label=Veröffentlicht]").eachText()).isNotEmpty()
			.allMatch((text) -> text.matches("\\d{1,2}\\. \\p{L}+\\.? \\d{4}, \\d{2}:\\d{2}"));
		assertThat(posts.select("td.post-card-title + td").eachText()).isNotEmpty()
			.allMatch((text) -> List.of("Veröffentlicht", "Entwurf", "Geplant", "Im Papierkorb").contains(text));
		assertThat(posts.select("main p > span").first().text()).matches("[\\d.]+ Beiträge");
		assertNoEnglish(posts);

		Document newPost = admin(get("/admin/posts/new"));
		assertThat(newPost.selectFirst("h1").text()).isEqualTo("Neuer Beitrag");
		assertThat(newPost.selectFirst("label[for=title]").text()).isEqualTo("Titel");
		assertNoEnglish(newPost);

		// a form sent without a title: the error in German, from the bundle
		Document refused = admin(post("/admin/posts/new").param("title", "").param("status", "DRAFT")
			.param("publishedAt", "2026-05-24T09:30").param("categoryId", "").param("authorId", "")
			.with(csrf()));
		assertThat(refused.select(".field-error").eachText()).contains("Geben Sie einen Titel ein.",
				"Wählen Sie einen Autor oder geben Sie den Namen eines neuen Autors ein.")
			.anyMatch((error) -> error.contains("Wählen Sie eine Kategorie."));
	}

	private Document admin(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(user("alice").roles("EDITOR"))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		result.getResponse().setCharacterEncoding("UTF-8");
		return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost/admin");
	}

	@Test
	void anEnglishSiteKeepsItsEnglishDatesAndCounts() {
		Document tag = site().page("/blog/author/marco-palladino");
		assertThat(tag.selectFirst(".listing-count").text()).isEqualTo("2 posts");
		assertThat(site().page("/blog/engineering/page/17").select("time").first().text())
			.matches("(January|February|March|April|May|June|July|August|September|October|November|December) \\d{1,2}, \\d{4}");
	}

	/** A page of the German site: 200, in German, and without a sentence of the English bundle. */
	private Document german(String path) throws IOException {
		SiteClient.Response response = site().get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		Document page = response.html();
		assertThat(page.selectFirst("html").attr("lang")).as(path).isEqualTo("de");
		assertNoEnglish(page);
		return page;
	}

	/**
	 * No sentence of the English bundle (two words or more, and different in German) shows on
	 * the page, in its text or in the attributes readers and assistive technology read: what
	 * would, came from a template or Java code that does not ask the bundles.
	 */
	private static void assertNoEnglish(Document page) {
		StringBuilder shown = new StringBuilder(page.text());
		page.select("[aria-label], [placeholder], [title], meta[name=description]").forEach((element) -> shown.append(' ')
			.append(element.attr("aria-label")).append(' ').append(element.attr("placeholder")).append(' ')
			.append(element.attr("title")).append(' ').append(element.attr("content")));
		shown.append(' ').append(page.title());
		assertThat(englishSentences()).as("English interface text on %s", page.location())
			.noneMatch((sentence) -> shown.indexOf(sentence) >= 0);
	}

	private static List<String> englishSentences() {
		try {
			Properties english = bundle("messages.properties");
			Properties german = bundle("messages_de.properties");
			return english.stringPropertyNames()
				.stream()
				.filter((key) -> !english.getProperty(key).contains("{"))
				.filter((key) -> !english.getProperty(key).equals(german.getProperty(key)))
				.map(english::getProperty)
				.filter((text) -> text.strip().contains(" "))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every date shown is a German long date: {@code 24. Mai 2021}. */
	private static void assertGermanDates(Document page) {
		assertThat(page.select("time").eachText()).isNotEmpty()
			.allMatch((text) -> text.matches(
					"\\d{1,2}\\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \\d{4}"),
					"a German long date");
	}

	static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

}
