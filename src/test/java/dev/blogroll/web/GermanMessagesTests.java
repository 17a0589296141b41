package dev.blogroll.web;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableSiteLocale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The messages Java code words (the post rules, the conflict page, the revision list, preview
 * refusals, import reports) are German on a German site and unchanged on an English one.
 */
@BlogrollTest
class GermanMessagesTests {

	@Autowired
	private MutableSiteLocale siteLocale;

	@Autowired
	private MockMvc mvc;

	@Test
	void thePostRulesSpeakGermanOnTheForm() throws Exception {
		this.siteLocale.use(Locale.GERMAN);
		Document refused = admin(badPost());
		assertThat(refused.select(".field-error").eachText()).contains(
				"„feed“ ist für die eigenen URLs der Website reserviert.",
				"Das Schlagwort „---“ braucht einen Buchstaben oder eine Ziffer.",
				"Der Name eines Autors braucht einen Buchstaben oder eine Ziffer.",
				"Geben Sie eine vollständige Webadresse ein, die mit http:// oder https:// beginnt, höchstens 2000 Zeichen.");
		assertThat(refused.text()).doesNotContain("reserved", "letter or digit", "web address");
	}

	@Test
	void thePostRulesKeepTheirEnglishOnAnEnglishSite() throws Exception {
		Document refused = admin(badPost());
		assertThat(refused.select(".field-error").eachText()).contains("“feed” is reserved for the site's own URLs.",
				"The tag “---” needs a letter or digit.", "An author's name needs a letter or digit.",
				"Enter a full web address starting with http:// or https://, at most 2000 characters.");
	}

	/**
	 * The scripts' words (autosave, live preview, image picker, theme toggle) come from the page,
	 * in data-say-* attributes: German on a German site, with the {0} the script fills.
	 */
	@Test
	void theScriptsWordsComeFromThePageInTheSitesLanguage() throws Exception {
		Document english = admin(get("/admin/posts/new"));
		assertThat(english.selectFirst("form.post-form").attr("data-say-kept"))
			.isEqualTo("Unsaved changes kept at {0} (not published; press Save to save the post).");
		assertThat(english.selectFirst(".preview-body").attr("data-say-failed")).isEqualTo("No preview just now ({0}).");
		assertThat(english.selectFirst(".media-picker").attr("data-say-file-too-large"))
			.isEqualTo("“{0}” is too large ({1}): the library takes images of at most {2}.");
		assertThat(english.selectFirst(".media-picker").attr("data-say-too-large"))
			.isEqualTo("The file is too large: the library takes images of at most {0}.");
		assertThat(reader("/").selectFirst(".theme-toggle").attr("data-say-on")).isEqualTo("Dark theme is on");

		this.siteLocale.use(Locale.GERMAN);
		Document german = admin(get("/admin/posts/new"));
		assertThat(german.selectFirst("form.post-form").attr("data-say-kept")).isEqualTo(
				"Ungespeicherte Änderungen um {0} zwischengespeichert (nicht veröffentlicht; drücken Sie „Speichern“, "
						+ "um den Beitrag zu speichern).");
		assertThat(german.selectFirst("form.post-form").attr("data-say-unreachable")).startsWith("Nicht automatisch");
		assertThat(german.selectFirst(".preview-body").attr("data-say-updated")).isEqualTo("Vorschau aktualisiert; nichts wird gespeichert.");
		assertThat(german.selectFirst(".media-picker").attr("data-say-uploading")).isEqualTo("„{0}“ wird hochgeladen …");
		assertThat(german.selectFirst(".media-picker").attr("data-say-too-large"))
			.isEqualTo("Die Datei ist zu groß: Die Mediathek nimmt Bilder von höchstens {0}.");
		assertThat(reader("/").selectFirst(".theme-toggle").attr("data-say-off")).isEqualTo("Dunkles Design ist aus");
		german.select("[data-say-kept], .preview-body, .media-picker")
			.forEach((element) -> element.attributes().forEach((attribute) -> {
				if (attribute.getKey().startsWith("data-say-")) {
					assertThat(attribute.getValue()).as(attribute.getKey()).isNotBlank()
						.doesNotContain("Unsaved", "preview", "upload", "signed out", "Dark theme");
				}
			}));
	}

	private static MockHttpServletRequestBuilder badPost() {
		return post("/admin/posts/new").param("title", "A post").param("slug", "feed").param("status", "DRAFT")
			.param("publishedAt", "2026-05-24T09:30").param("categoryId", "1").param("newAuthor", "…")
			.param("tags", "Kong, ---").param("sourceUrl", "javascript:alert(1)").with(csrf());
	}

	private Document reader(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		result.getResponse().setCharacterEncoding("UTF-8");
		return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost" + path);
	}

	private Document admin(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(user("alice").roles("EDITOR"))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		result.getResponse().setCharacterEncoding("UTF-8");
		return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost/admin");
	}

}
