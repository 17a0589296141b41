package dev.blogroll.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.web.SiteLocale;

/**
 * Where an editor lands after signing in when forms they sent while signed out were kept
 * ({@link KeptForms}). One kept form comes back at once: a post form as itself (its page takes
 * the kept input), any other form here, its fields filled in, ready to send again with a fresh
 * token. Several kept forms are listed first, newest first, each opened from the list.
 */
@Controller
class KeptFormController {

	static final String PATH = "/admin/kept";

	/** The post forms, which show kept input themselves. */
	private static final Pattern POST_FORM = Pattern.compile("/admin/posts/(new|[0-9]{1,18}/edit)");


	private final KeptForms keptForms;

	private final SiteLocale siteLocale;

	KeptFormController(KeptForms keptForms, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.keptForms = keptForms;
	}

	@GetMapping(PATH)
	String showKeptForm(@RequestParam(name = "form", required = false) @Nullable String form,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		List<KeptForms.Summary> kept = this.keptForms.list(request);
		Optional<String> action = (form != null) ? kept.stream().map(KeptForms.Summary::action).filter(form::equals).findFirst()
				: (kept.size() == 1) ? Optional.of(kept.get(0).action()) : Optional.empty();
		if (form == null && kept.size() > 1) {
			model.addAttribute("keptForms", kept.stream()
				.map((summary) -> new Listed(summary, link(summary.action()), this.siteLocale.format(summary.keptAt(), "format.time")))
				.toList());
			return "admin/kept-forms";
		}
		if (action.isPresent() && POST_FORM.matcher(action.get()).matches()) {
			return "redirect:" + action.get();
		}
		Optional<KeptForms.Kept> taken = action.flatMap((path) -> this.keptForms.take(request, path));
		if (taken.isEmpty()) {
			redirect.addFlashAttribute("message", this.siteLocale.text("kept.none", KeptForms.LIFETIME.toHours()));
			return "redirect:/admin/posts";
		}
		model.addAttribute("kept", taken.get());
		model.addAttribute("keptAt", this.siteLocale.format(taken.get().keptAt(), "format.time"));
		model.addAttribute("othersKept", kept.size() - 1);
		return "admin/kept-form";
	}

	private static String link(String action) {
		return POST_FORM.matcher(action).matches() ? action
				: PATH + "?form=" + URLEncoder.encode(action, StandardCharsets.UTF_8);
	}

	/**
	 * A kept form in the list.
	 *
	 * @param summary what was kept
	 * @param link where it opens
	 * @param keptAt when it was sent, as a time of day
	 */
	record Listed(KeptForms.Summary summary, String link, String keptAt) {
	}

}
