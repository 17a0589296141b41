package dev.blogroll.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Compares a signed-in session with its account on every admin request, so that what an admin
 * takes away is gone at once, on every instance, even for a session in the middle of its work:
 * <ul>
 * <li>an account disabled or deleted, or whose password has changed since this session signed
 * in, is signed out;
 * <li>a session older than {@code blogroll.sessions.max-age} is signed out, however busy (the
 * idle timeout is Spring Session's);
 * <li>a role that changed takes effect on this request: a demoted admin's open session is an
 * editor's from then on and cannot open the accounts page, let alone promote itself back.
 * </ul>
 * Runs for sessions signed in through Blogroll's sign-in page ({@link SignedInAccount}), the only
 * way to sign in. (Spring Security's test support signs in made-up users that have no account;
 * they are left alone.) One query per admin request, by the unique username.
 */
final class AccountCheckFilter extends OncePerRequestFilter {

	private final AccountRepository accounts;

	private final SecurityContextRepository contexts;

	private final Duration maxAge;

	private final Clock clock;

	private final @Nullable KeptForms keptForms;

	AccountCheckFilter(AccountRepository accounts, SecurityContextRepository contexts, Duration maxAge, Clock clock) {
		this(accounts, contexts, maxAge, clock, null);
	}

	/** With {@code keptForms}, a form sent by a session that has grown too old is kept for after sign-in. */
	AccountCheckFilter(AccountRepository accounts, SecurityContextRepository contexts, Duration maxAge, Clock clock,
			@Nullable KeptForms keptForms) {
		this.accounts = accounts;
		this.contexts = contexts;
		this.maxAge = maxAge;
		this.clock = clock;
		this.keptForms = keptForms;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount signedIn)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Account> account = this.accounts.findByUsername(signedIn.getUsername());
		String ended = null;
		if (account.isEmpty() || !account.get().isEnabled()) {
			ended = "disabled";
		}
		else if (!signedIn.samePassword(account.get())) {
			ended = "password";
		}
		else if (tooOld(request.getSession(false))) {
			ended = "expired";
		}
		if (ended != null) {
			// the editor's own work is kept when their session simply ran out or their password changed
			boolean kept = this.keptForms != null && !"disabled".equals(ended) && "POST".equals(request.getMethod())
					&& this.keptForms.keep(request, response) == KeptForms.Outcome.KEPT;
			signOut(request);
			response.sendRedirect(SecurityConfiguration.LOGIN_PAGE + "?ended=" + ended + (kept ? "&kept" : ""));
			return;
		}
		if (!SignedInAccount.grants(account.get().getRole(), authentication.getAuthorities())) {
			refresh(account.get(), request, response);
		}
		chain.doFilter(request, response);
	}

	/** Signed in longer ago than the maximum age (a session from before sign-ins were noted: created). */
	private boolean tooOld(@Nullable HttpSession session) {
		if (session == null) {
			return false;
		}
		Instant signedIn = AccountSessions.signedInAt(session);
		if (signedIn == null) {
			signedIn = Instant.ofEpochMilli(session.getCreationTime());
		}
		return signedIn.plus(this.maxAge).isBefore(this.clock.instant());
	}

	/** Puts the account's current role into this session, from this request on. */
	private void refresh(Account account, HttpServletRequest request, HttpServletResponse response) {
		SignedInAccount principal = new SignedInAccount(account);
		principal.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	private static void signOut(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

}
