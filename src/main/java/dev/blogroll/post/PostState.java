package dev.blogroll.post;

import java.time.Duration;
import java.time.Instant;

import dev.blogroll.web.SiteLocale;

/**
 * Where a post stands, in the words the edit page and the save message use: a draft,
 * scheduled for a time (with the zone and the time left), published, or in the trash; and
 * where to see it ({@code /blog/…} once readers can, its preview before).
 *
 * @param kind {@code draft}, {@code scheduled}, {@code published} or {@code trash}
 * @param label its name in the site's language: "Draft", "Scheduled", "Published" or "In the trash"
 * @param detail the sentence that says more, e.g. "Scheduled for Dec 2, 2026 09:00 (Europe/Berlin), in 18 hours."
 * @param when the publication time with its zone, as the sentences say it
 * @param left how long until a scheduled post appears ("in 18 hours"); empty otherwise
 * @param viewPath where to see the post
 * @param live whether readers see it
 */
record PostState(String kind, String label, String detail, String when, String left, String viewPath, boolean live) {

	static PostState of(Post post, Instant now, SiteLocale words) {
		String preview = "/admin/posts/" + post.getId() + "/preview";
		String when = words.format(post.getPublishedAt(), "format.dateTime") + " (" + words.zone().getId() + ")";
		if (post.isTrashed()) {
			return new PostState("trash", words.text("post.state.trash"), words.text("post.state.trash.detail"), when,
					"", preview, false);
		}
		if (post.getStatus() == PostStatus.DRAFT) {
			return new PostState("draft", words.text("admin.status.draft"), words.text("post.state.draft.detail"), when,
					"", preview, false);
		}
		if (post.getPublishedAt().isAfter(now)) {
			String left = timeLeft(Duration.between(now, post.getPublishedAt()), words);
			return new PostState("scheduled", words.text("admin.status.scheduled"),
					words.text("post.state.scheduled.detail", when, left), when, left, preview, false);
		}
		return new PostState("published", words.text("admin.status.published"),
				words.text("post.state.published.detail", when), when, "", post.getPath(), true);
	}

	/** What a save says happened, e.g. {@code Scheduled “Title” for Dec 2, 2026 09:00 (UTC), in 3 hours.} */
	String savedMessage(String title, SiteLocale words) {
		return switch (this.kind) {
			case "published" -> words.text("post.saved.published", title);
			case "scheduled" -> words.text("post.saved.scheduled", title, this.when, this.left);
			case "draft" -> words.text("post.saved.draft", title);
			default -> words.text("post.saved.trash", title);
		};
	}

	/** "in 3 days 4 hours", "in 18 hours 5 minutes", "in 7 minutes" (begun minutes count), "in less than a minute". */
	static String timeLeft(Duration exactly, SiteLocale words) {
		Duration left = (exactly.getSeconds() < 60) ? exactly : Duration.ofMinutes((exactly.getSeconds() + 59) / 60);
		long days = left.toDays();
		long hours = left.toHoursPart();
		long minutes = left.toMinutesPart();
		if (days > 0) {
			return words.text((hours > 0) ? "post.left.daysHours" : "post.left.days", days, hours);
		}
		if (hours > 0) {
			return words.text((minutes > 0) ? "post.left.hoursMinutes" : "post.left.hours", hours, minutes);
		}
		return (minutes > 0) ? words.text("post.left.minutes", minutes) : words.text("post.left.lessThanAMinute");
	}

}
