package dev.blogroll.post;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where a post stands, in the words the edit page and the save message use: a draft,
 * scheduled for a time (with the zone and the time left), published, or in the trash; and
 * where to see it ({@code /blog/…} once readers can, its preview before).
 *
 * @param label "Draft", "Scheduled", "Published" or "In the trash"
 * @param detail the sentence that says more, e.g. "Scheduled for Dec 2, 2026 09:00 (Europe/Berlin), in 18 hours."
 * @param viewPath where to see the post
 * @param live whether readers see it
 */
record PostState(String label, String detail, String viewPath, boolean live) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.ENGLISH);

	static PostState of(Post post, Instant now, ZoneId zone) {
		String preview = "/admin/posts/" + post.getId() + "/preview";
		String when = WHEN.format(post.getPublishedAt().atZone(zone)) + " (" + zone.getId() + ")";
		if (post.isTrashed()) {
			return new PostState("In the trash", "In the trash: its address answers 410 Gone until it is restored.",
					preview, false);
		}
		if (post.getStatus() == PostStatus.DRAFT) {
			return new PostState("Draft", "Draft: only editors can see it.", preview, false);
		}
		if (post.getPublishedAt().isAfter(now)) {
			return new PostState("Scheduled",
					"Scheduled for " + when + ", " + timeLeft(Duration.between(now, post.getPublishedAt())) + ".",
					preview, false);
		}
		return new PostState("Published", "Published " + when + ".", post.getPath(), true);
	}

	/** What a save says happened, e.g. {@code Scheduled “Title” for Dec 2, 2026 09:00 (UTC), in 3 hours.} */
	String savedMessage(String title) {
		return switch (this.label) {
			case "Published" -> "Published “" + title + "”.";
			case "Scheduled" -> this.detail.replaceFirst("^Scheduled", "Scheduled “" + title + "”");
			case "Draft" -> "Saved “" + title + "” as a draft.";
			default -> "Saved “" + title + "”; it is still in the trash.";
		};
	}

	/** "in 3 days 4 hours", "in 18 hours 5 minutes", "in 7 minutes" (begun minutes count), "in less than a minute". */
	static String timeLeft(Duration exactly) {
		Duration left = (exactly.getSeconds() < 60) ? exactly : Duration.ofMinutes((exactly.getSeconds() + 59) / 60);
		long days = left.toDays();
		long hours = left.toHoursPart();
		long minutes = left.toMinutesPart();
		if (days > 0) {
			return "in " + plural(days, "day") + ((hours > 0) ? " " + plural(hours, "hour") : "");
		}
		if (hours > 0) {
			return "in " + plural(hours, "hour") + ((minutes > 0) ? " " + plural(minutes, "minute") : "");
		}
		return (minutes > 0) ? "in " + plural(minutes, "minute") : "in less than a minute";
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
