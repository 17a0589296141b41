package dev.blogroll.admin;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page (Spring Security handles the form it sends), with what happened: a refused
 * password, a lockout that says who is locked and for how long ({@link LoginThrottle}), a
 * session that was ended ({@link AccountCheckFilter}).
 */
@Controller
class SignInController {

	@GetMapping(SecurityConfiguration.LOGIN_PAGE)
	String showLogin(@RequestParam(name = "ended", required = false) @Nullable String ended,
			@Nullable HttpSession session, Model model) {
		if (session != null && session.getAttribute(SecurityConfiguration.LOCKOUT) instanceof String lockout) {
			session.removeAttribute(SecurityConfiguration.LOCKOUT);
			model.addAttribute("lockout", lockout);
		}
		if (ended != null) {
			model.addAttribute("ended", switch (ended) {
				case "disabled" -> "Your session was ended: the account was disabled.";
				case "password" -> "Your session was ended because the password was changed. Sign in with the new one.";
				case "expired" -> "Your session reached its longest allowed time. Please sign in again.";
				default -> "Your session was ended. Please sign in again.";
			});
		}
		return "admin/login";
	}

	@GetMapping("/admin")
	String showAdminHome() {
		return "redirect:/admin/posts";
	}

}
