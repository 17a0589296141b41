package dev.blogroll.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;

/**
 * Creates the first admin account when Blogroll starts with none, from
 * {@code BLOGROLL_ADMIN_USERNAME} and {@code BLOGROLL_ADMIN_PASSWORD}; without a password it
 * makes a random one and prints it once. There is no fixed default password anywhere.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final BlogrollProperties.FirstAdmin settings;

	private final Clock clock;

	FirstAdmin(AccountRepository accounts, PasswordEncoder passwordEncoder, BlogrollProperties properties,
			Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.settings = properties.admin();
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.count() > 0) {
			return;
		}
		String username = this.settings.username().strip().toLowerCase(Locale.ROOT);
		String password = this.settings.password();
		boolean generated = (password == null || password.isBlank());
		if (generated) {
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		}
		else if (Password.Check.problem(password) != null) {
			throw new IllegalStateException("BLOGROLL_ADMIN_PASSWORD cannot be used: " + Password.Check.problem(password));
		}
		this.accounts.save(new Account(username, this.passwordEncoder.encode(password), Role.ADMIN,
				this.clock.instant()));
		if (generated) {
			log.warn("""

					Created the first admin account. Sign in at /admin/login with
					    username: {}
					    password: {}
					This password is shown only once: change it after signing in.
					""", username, password);
		}
		else {
			log.info("Created the first admin account '{}' from BLOGROLL_ADMIN_USERNAME/PASSWORD", username);
		}
	}

}
