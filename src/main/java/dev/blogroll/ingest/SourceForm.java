package dev.blogroll.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

import dev.blogroll.category.CategoryRepository;
import dev.blogroll.text.WebAddresses;
import dev.blogroll.web.SiteLocale;

/**
 * The form to add or change a source.
 *
 * @param name the blog's name
 * @param siteUrl its home page
 * @param feedUrl its RSS or Atom feed
 * @param categoryId the category its posts go to
 * @param defaultTags tags every post gets, comma-separated
 * @param fetchIntervalMinutes how often to fetch it
 * @param active whether to fetch it at all
 */
record SourceForm(
		@NotBlank(message = "{source.name.required}") @Size(max = 200, message = "{category.name.tooLong}") @Nullable String name,
		@NotBlank(message = "{source.siteUrl.required}") @Size(max = 2000, message = "{source.address.tooLong}") @Nullable String siteUrl,
		@NotBlank(message = "{source.feedUrl.required}") @Size(max = 2000, message = "{source.address.tooLong}") @Nullable String feedUrl,
		@NotBlank(message = "{post.category.required}") @Pattern(regexp = "\\d{1,18}", message = "{post.category.unknown}") @Nullable String categoryId,
		@Size(max = 500, message = "{source.tags.tooLong}") @Nullable String defaultTags,
		@NotBlank(message = "{source.interval.required}") @Pattern(regexp = "\\d{1,5}", message = "{source.interval.format}") @Nullable String fetchIntervalMinutes,
		@Nullable String active) {

	static final int MAX_INTERVAL = 10080;

	static SourceForm empty() {
		return new SourceForm("", "", "", "", "", "60", "true");
	}

	static SourceForm of(FeedSource source) {
		return new SourceForm(source.name(), source.siteUrl(), source.feedUrl(), String.valueOf(source.categoryId()),
				source.defaultTags(), String.valueOf(source.fetchIntervalMinutes()), source.active() ? "true" : null);
	}

	/** The category's id; only after validation. */
	long categoryIdValue() {
		return Long.parseLong(this.categoryId);
	}

	/** The interval in minutes; only after validation. */
	int intervalValue() {
		return Integer.parseInt(this.fetchIntervalMinutes);
	}

	boolean isActive() {
		return "true".equals(this.active) || "on".equals(this.active);
	}

	String tagsOrEmpty() {
		return (this.defaultTags == null) ? "" : String.join(", ",
				java.util.Arrays.stream(this.defaultTags.split(",")).map(String::strip).filter((t) -> !t.isEmpty()).toList());
	}

	/**
	 * Rejects into {@code result} what cannot be saved: an address that is not http(s), a feed
	 * another source has, an interval out of range, an unknown category.
	 * @param id the source being edited, {@code null} for a new one
	 */
	void check(@Nullable Long id, FeedSources sources, CategoryRepository categories, BindingResult result,
			SiteLocale words) {
		if (!result.hasFieldErrors("siteUrl") && this.siteUrl != null && !WebAddresses.isValid(this.siteUrl.strip())) {
			result.rejectValue("siteUrl", "siteUrl.invalid", words.text("source.address.invalid"));
		}
		if (!result.hasFieldErrors("feedUrl") && this.feedUrl != null) {
			if (!WebAddresses.isValid(this.feedUrl.strip())) {
				result.rejectValue("feedUrl", "feedUrl.invalid", words.text("source.address.invalid"));
			}
			else {
				sources.findByFeedUrl(this.feedUrl.strip())
					.filter((other) -> !Objects.equals(other.id(), id))
					.ifPresent((other) -> result.rejectValue("feedUrl", "feedUrl.taken",
							words.text("source.feedUrl.taken", other.name())));
			}
		}
		if (!result.hasFieldErrors("fetchIntervalMinutes")
				&& (this.intervalValue() < 1 || this.intervalValue() > SourceForm.MAX_INTERVAL)) {
			result.rejectValue("fetchIntervalMinutes", "fetchIntervalMinutes.range",
					words.text("source.interval.range", SourceForm.MAX_INTERVAL));
		}
		if (!result.hasFieldErrors("categoryId") && categories.findById(this.categoryIdValue()).isEmpty()) {
			result.rejectValue("categoryId", "categoryId.unknown", words.text("post.category.unknown"));
		}
	}

}
