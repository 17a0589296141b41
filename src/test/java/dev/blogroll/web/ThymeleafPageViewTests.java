package dev.blogroll.web;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The page view's two shortcuts: model variables read where the request keeps its attributes,
 * past wrappers that only pass them on (never past one that changes them), and the rendered
 * page written as bytes in the response's encoding.
 */
@BlogrollTest
class ThymeleafPageViewTests {

	@Autowired
	private ThymeleafViewResolver resolver;

	@Autowired
	private MockMvc mvc;

	@Test
	void attributesAreReadAndWrittenPastWrappersThatOnlyPassThemOn() {
		MockHttpServletRequest tomcat = new MockHttpServletRequest();
		tomcat.setAttribute("listing", "page 17");
		HttpServletRequest wrapped = new HttpServletRequestWrapper(new HttpServletRequestWrapper(tomcat) {
			@Override
			public String getRequestURI() {
				return "/seen/through/the/wrappers";
			}
		});

		HttpServletRequest view = ThymeleafPageView.AttributesAtSource.of(wrapped);

		assertThat(((ThymeleafPageView.AttributesAtSource) view).holder()).isSameAs(tomcat);
		assertThat(view.getAttribute("listing")).isEqualTo("page 17");
		view.setAttribute("card", "one card");
		assertThat(wrapped.getAttribute("card")).isEqualTo("one card");
		view.removeAttribute("listing");
		assertThat(wrapped.getAttribute("listing")).isNull();
		assertThat(Collections.list(view.getAttributeNames())).containsExactly("card");
		// everything else still goes through the wrappers
		assertThat(view.getRequestURI()).isEqualTo("/seen/through/the/wrappers");
	}

	@Test
	void aWrapperWithAttributesOfItsOwnIsAskedAsBefore() {
		MockHttpServletRequest tomcat = new MockHttpServletRequest();
		tomcat.setAttribute("jakarta.servlet.forward.request_uri", "/the/container's");
		HttpServletRequest forward = new HttpServletRequestWrapper(tomcat) {
			@Override
			public Object getAttribute(String name) {
				return name.startsWith("jakarta.servlet.forward.") ? "/the/forward's" : super.getAttribute(name);
			}
		};
		HttpServletRequest outer = new HttpServletRequestWrapper(forward);

		HttpServletRequest view = ThymeleafPageView.AttributesAtSource.of(outer);

		assertThat(((ThymeleafPageView.AttributesAtSource) view).holder()).isSameAs(forward);
		assertThat(view.getAttribute("jakarta.servlet.forward.request_uri")).isEqualTo("/the/forward's");
		assertThat(ThymeleafPageView.AttributesAtSource.of(forward)).isSameAs(forward);
		assertThat(ThymeleafPageView.AttributesAtSource.of(tomcat)).isSameAs(tomcat);
	}

	@Test
	void thePageIsWrittenAsBytesInTheResponsesEncoding() throws Exception {
		String page = "<title>Engineering – Page 17</title><a>‹Prev</a> 😀 Straße";
		MockHttpServletResponse utf8 = new MockHttpServletResponse();
		utf8.setCharacterEncoding("UTF-8");
		var response = new ThymeleafPageView.EncodedInOnePiece(utf8);
		response.getWriter().write(page);
		response.getWriter().write("abc!", 3, 1);
		response.getWriter().write(new char[] { 'x', 'é', 'y' }, 1, 1);
		response.getWriter().flush();
		assertThat(utf8.getContentAsByteArray()).isEqualTo((page + "!é").getBytes(StandardCharsets.UTF_8));
		assertThat(utf8.isCommitted()).isTrue();

		MockHttpServletResponse latin1 = new MockHttpServletResponse();
		latin1.setCharacterEncoding("ISO-8859-1");
		new ThymeleafPageView.EncodedInOnePiece(latin1).getWriter().write("Straße – ok");
		assertThat(latin1.getContentAsByteArray()).isEqualTo("Straße ? ok".getBytes(StandardCharsets.ISO_8859_1));
	}

	@Test
	void everyPageIsRenderedByThisViewWithItsCharactersIntact() throws Exception {
		assertThat(this.resolver.resolveViewName("listing/listing", Locale.ENGLISH)).isInstanceOf(ThymeleafPageView.class);
		String html = this.mvc.perform(get("/blog"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains(" – Blogroll</title>").contains("</html>");
	}

}
