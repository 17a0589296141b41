package dev.blogroll.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without any account, Blogroll creates the first admin with a random password that it prints
 * once; there is no default password.
 */
@BlogrollTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTests {

	@Autowired
	private FirstAdmin firstAdmin;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anEmptyDatabaseGetsAnAdminWithARandomPasswordShownOnce(CapturedOutput output) {
		this.jdbc.sql("delete from account").update();
		this.firstAdmin.run(new DefaultApplicationArguments());
		Account admin = this.accounts.findByUsername("admin").orElseThrow();
		assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
		String log = output.getOut();
		String password = log.substring(log.indexOf("password: ") + "password: ".length()).lines().findFirst()
			.orElseThrow().strip();
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		assertThat(this.passwordEncoder.matches(password, admin.getPasswordHash())).isTrue();

		this.firstAdmin.run(new DefaultApplicationArguments());
		assertThat(this.accounts.count()).as("nothing more once an account exists").isOne();
	}

}
