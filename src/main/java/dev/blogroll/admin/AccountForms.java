package dev.blogroll.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * The forms of account management.
 */
final class AccountForms {

	static final int MIN_PASSWORD_LENGTH = 12;

	private AccountForms() {
	}

	/** A new account, made by an admin. */
	record NewAccount(
			@NotBlank(message = "Enter a username.") @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,49}", message = "Use 2 to 50 lower-case letters, digits, dots, hyphens or underscores.") String username,
			@NotNull(message = "Enter a password.") @Size(min = MIN_PASSWORD_LENGTH, max = 200, message = "Use at least 12 characters.") String password,
			@NotNull(message = "Choose a role.") @Nullable Role role) {
	}

	/** A password an admin sets for someone who forgot theirs. */
	record PasswordReset(
			@NotNull(message = "Enter a password.") @Size(min = MIN_PASSWORD_LENGTH, max = 200, message = "Use at least 12 characters.") String password) {
	}

	/** Someone changing their own password. */
	record PasswordChange(@NotBlank(message = "Enter your current password.") String currentPassword,
			@NotNull(message = "Enter a new password.") @Size(min = MIN_PASSWORD_LENGTH, max = 200, message = "Use at least 12 characters.") String newPassword,
			@NotBlank(message = "Repeat the new password.") String repeatPassword) {
	}

}
