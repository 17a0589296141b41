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
			@NotBlank(message = "Enter a username.") @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,49}", message = "Use 2 to 50 lower-case letters, digits, dots, hyphens or underscores.") String username,
			@Password String password,
			@NotNull(message = "Choose a role.") @Nullable Role role) {
	}

	/** A password an admin sets for someone who forgot theirs. */
	record PasswordReset(@Password String password) {
	}

	/** Someone changing their own password. */
	record PasswordChange(@NotBlank(message = "Enter your current password.") String currentPassword,
			@Password String newPassword,
			@NotBlank(message = "Repeat the new password.") String repeatPassword) {
	}

}
