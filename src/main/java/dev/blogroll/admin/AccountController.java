package dev.blogroll.admin;

import java.time.Clock;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * Accounts, for admins: create them, change roles, reset passwords, disable them. The last
 * enabled admin cannot be demoted or disabled. Taking access away (disabling, demoting,
 * resetting the password) ends the account's sessions at once, on every instance
 * ({@link AccountSessions}); {@link AccountCheckFilter} closes the gap for a request already
 * under way.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountController {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AccountSessions sessions;

	private final Clock clock;

	private final SiteLocale siteLocale;

	AccountController(AccountRepository accounts, PasswordEncoder passwordEncoder, AccountSessions sessions,
			Clock clock, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping
	String showAccounts(Model model) {
		model.addAttribute("accounts", this.accounts.findAllByOrderByUsernameAsc());
		model.addAttribute("roles", Role.values());
		if (!model.containsAttribute("newAccount")) {
			model.addAttribute("newAccount", new AccountForms.NewAccount("", "", Role.EDITOR));
		}
		return "admin/accounts";
	}

	@PostMapping
	@Transactional
	String createAccount(@Valid AccountForms.NewAccount newAccount, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("username") && this.accounts.findByUsername(newAccount.username()).isPresent()) {
			result.rejectValue("username", "username.taken", this.siteLocale.text("account.username.taken"));
		}
		if (result.hasErrors()) {
			model.addAttribute("newAccount", newAccount);
			return showAccounts(model);
		}
		this.accounts.save(new Account(newAccount.username(), this.passwordEncoder.encode(newAccount.password()),
				newAccount.role(), this.clock.instant()));
		redirect.addFlashAttribute("message", this.siteLocale.text("account.created", newAccount.username()));
		return "redirect:/admin/accounts";
	}

	@PostMapping("/{id}/role")
	@Transactional
	String changeRole(@PathVariable long id, @RequestParam Role role, RedirectAttributes redirect) {
		Account account = find(id);
		if (account.getRole() == Role.ADMIN && role != Role.ADMIN && isLastAdmin(account)) {
			redirect.addFlashAttribute("error", this.siteLocale.text("account.lastAdmin.role", account.getUsername()));
			return "redirect:/admin/accounts";
		}
		boolean demoted = account.getRole() == Role.ADMIN && role != Role.ADMIN;
		account.changeRole(role, this.clock.instant());
		String ended = demoted ? ended(this.sessions.endAll(account.getUsername())) : "";
		redirect.addFlashAttribute("message",
				this.siteLocale.text("account.role." + role.name().toLowerCase(Locale.ROOT), account.getUsername()) + ended);
		return "redirect:/admin/accounts";
	}

	@PostMapping("/{id}/enabled")
	@Transactional
	String changeEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		Account account = find(id);
		if (!enabled && account.getRole() == Role.ADMIN && isLastAdmin(account)) {
			redirect.addFlashAttribute("error", this.siteLocale.text("account.lastAdmin.disable", account.getUsername()));
			return "redirect:/admin/accounts";
		}
		account.setEnabled(enabled, this.clock.instant());
		String ended = enabled ? "" : ended(this.sessions.endAll(account.getUsername()));
		redirect.addFlashAttribute("message", this.siteLocale.text(enabled ? "account.enabled" : "account.disabled", account.getUsername()) + ended);
		return "redirect:/admin/accounts";
	}

	@PostMapping("/{id}/password")
	@Transactional
	String resetPassword(@PathVariable long id, @Valid AccountForms.PasswordReset reset, BindingResult result,
			RedirectAttributes redirect) {
		Account account = find(id);
		if (!result.hasErrors() && this.passwordEncoder.matches(reset.password(), account.getPasswordHash())) {
			result.rejectValue("password", "password.same", this.siteLocale.text("account.password.same"));
		}
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", this.siteLocale.text("account.password.notSet", account.getUsername()) + " "
					+ result.getFieldError("password").getDefaultMessage());
			return "redirect:/admin/accounts";
		}
		account.changePassword(this.passwordEncoder.encode(reset.password()), this.clock.instant());
		String ended = ended(this.sessions.endAll(account.getUsername()));
		redirect.addFlashAttribute("message", this.siteLocale.text("account.password.set", account.getUsername()) + ended);
		return "redirect:/admin/accounts";
	}

	private String ended(int sessions) {
		return (sessions == 0) ? "" : " " + this.siteLocale.text("account.sessionsEnded", sessions);
	}

	private Account find(long id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException("There is no account " + id));
	}

	private boolean isLastAdmin(Account account) {
		return account.isEnabled() && this.accounts.countByRoleAndEnabledTrue(Role.ADMIN) <= 1;
	}

}
