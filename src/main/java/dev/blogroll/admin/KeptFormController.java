package dev.blogroll.admin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.SiteLocale;

/**
 * Where an editor lands after signing in when a form they sent while signed out was kept
 * ({@link KeptForms}). A post form comes back as itself (its page takes the kept input); any
 * other form comes back here, its fields filled in, ready to send again with a fresh token.
 */
@Controller
class KeptFormController {

	static final String PATH = "/admin/kept";

	/** The post forms, which show kept input themselves. */
	private static final Pattern POST_FORM = Pattern.compile("/admin/posts/(new|[0-9]{1,18}/edit)");


	private final KeptForms keptForms;

	private final ZoneId zone;

	private final SiteLocale siteLocale;

	KeptFormController(KeptForms keptForms, BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.keptForms = keptForms;
		this.zone = properties.timeZone();
	}

	@GetMapping(PATH)
	String showKeptForm(HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Optional<String> action = this.keptForms.latest(request);
		if (action.isPresent() && POST_FORM.matcher(action.get()).matches()) {
			return "redirect:" + action.get();
		}
		Optional<KeptForms.Kept> kept = action.flatMap((path) -> this.keptForms.take(request, path));
		if (kept.isEmpty()) {
			redirect.addFlashAttribute("message", this.siteLocale.text("kept.none", KeptForms.LIFETIME.toHours()));
			return "redirect:/admin/posts";
		}
		model.addAttribute("kept", kept.get());
		model.addAttribute("keptAt", this.siteLocale.format(kept.get().keptAt(), "format.time"));
		return "admin/kept-form";
	}

}
