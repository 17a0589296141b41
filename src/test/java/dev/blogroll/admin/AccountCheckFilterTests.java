package dev.blogroll.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The per-request comparison of a session with its account, with a clock the test moves: a
 * session lives at most {@code max-age} however busy, and a role taken away is taken away on
 * the next request.
 */
class AccountCheckFilterTests {

	private static final Instant SIGNED_IN = Instant.parse("2026-03-02T08:00:00Z");

	private final AccountRepository accounts = mock(AccountRepository.class);

	private final Account account = new Account("check-editor", "{bcrypt}hash", Role.ADMIN, SIGNED_IN);

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aBusySessionEndsAtItsMaximumAge() throws Exception {
		when(this.accounts.findByUsername("check-editor")).thenReturn(Optional.of(this.account));
		assertThat(run(SIGNED_IN.plus(Duration.ofHours(11).plusMinutes(59))).getRedirectedUrl()).isNull();
		MockHttpServletResponse tooOld = run(SIGNED_IN.plus(Duration.ofHours(12).plusMinutes(1)));
		assertThat(tooOld.getRedirectedUrl()).isEqualTo("/admin/login?ended=expired");
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void aChangedRoleTakesEffectOnTheNextRequest() throws Exception {
		when(this.accounts.findByUsername("check-editor")).thenReturn(Optional.of(this.account));
		signIn();
		this.account.changeRole(Role.EDITOR, SIGNED_IN);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter(SIGNED_IN.plusSeconds(60)).doFilter(request(), response, chain);
		assertThat(chain.getRequest()).as("the request goes on, as an editor's").isNotNull();
		assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities())
			.extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_EDITOR");
	}

	@Test
	void aDisabledAccountIsSignedOut() throws Exception {
		this.account.setEnabled(false, SIGNED_IN);
		when(this.accounts.findByUsername("check-editor")).thenReturn(Optional.of(this.account));
		assertThat(run(SIGNED_IN.plusSeconds(60)).getRedirectedUrl()).isEqualTo("/admin/login?ended=disabled");
		when(this.accounts.findByUsername("check-editor")).thenReturn(Optional.empty());
		assertThat(run(SIGNED_IN.plusSeconds(60)).getRedirectedUrl()).isEqualTo("/admin/login?ended=disabled");
	}

	@Test
	void usersMadeUpByTestsAreLeftAlone() throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
					User.withUsername("made-up").password("x").roles("EDITOR").build(), null,
					SignedInAccount.authorities(Role.EDITOR)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter(SIGNED_IN).doFilter(request(), response, new MockFilterChain());
		assertThat(response.getRedirectedUrl()).isNull();
		verifyNoInteractions(this.accounts);
	}

	private MockHttpServletResponse run(Instant now) throws Exception {
		signIn();
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter(now).doFilter(request(), response, new MockFilterChain());
		return response;
	}

	private void signIn() {
		SignedInAccount principal = new SignedInAccount(this.account);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
					SignedInAccount.authorities(Role.ADMIN)));
	}

	private MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/posts");
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(AccountSessions.SIGNED_IN_AT, SIGNED_IN.toEpochMilli());
		request.setSession(session);
		return request;
	}

	private AccountCheckFilter filter(Instant now) {
		return new AccountCheckFilter(this.accounts, new HttpSessionSecurityContextRepository(), Duration.ofHours(12),
				Clock.fixed(now, ZoneOffset.UTC));
	}

}
