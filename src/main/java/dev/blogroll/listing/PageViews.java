package dev.blogroll.listing;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.AbstractCachingViewResolver;

import dev.blogroll.media.LibraryImages;
import dev.blogroll.web.PageHeads;
import dev.blogroll.web.SiteLocale;

/**
 * Renders the public pages (listings, home, posts, search, the directories, 404 and 410) from
 * jte templates: {@code src/main/jte/<view name>.jte}, compiled to Java when the project is built
 * ({@code jte-maven-plugin}), each into its controller's package ({@code post/post.jte} is
 * {@code dev.blogroll.post.JtepostGenerated}), where it reads that package's page model. A view
 * name without such a template falls through to Thymeleaf, which renders the admin and the
 * status pages that stand alone (503, 409, other errors).
 * <p>
 * Why: a cold listing page spent half its CPU in Thymeleaf (bench/README.md, round 7); a
 * compiled template is a sequence of writes. Every template gets {@code frame}, the chrome of
 * the page ({@link PageFrame}), besides the model; jte escapes each value for where it is
 * written (text, attribute, URL).
 */
@Component("pageViews")
public class PageViews extends AbstractCachingViewResolver implements Ordered {

	private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

	private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html,
			PageViews.class.getClassLoader(), "dev.blogroll");

	private final PageFrame.Services services;

	PageViews(SiteChrome chrome, PageHeads heads, SiteLocale words, Cards cards, LibraryImages images) {
		this.services = new PageFrame.Services(chrome, heads, words, cards, images);
	}

	/** Before Thymeleaf's resolver, which would take every name. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	/** One view per name: the site has one locale, and the template does not depend on it. */
	@Override
	protected Object getCacheKey(String viewName, Locale locale) {
		return viewName;
	}

	@Override
	protected @Nullable View loadView(String viewName, Locale locale) {
		String template = viewName + ".jte";
		return (viewName.indexOf(':') < 0 && this.templates.hasTemplate(template)) ? new Page(template) : null;
	}

	/**
	 * The page navigation, for the admin's Thymeleaf tables ({@code admin/posts.html},
	 * {@code admin/sources.html}): the same bar as the public pages',
	 * {@code src/main/jte/listing/pagination.jte}.
	 */
	public String pagination(Pagination pagination) {
		StringOutput html = new StringOutput();
		this.templates.render("listing/pagination.jte", Map.of("pagination", pagination, "words", this.services.words()),
				html);
		return html.toString();
	}

	private final class Page implements View {

		private final String template;

		Page(String template) {
			this.template = template;
		}

		@Override
		public String getContentType() {
			return HTML;
		}

		/** Rendered whole before a byte is sent: a template that fails leaves the response to the error page. */
		@Override
		public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			Map<String, Object> params = (model != null) ? new HashMap<>(model) : new HashMap<>();
			params.put("frame", new PageFrame(PageViews.this.services, params, request, response));
			Utf8ByteOutput html = new Utf8ByteOutput();
			PageViews.this.templates.render(this.template, params, html);
			byte[] page = html.toByteArray();
			response.setContentType(HTML);
			// one write: each goes through every response wrapper (the page cache's, Spring
			// Security's and Spring Session's), and a page written chunk by chunk was 9 % of a
			// cold listing page's CPU
			response.getOutputStream().write(page);
		}

	}

}
