package dev.blogroll;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import dev.blogroll.web.SiteLocale;

/**
 * The site's locale in tests: the setting ({@code en}) until a test switches to another
 * language, so that one shared application context can render the site in German as a site
 * started with {@code BLOGROLL_LOCALE=de} would. {@link ResetMutableClock} switches it back
 * after each test.
 */
public final class MutableSiteLocale extends SiteLocale {

	private volatile @Nullable Locale override;

	MutableSiteLocale(BlogrollProperties properties, MessageSource messages) {
		super(properties, messages);
	}

	/** Renders every page from now on in {@code locale}. */
	public void use(Locale locale) {
		this.override = locale;
	}

	/** Back to the setting. */
	public void reset() {
		this.override = null;
	}

	@Override
	public Locale locale() {
		Locale locale = this.override;
		return (locale != null) ? locale : super.locale();
	}

}
