package dev.blogroll.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

import dev.blogroll.web.SiteLocale;

/**
 * The conflict page's view of each field the other save and this editor's form disagree on:
 * both values side by side, and which one saving will keep unless the editor chooses
 * otherwise. With the revision the editor started from (its version is the form's), a field
 * only the other save changed is theirs by default, so saving never silently reverts it; a
 * field only this editor changed is theirs to keep; a field both changed is the editor's
 * choice, and the body is merged line by line ({@link BodyMerge}), any stretch both changed
 * shown between markers to resolve.
 */
final class PostConflict {

	/** The request parameter that carries the editor's choice for a field: {@code pick:Title=theirs}. */
	static final String PICK = "pick:";

	private PostConflict() {
	}

	/**
	 * One field that differs.
	 *
	 * @param label its label ("Title")
	 * @param theirs the other save's value, as shown
	 * @param mine this editor's value, as shown
	 * @param choice what is chosen: {@code theirs}, {@code mine} or {@code merged}
	 * @param why why that is the default, in the site's language
	 * @param merged for the body, the three-way merge (null without the starting version)
	 * @param conflicts for the body, how many stretches both changed
	 */
	record Field(String label, String theirs, String mine, String choice, String why, @Nullable String merged,
			int conflicts) {
	}

	/** The fields that differ, in the form's order. */
	static List<Field> fields(PostForm theirs, PostForm mine, Optional<Map<String, String>> base,
			Map<String, String> names, SiteLocale words) {
		Map<String, String> theirValues = values(theirs);
		Map<String, String> myValues = values(mine);
		List<Field> fields = new ArrayList<>();
		Revisions.FIELDS.forEach((name, label) -> {
			String their = theirValues.get(name);
			String my = myValues.get(name);
			if (same(their, my)) {
				return;
			}
			String shownTheirs = names.getOrDefault(name + ":" + their, their);
			String shownMine = names.getOrDefault(name + ":" + my, my);
			if (base.isEmpty()) {
				fields.add(new Field(label, shownTheirs, shownMine, "mine",
						words.text("admin.conflict.why.unknownStart"), null, 0));
				return;
			}
			String started = Objects.requireNonNullElse(base.get().get(name), "");
			boolean theyChanged = !same(started, their);
			boolean iChanged = !same(started, my);
			if (name.equals("body") && theyChanged && iChanged) {
				BodyMerge.Result merge = BodyMerge.merge(started, their, my);
				fields.add(new Field(label, shownTheirs, shownMine, "merged", merge.conflicts() == 0
						? words.text("admin.conflict.why.merged")
						: words.text("admin.conflict.why.mergedWithConflicts", merge.conflicts()),
						merge.text(), merge.conflicts()));
			}
			else if (theyChanged && !iChanged) {
				fields.add(new Field(label, shownTheirs, shownMine, "theirs",
						words.text("admin.conflict.why.theirs"), null, 0));
			}
			else if (!theyChanged) {
				fields.add(new Field(label, shownTheirs, shownMine, "mine", words.text("admin.conflict.why.mine"), null, 0));
			}
			else {
				fields.add(new Field(label, shownTheirs, shownMine, "mine", words.text("admin.conflict.why.both"), null,
						0));
			}
		});
		return fields;
	}

	/**
	 * The form to save after the conflict page, and its binding result: for each field the
	 * editor picked, theirs, or the merged body; a merged body still marked is refused with a
	 * message, the merge kept in the form. Put into {@code model} when it differs from what was sent.
	 */
	static Chosen chosen(PostForm mine, PostForm theirs, List<String> takeTheirs, MultiValueMap<String, String> params,
			BindingResult sent, Model model, SiteLocale words) {
		List<String> labels = new ArrayList<>(takeTheirs);
		params.forEach((name, values) -> {
			if (name.startsWith(PICK) && values.contains("theirs")) {
				labels.add(name.substring(PICK.length()));
			}
		});
		PostForm form = mine.taking(theirs, labels);
		List<String> body = params.get(PICK + "Body");
		String merged = params.getFirst("mergedBody");
		if (body != null && body.contains("merged") && merged != null) {
			form = form.taking(theirs.withBody(merged), List.of("Body"));
		}
		if (form == mine) {
			return new Chosen(mine, sent);
		}
		BindingResult result = new BeanPropertyBindingResult(form, "postForm");
		result.addAllErrors(sent);
		if (merged != null && form.body() == merged && merged.length() > PostRules.MAX_BODY) {
			// the form's own limit, checked on what was typed, holds for the merge too
			result.rejectValue("body", "body.size", words.text("admin.conflict.mergeTooLong", String.valueOf(PostRules.MAX_BODY)));
		}
		else if (merged != null && form.body() == merged && BodyMerge.hasMarkers(merged)) {
			result.rejectValue("body", "body.conflict",
					words.text("admin.conflict.mergeMarked", BodyMerge.MINE_MARKER, BodyMerge.THEIRS_MARKER));
		}
		model.addAttribute("postForm", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "postForm", result);
		return new Chosen(form, result);
	}

	/**
	 * The form to save and its binding result.
	 *
	 * @param form the form
	 * @param result its binding result
	 */
	record Chosen(PostForm form, BindingResult result) {
	}

	private static boolean same(@Nullable String a, @Nullable String b) {
		return normal(a).equals(normal(b));
	}

	private static String normal(@Nullable String value) {
		return Objects.requireNonNullElse(value, "").replace("\r\n", "\n").strip();
	}

	private static Map<String, String> values(PostForm form) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("title", form.title());
		values.put("slug", form.slug());
		values.put("categoryId", form.categoryId());
		values.put("tags", form.tags());
		values.put("authorId", form.authorId());
		values.put("publishedAt", form.publishedAt());
		values.put("status", form.status());
		values.put("excerpt", form.excerpt());
		values.put("body", form.body());
		values.put("imageUrl", form.imageUrl());
		values.put("imageAlt", form.imageAlt());
		values.put("sourceUrl", form.sourceUrl());
		values.replaceAll((name, value) -> Objects.requireNonNullElse(value, ""));
		return values;
	}

}
