package dev.blogroll.admin;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.blogroll.web.SiteLocale;

/**
 * The sign-in page (Spring Security handles the form it sends), with what happened: a refused
 * password, a lockout that says who is locked and for how long ({@link LoginThrottle}), a
 * session that was ended ({@link AccountCheckFilter}).
 */
@Controller
class SignInController {

	private final SiteLocale siteLocale;

	SignInController(SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
	}

	@GetMapping(SecurityConfiguration.LOGIN_PAGE)
	String showLogin(@RequestParam(name = "ended", required = false) @Nullable String ended,
			@Nullable HttpSession session, Model model) {
		if (session != null && session.getAttribute(SecurityConfiguration.LOCKOUT) instanceof String lockout) {
			session.removeAttribute(SecurityConfiguration.LOCKOUT);
			model.addAttribute("lockout", lockout);
		}
		if (ended != null) {
			model.addAttribute("ended", switch (ended) {
				case "disabled", "password", "expired" -> this.siteLocale.text("admin.login.ended." + ended);
				default -> this.siteLocale.text("admin.login.ended");
			});
		}
		return "admin/login";
	}

	@GetMapping("/admin")
	String showAdminHome() {
		return "redirect:/admin/posts";
	}

}
