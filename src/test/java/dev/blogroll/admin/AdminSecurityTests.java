package dev.blogroll.admin;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Who may reach the admin: every handler under {@code /admin}, found from the handler
 * mappings rather than listed by hand, refuses anonymous users, and the account pages refuse
 * editors; state changes need a CSRF token. (Sign-in throttling: {@code SignInLockoutTests}.)
 */
@BlogrollTest
class AdminSecurityTests {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	private MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMapping;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Clock clock;

	@BeforeEach
	void createEditor() {
		removeTestData();
		this.accounts.save(new Account("sec-editor", this.passwordEncoder.encode(PASSWORD), Role.EDITOR,
				this.clock.instant()));
	}

	@AfterEach
	void removeTestData() {
		this.jdbc.sql("delete from account where username like 'sec-%'").update();
		this.jdbc.sql("delete from login_failure").update();
	}

	/** Every admin URL and method, with path variables filled in. */
	private List<Endpoint> adminEndpoints() {
		Set<Endpoint> endpoints = new LinkedHashSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/admin") || pattern.equals("/admin/login")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", "1");
				Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition()
					.getMethods();
				if (methods.isEmpty()) {
					endpoints.add(new Endpoint(HttpMethod.GET, path));
				}
				methods.forEach((method) -> endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), path)));
			}
		}
		assertThat(endpoints).as("admin endpoints found").hasSizeGreaterThan(20);
		return List.copyOf(endpoints);
	}

	@Test
	void everyAdminEndpointSendsAnonymousVisitorsToTheLoginPage() throws Exception {
		for (Endpoint endpoint : adminEndpoints()) {
			MvcResult result = this.mvc.perform(request(endpoint.method(), endpoint.path()).with(csrf())).andReturn();
			assertThat(result.getResponse().getStatus()).as(endpoint.toString()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(endpoint.toString()).endsWith("/admin/login");
		}
	}

	@Test
	void accountPagesAreForAdminsOnly() throws Exception {
		for (Endpoint endpoint : adminEndpoints()) {
			if (!endpoint.path().startsWith("/admin/accounts")) {
				continue;
			}
			int status = this.mvc
				.perform(request(endpoint.method(), endpoint.path()).with(csrf()).with(user("sec-editor").roles("EDITOR")))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(endpoint.toString()).isEqualTo(403);
		}
		assertThat(this.mvc.perform(get("/admin/accounts").with(user("sec-admin").roles("ADMIN", "EDITOR")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void signedInUsersWithoutTheEditorRoleAreRefusedEverywhereButTheirOwnAccount() throws Exception {
		for (Endpoint endpoint : adminEndpoints()) {
			if (endpoint.path().startsWith("/admin/account/") || endpoint.path().equals("/admin/logout")) {
				continue;
			}
			int status = this.mvc
				.perform(request(endpoint.method(), endpoint.path()).with(csrf()).with(user("sec-reader").roles("READER")))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(endpoint.toString()).isEqualTo(403);
		}
	}

	@Test
	void everyStateChangeWithoutACsrfTokenIsRefused() throws Exception {
		for (Endpoint endpoint : adminEndpoints()) {
			if (endpoint.method() == HttpMethod.GET) {
				continue;
			}
			int status = this.mvc
				.perform(request(endpoint.method(), endpoint.path()).with(user("sec-admin").roles("ADMIN", "EDITOR")))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(endpoint + " without CSRF token").isEqualTo(403);
		}
	}

	@Test
	void lockTimesGrowAndAreCapped() {
		assertThat(LoginThrottle.lockFor(5)).hasSeconds(30);
		assertThat(LoginThrottle.lockFor(6)).hasSeconds(60);
		assertThat(LoginThrottle.lockFor(50)).hasMinutes(15);
	}

	@Test
	void signingOutNeedsAPost() throws Exception {
		assertThat(this.mvc.perform(get("/admin/logout").with(user("sec-editor").roles("EDITOR"))).andReturn()
			.getResponse().getStatus()).as("no sign-out by link").isEqualTo(404);
		MvcResult result = this.mvc.perform(post("/admin/logout").with(csrf()).with(user("sec-editor").roles("EDITOR")))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/login?signedOut");
	}

	@Test
	void adminPagesAreNeverCached() throws Exception {
		MvcResult result = this.mvc.perform(get("/admin/posts").with(user("sec-editor").roles("EDITOR"))).andReturn();
		assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
	}

	record Endpoint(HttpMethod method, String path) {
	}

}
