package dev.blogroll.admin;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.blogroll.web.NotFoundException;

/**
 * The page of its own where an editor confirms an action that destroys or takes away
 * ({@link Confirmations}): what is about to happen, to what, and a button that does it.
 */
@Controller
class ConfirmController {

	private final Confirmations confirmations;

	ConfirmController(Confirmations confirmations) {
		this.confirmations = confirmations;
	}

	@GetMapping(Confirmations.PATH)
	String showConfirmation(@RequestParam String action, Principal principal, HttpServletRequest request,
			Model model) {
		if (action.startsWith("/admin/accounts/") && !request.isUserInRole(Role.ADMIN.name())) {
			throw new AccessDeniedException("Only admins manage accounts");
		}
		Confirmations.Question question = this.confirmations.question(action, principal.getName())
			.orElseThrow(() -> new NotFoundException("There is nothing to confirm at " + action));
		model.addAttribute("question", question);
		return "admin/confirm";
	}

}
