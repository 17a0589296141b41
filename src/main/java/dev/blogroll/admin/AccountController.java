package dev.blogroll.admin;

import java.security.Principal;
import java.time.Clock;

import jakarta.validation.Valid;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.web.NotFoundException;

/**
 * Accounts: admins create them, change roles, reset passwords and disable them; everyone can
 * change their own password. The last enabled admin cannot be demoted or disabled.
 */
@Controller
class AccountController {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	AccountController(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	@GetMapping("/admin/login")
	String showLogin() {
		return "admin/login";
	}

	@GetMapping("/admin")
	String showAdminHome() {
		return "redirect:/admin/posts";
	}

	@GetMapping("/admin/accounts")
	String showAccounts(Model model) {
		model.addAttribute("accounts", this.accounts.findAllByOrderByUsernameAsc());
		model.addAttribute("roles", Role.values());
		if (!model.containsAttribute("newAccount")) {
			model.addAttribute("newAccount", new AccountForms.NewAccount("", "", Role.EDITOR));
		}
		return "admin/accounts";
	}

	@PostMapping("/admin/accounts")
	@Transactional
	String createAccount(@Valid AccountForms.NewAccount newAccount, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("username") && this.accounts.findByUsername(newAccount.username()).isPresent()) {
			result.rejectValue("username", "username.taken", "There is already an account with this username.");
		}
		if (result.hasErrors()) {
			model.addAttribute("newAccount", newAccount);
			return showAccounts(model);
		}
		this.accounts.save(new Account(newAccount.username(), this.passwordEncoder.encode(newAccount.password()),
				newAccount.role(), this.clock.instant()));
		redirect.addFlashAttribute("message", "Created the account “" + newAccount.username() + "”.");
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/role")
	@Transactional
	String changeRole(@PathVariable long id, @RequestParam Role role, RedirectAttributes redirect) {
		Account account = find(id);
		if (account.getRole() == Role.ADMIN && role != Role.ADMIN && isLastAdmin(account)) {
			redirect.addFlashAttribute("error", "“" + account.getUsername() + "” is the last admin and stays one.");
			return "redirect:/admin/accounts";
		}
		account.changeRole(role, this.clock.instant());
		redirect.addFlashAttribute("message", "“" + account.getUsername() + "” is now " + role.name().toLowerCase() + ".");
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/enabled")
	@Transactional
	String changeEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		Account account = find(id);
		if (!enabled && account.getRole() == Role.ADMIN && isLastAdmin(account)) {
			redirect.addFlashAttribute("error", "“" + account.getUsername() + "” is the last admin and cannot be disabled.");
			return "redirect:/admin/accounts";
		}
		account.setEnabled(enabled, this.clock.instant());
		redirect.addFlashAttribute("message",
				"“" + account.getUsername() + "” is " + (enabled ? "enabled." : "disabled: it can no longer sign in."));
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/password")
	@Transactional
	String resetPassword(@PathVariable long id, @Valid AccountForms.PasswordReset reset, BindingResult result,
			RedirectAttributes redirect) {
		Account account = find(id);
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "The new password for “" + account.getUsername()
					+ "” was not set: use at least " + AccountForms.MIN_PASSWORD_LENGTH + " characters.");
			return "redirect:/admin/accounts";
		}
		account.changePassword(this.passwordEncoder.encode(reset.password()), this.clock.instant());
		redirect.addFlashAttribute("message", "Set a new password for “" + account.getUsername() + "”.");
		return "redirect:/admin/accounts";
	}

	@GetMapping("/admin/account/password")
	String initPasswordForm(Model model) {
		model.addAttribute("passwordChange", new AccountForms.PasswordChange("", "", ""));
		return "admin/password";
	}

	@PostMapping("/admin/account/password")
	@Transactional
	String processPasswordForm(@Valid AccountForms.PasswordChange passwordChange, BindingResult result,
			Principal principal, RedirectAttributes redirect) {
		// an account deleted while its editor was signed in
		Account account = this.accounts.findByUsername(principal.getName())
			.orElseThrow(() -> new AccessDeniedException("There is no account " + principal.getName()));
		if (!result.hasFieldErrors("currentPassword")
				&& !this.passwordEncoder.matches(passwordChange.currentPassword(), account.getPasswordHash())) {
			result.rejectValue("currentPassword", "password.wrong", "That is not your current password.");
		}
		if (!result.hasFieldErrors("repeatPassword")
				&& !passwordChange.repeatPassword().equals(passwordChange.newPassword())) {
			result.rejectValue("repeatPassword", "password.repeat", "The two new passwords are not the same.");
		}
		if (result.hasErrors()) {
			return "admin/password";
		}
		account.changePassword(this.passwordEncoder.encode(passwordChange.newPassword()), this.clock.instant());
		redirect.addFlashAttribute("message", "Your password has been changed.");
		return "redirect:/admin/posts";
	}

	private Account find(long id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException("There is no account " + id));
	}

	private boolean isLastAdmin(Account account) {
		return account.isEnabled() && this.accounts.countByRoleAndEnabledTrue(Role.ADMIN) <= 1;
	}

}
