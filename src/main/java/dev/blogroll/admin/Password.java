package dev.blogroll.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * A password Blogroll can keep: at least {@value #MIN_LENGTH} characters, and at most
 * {@value #MAX_BYTES} bytes in UTF-8, because bcrypt reads no more (Spring Security refuses a
 * longer one rather than ignore its end). A plain letter is one byte; an accented letter two, an
 * emoji four, so the limit is said in both.
 */
@Documented
@Constraint(validatedBy = Password.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@interface Password {

	int MIN_LENGTH = 12;

	int MAX_BYTES = 72;

	String TOO_SHORT = "Use at least " + MIN_LENGTH + " characters.";

	String TOO_LONG = "Use at most " + MAX_BYTES
			+ " bytes: 72 plain letters, digits or spaces; accented letters take 2 bytes each, emoji 4.";

	String message() default TOO_SHORT;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a password against the rules. */
	class Check implements ConstraintValidator<Password, String> {

		/** What is wrong with the password, or null if nothing is. */
		static @Nullable String problem(@Nullable String password) {
			if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
				return TOO_SHORT;
			}
			if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
				return TOO_LONG;
			}
			return null;
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			String problem = problem(value);
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			// worded in the site's language from the bundles; problem() stays English for the start-up log
			context.buildConstraintViolationWithTemplate(
					problem.equals(TOO_SHORT) ? "{account.password.tooShort}" : "{account.password.tooLong}")
				.addConstraintViolation();
			return false;
		}

	}

}
