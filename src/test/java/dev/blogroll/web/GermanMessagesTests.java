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

	private static MockHttpServletRequestBuilder badPost() {
		return post("/admin/posts/new").param("title", "A post").param("slug", "feed").param("status", "DRAFT")
			.param("publishedAt", "2026-05-24T09:30").param("categoryId", "1").param("newAuthor", "…")
			.param("tags", "Kong, ---").param("sourceUrl", "javascript:alert(1)").with(csrf());
	}

	private Document admin(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(user("alice").roles("EDITOR"))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		result.getResponse().setCharacterEncoding("UTF-8");
		return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost/admin");
	}

}
