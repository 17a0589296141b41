package dev.blogroll.importer;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

import dev.blogroll.web.SiteLocale;

/**
 * A sentence of an import report (why a line was not imported, why an item was left out): a
 * message key of the bundles ({@code admin.import.line.…}, {@code admin.import.left.…}) and its
 * arguments, worded when it is shown: in the site's language on the admin page ({@link #in}),
 * in English for the command line and the log ({@link #english}). An argument that is itself an
 * {@code ImportText} (a rule's sentence inside a line's) is worded in the same language.
 */
public final class ImportText implements MessageSourceResolvable {

	private static final MessageSource ENGLISH = englishBundle();

	private final String code;

	private final @Nullable Object[] args;

	ImportText(String code, @Nullable Object... args) {
		this.code = code;
		this.args = args.clone();
	}

	/** The key of the bundles. */
	public String code() {
		return this.code;
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public @Nullable Object[] getArguments() {
		return this.args.clone();
	}

	/** In the site's language. */
	public String in(SiteLocale site) {
		return site.text(this.code, this.args);
	}

	/** In English, as {@code messages.properties} words it. */
	public String english() {
		return ENGLISH.getMessage(this.code, this.args, Locale.ENGLISH);
	}

	@Override
	public String toString() {
		return english();
	}

	private static MessageSource englishBundle() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
