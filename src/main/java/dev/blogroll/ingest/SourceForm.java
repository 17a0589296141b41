package dev.blogroll.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

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
		@NotBlank(message = "Enter the blog’s name.") @Size(max = 200, message = "Keep the name under 200 characters.") @Nullable String name,
		@NotBlank(message = "Enter the address of the blog’s home page.") @Size(max = 2000, message = "At most 2000 characters.") @Nullable String siteUrl,
		@NotBlank(message = "Enter the address of the feed.") @Size(max = 2000, message = "At most 2000 characters.") @Nullable String feedUrl,
		@NotBlank(message = "Choose a category.") @Pattern(regexp = "\\d{1,18}", message = "Choose a category from the list.") @Nullable String categoryId,
		@Size(max = 500, message = "Keep the tags under 500 characters.") @Nullable String defaultTags,
		@NotBlank(message = "Enter a number of minutes.") @Pattern(regexp = "\\d{1,5}", message = "Enter a whole number of minutes.") @Nullable String fetchIntervalMinutes,
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

}
