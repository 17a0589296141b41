package dev.blogroll.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.text.Dates;
import dev.blogroll.text.Markdown;

/**
 * The site's one language and time zone ({@code BLOGROLL_LOCALE}, {@code BLOGROLL_TIME_ZONE}),
 * and the interface text in that language: {@code messages.properties} (English) and one
 * bundle per further language ({@code messages_de.properties}).
 * <p>
 * The locale is a setting, never negotiated from {@code Accept-Language}: every client gets the
 * same page at a URL, so the rendered-page cache, ETags and any cache in front stay correct
 * without {@code Vary: Accept-Language}. Spring MVC and Thymeleaf get it through
 * {@link Resolver} (templates' {@code #{…}} and {@code #locale}); Java code that words a
 * message (a flash message, a form error) asks {@link #text}.
 * <p>
 * Not final, so that the tests, which share one application context, can render pages in the
 * second language by replacing it (as they replace the clock).
 */
@Component
public class SiteLocale {

	private final Locale locale;

	private final ZoneId zone;

	private final MessageSource messages;

	public SiteLocale(BlogrollProperties properties, MessageSource messages) {
		this.locale = properties.locale();
		this.zone = properties.timeZone();
		this.messages = messages;
		if (!"en".equals(this.locale.getLanguage())
				&& !new ClassPathResource("messages_" + this.locale.getLanguage() + ".properties").exists()) {
			throw new IllegalStateException("BLOGROLL_LOCALE is " + this.locale.toLanguageTag()
					+ ", but Blogroll has no messages_" + this.locale.getLanguage()
					+ ".properties: its languages are English (en) and German (de)");
		}
	}

	/** The site's locale: the language of its text, and how dates and numbers are written. */
	public Locale locale() {
		return this.locale;
	}

	/** The time zone dates and times are shown in. */
	public ZoneId zone() {
		return this.zone;
	}

	/** The language as {@code <html lang>}, feeds and JSON-LD name it: {@code en}, {@code de-CH}. */
	public String languageTag() {
		return locale().toLanguageTag();
	}

	/**
	 * A date and time as editors read them, in the site's time zone: {@code format} names the
	 * pattern each language's bundle gives ({@code format.dateTime}: {@code Dec 1, 2026 10:42}
	 * in English, {@code 1. Dez. 2026, 10:42} in German), month names from the locale.
	 */
	public String format(Instant instant, String format) {
		return DateTimeFormatter.ofPattern(text(format), locale()).format(instant.atZone(zone()));
	}

	/** A date as readers read it: the locale's long date ({@code May 24, 2021}, {@code 24. Mai 2021}). */
	public String date(LocalDate date) {
		return Dates.display(date, locale());
	}

	/** The message {@code code} of the bundles in the site's language, {@code {0}} filled with {@code args}. */
	public String text(String code, @Nullable Object... args) {
		return this.messages.getMessage(code, args, locale());
	}

	/** The words Markdown adds to a post (footnotes' heading, labels), in the site's language. */
	public Markdown.Words markdownWords() {
		return new Markdown.Words(text("markdown.notes"), text("markdown.task"), text("markdown.backToReference"));
	}

	/**
	 * Spring MVC's locale for every request: the site's, whatever the request asks for. Changing
	 * it per request (a {@code ?lang=} parameter) is refused. The bean's name is the one the
	 * {@code DispatcherServlet} looks for, in place of Boot's {@code Accept-Language} resolver.
	 */
	@Component("localeResolver")
	static final class Resolver implements LocaleContextResolver {

		private final SiteLocale site;

		Resolver(SiteLocale site) {
			this.site = site;
		}

		@Override
		public LocaleContext resolveLocaleContext(HttpServletRequest request) {
			return new SimpleTimeZoneAwareLocaleContext(this.site.locale(), TimeZone.getTimeZone(this.site.zone()));
		}

		@Override
		public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable LocaleContext localeContext) {
			throw new UnsupportedOperationException("The site's locale is a setting: BLOGROLL_LOCALE");
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return this.site.locale();
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			throw new UnsupportedOperationException("The site's locale is a setting: BLOGROLL_LOCALE");
		}

	}

}
