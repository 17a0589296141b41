package dev.blogroll.admin;

import java.security.Principal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.SiteLocale;

/**
 * What every signed-in account does for itself: change its password (which ends its other
 * sessions) and see its sessions (browser, address, sign-in and last use) and end the others.
 */
@Controller
@RequestMapping("/admin/account")
class OwnAccountController {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AccountSessions sessions;

	private final Clock clock;

	private final DateTimeFormatter times;

	private final SiteLocale siteLocale;

	OwnAccountController(AccountRepository accounts, PasswordEncoder passwordEncoder, AccountSessions sessions,
			Clock clock, BlogrollProperties properties, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.clock = clock;
		ZoneId zone = properties.timeZone();
		this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
	}

	@GetMapping("/password")
	String initPasswordForm(Model model) {
		model.addAttribute("passwordChange", new AccountForms.PasswordChange("", "", ""));
		return "admin/password";
	}

	@PostMapping("/password")
	@Transactional
	String processPasswordForm(@Valid AccountForms.PasswordChange passwordChange, BindingResult result,
			Principal principal, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Account account = signedIn(principal);
		if (!result.hasFieldErrors("currentPassword")
				&& !this.passwordEncoder.matches(passwordChange.currentPassword(), account.getPasswordHash())) {
			result.rejectValue("currentPassword", "password.wrong", this.siteLocale.text("account.password.wrong"));
		}
		if (!result.hasFieldErrors("newPassword")
				&& this.passwordEncoder.matches(passwordChange.newPassword(), account.getPasswordHash())) {
			result.rejectValue("newPassword", "password.same", this.siteLocale.text("account.password.sameAsYours"));
		}
		if (!result.hasFieldErrors("repeatPassword")
				&& !passwordChange.repeatPassword().equals(passwordChange.newPassword())) {
			result.rejectValue("repeatPassword", "password.repeat", this.siteLocale.text("account.password.repeat"));
		}
		if (result.hasErrors()) {
			return "admin/password";
		}
		account.changePassword(this.passwordEncoder.encode(passwordChange.newPassword()), this.clock.instant());
		HttpSession session = request.getSession(false);
		int ended = this.sessions.endOthers(account.getUsername(), (session != null) ? session.getId() : null);
		keepThisSession(account, request, response);
		redirect.addFlashAttribute("message", this.siteLocale.text("account.password.changed")
				+ ((ended > 0) ? " " + this.siteLocale.text("account.password.othersSignedOut", ended) : ""));
		return "redirect:/admin/account/sessions";
	}

	@GetMapping("/sessions")
	String showSessions(Principal principal, HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		model.addAttribute("sessions",
				this.sessions.list(principal.getName(), (session != null) ? session.getId() : null));
		model.addAttribute("times", this.times);
		return "admin/sessions";
	}

	@PostMapping("/sessions/{handle}/end")
	String endSession(@PathVariable String handle, Principal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		boolean ended = this.sessions.end(principal.getName(), handle, (session != null) ? session.getId() : null);
		redirect.addFlashAttribute(ended ? "message" : "error",
				this.siteLocale.text(ended ? "account.session.ended" : "account.session.alreadyEnded"));
		return "redirect:/admin/account/sessions";
	}

	@PostMapping("/sessions/end-others")
	String endOtherSessions(Principal principal, HttpServletRequest request, RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		int ended = this.sessions.endOthers(principal.getName(), (session != null) ? session.getId() : null);
		redirect.addFlashAttribute("message", (ended == 0) ? this.siteLocale.text("account.sessions.none")
				: this.siteLocale.text("account.sessions.ended", ended));
		return "redirect:/admin/account/sessions";
	}

	private Account signedIn(Principal principal) {
		// an account deleted while its editor was signed in
		return this.accounts.findByUsername(principal.getName())
			.orElseThrow(() -> new AccessDeniedException("There is no account " + principal.getName()));
	}

	/** This session signed in with the old password: it carries on with the new one. */
	private static void keepThisSession(Account account, HttpServletRequest request, HttpServletResponse response) {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof UsernamePasswordAuthenticationToken token)
				|| !(token.getPrincipal() instanceof SignedInAccount)) {
			return;
		}
		SignedInAccount principal = new SignedInAccount(account);
		principal.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
	}

}
