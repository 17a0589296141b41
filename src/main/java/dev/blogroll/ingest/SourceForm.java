package dev.blogroll.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
		@NotBlank(message = "Enter the blog's name.") @Size(max = 200, message = "Keep the name under 200 characters.") @Nullable String name,
		@NotBlank(message = "Enter the address of the blog's home page.") @Size(max = 2000, message = "At most 2000 characters.") @Nullable String siteUrl,
		@NotBlank(message = "Enter the address of the feed.") @Size(max = 2000, message = "At most 2000 characters.") @Nullable String feedUrl,
		@NotNull(message = "Choose a category.") @Nullable Long categoryId,
		@Size(max = 500, message = "Keep the tags under 500 characters.") @Nullable String defaultTags,
		@NotNull(message = "Enter a number of minutes.") @Min(value = 1, message = "At least 1 minute.") @Max(value = 10080, message = "At most a week (10080 minutes).") @Nullable Integer fetchIntervalMinutes,
		boolean active) {

	static SourceForm empty() {
		return new SourceForm("", "", "", null, "", 60, true);
	}

	static SourceForm of(FeedSource source) {
		return new SourceForm(source.name(), source.siteUrl(), source.feedUrl(), source.categoryId(),
				source.defaultTags(), source.fetchIntervalMinutes(), source.active());
	}

	String tagsOrEmpty() {
		return (this.defaultTags == null) ? "" : String.join(", ",
				java.util.Arrays.stream(this.defaultTags.split(",")).map(String::strip).filter((t) -> !t.isEmpty()).toList());
	}

}
