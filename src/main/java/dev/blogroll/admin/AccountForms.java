package dev.blogroll.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The forms of account management. Passwords follow {@link Password}.
 */
final class AccountForms {

	private AccountForms() {
	}

	/** A new account, made by an admin. */
	record NewAccount(
			@NotBlank(message = "{account.username.required}") @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,49}", message = "{account.username.format}") String username,
			@Password String password,
			@NotNull(message = "{account.role.required}") @Nullable Role role) {
	}

	/** A password an admin sets for someone who forgot theirs. */
	record PasswordReset(@Password String password) {
	}

	/** Someone changing their own password. */
	record PasswordChange(@NotBlank(message = "{account.currentPassword.required}") String currentPassword,
			@Password String newPassword,
			@NotBlank(message = "{account.repeatPassword.required}") String repeatPassword) {
	}

}
