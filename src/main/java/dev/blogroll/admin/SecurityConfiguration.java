package dev.blogroll.admin;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.SecurityHeaders;
import dev.blogroll.web.SiteLocale;

/**
 * Two filter chains. Everything under {@code /admin} needs a signed-in editor (accounts under
 * {@code /admin/accounts} an admin), with form login, CSRF on every form, logout by POST, a new
 * session id at sign-in, throttled failures ({@link LoginThrottle}), and every session checked
 * against its account on every request ({@link AccountCheckFilter}). Redirects are relative
 * ({@code /admin/login}), never built from the request's host or forwarded headers. The public
 * site is open to all and leaves caching headers to the pages themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String LOGIN_PAGE = "/admin/login";

	/** Where an editor goes after signing in, unless a page of the admin sent them to sign in. */
	static final String AFTER_SIGN_IN = "/admin/posts";

	/** The session attribute carrying why a sign-in was refused to the sign-in page. */
	static final String LOCKOUT = "blogroll.lockout";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication // not when --import runs without a web server
	SecurityFilterChain adminChain(HttpSecurity http, LoginThrottle throttle, AccountRepository accounts,
			BlogrollProperties properties, Clock clock, KeptForms keptForms, SiteLocale siteLocale) throws Exception {
		RequestCache requestCache = new HttpSessionRequestCache();
		SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
		LoginUrlAuthenticationEntryPoint signInFirst = signInFirst();
		http.securityMatcher("/admin/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(LOGIN_PAGE, "/admin/login/**")
				.permitAll()
				.requestMatchers("/admin/accounts/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/admin/account/**")
				.authenticated()
				.anyRequest()
				.hasRole(Role.EDITOR.name()))
			.securityContext((context) -> context.securityContextRepository(contexts))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.formLogin((form) -> form.loginPage(LOGIN_PAGE)
				.successHandler((request, response, authentication) -> {
					throttle.recordSuccess(authentication.getName(), request.getRemoteAddr());
					AccountSessions.remember(request, clock.instant());
					// a form kept while the editor was signed out comes first: it is unsaved work
					boolean kept = keptForms.latest(request).isPresent();
					response.sendRedirect(kept ? KeptFormController.PATH : afterSignIn(requestCache.getRequest(request, response)));
					requestCache.removeRequest(request, response);
				})
				.failureHandler((request, response, exception) -> {
					String username = Optional.ofNullable(request.getParameter("username")).orElse("");
					throttle.recordFailure(username, request.getRemoteAddr());
					response.sendRedirect(LOGIN_PAGE + "?error");
				}))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new KeepingEntryPoint(keptForms, signInFirst))
				.accessDeniedHandler(new StaleFormHandler(keptForms, siteLocale)))
			.logout((logout) -> logout.logoutUrl("/admin/logout").logoutSuccessUrl(LOGIN_PAGE + "?signedOut"))
			.addFilterAfter(new AccountCheckFilter(accounts, contexts, properties.sessions().maxAge(), clock, keptForms),
					SecurityContextHolderFilter.class)
			.addFilterBefore(new UploadsNeedSignIn(signInFirst), CsrfFilter.class)
			.addFilterBefore(new ThrottleFilter(throttle, siteLocale), UsernamePasswordAuthenticationFilter.class)
			.headers(SecurityConfiguration::securityHeaders);
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			// WebSub hubs post to their callback without a session: pushes are signed instead
			// (HMAC with the subscription's secret, dev.blogroll.ingest.WebSubController)
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/websub/**"))
			.headers((headers) -> securityHeaders(headers.cacheControl((cache) -> cache.disable())))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true));
		return http.build();
	}

	/**
	 * Sends visitors who are not signed in to the sign-in page with a relative {@code Location}
	 * ({@code /admin/login}), never one built from the request's host or forwarded headers: the
	 * browser resolves it against the address it used, which no one else can change.
	 */
	private static LoginUrlAuthenticationEntryPoint signInFirst() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	/**
	 * The admin page that sent the editor to sign in, as a path on this site (its scheme and
	 * host, taken from the request that was saved, are dropped), or the posts table.
	 */
	static String afterSignIn(SavedRequest saved) {
		if (saved == null) {
			return AFTER_SIGN_IN;
		}
		try {
			var uri = UriComponentsBuilder.fromUriString(saved.getRedirectUrl()).build();
			String path = uri.getPath();
			if (path == null || !(path.equals("/admin") || path.startsWith("/admin/")) || path.startsWith("//")
					|| !"GET".equals(saved.getMethod())) {
				return AFTER_SIGN_IN;
			}
			return (uri.getQuery() != null) ? path + "?" + uri.getQuery() : path;
		}
		catch (IllegalArgumentException ex) {
			return AFTER_SIGN_IN;
		}
	}

	/**
	 * The headers every response carries, on both chains: a Content-Security-Policy that allows
	 * no inline script or style and no framing, {@code X-Content-Type-Options: nosniff},
	 * {@code X-Frame-Options: DENY}, a referrer policy, a permissions policy that turns off what
	 * the site never uses, and HSTS (Spring Security sends it only over HTTPS).
	 */
	static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader((permissions) -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY))
			.frameOptions((frames) -> frames.deny())
			.httpStrictTransportSecurity((hsts) -> hsts.maxAgeInSeconds(SecurityHeaders.HSTS_MAX_AGE.toSeconds()));
	}

	/** Refuses a sign-in attempt while its username, address or both are locked, saying which and how long. */
	private static final class ThrottleFilter extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		private final SiteLocale siteLocale;

		ThrottleFilter(LoginThrottle throttle, SiteLocale siteLocale) {
			this.throttle = throttle;
			this.siteLocale = siteLocale;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("POST".equals(request.getMethod()) && LOGIN_PAGE.equals(request.getRequestURI())) {
				String username = Optional.ofNullable(request.getParameter("username")).orElse("");
				Optional<LoginThrottle.Lockout> locked = this.throttle.lockedFor(username, request.getRemoteAddr());
				if (locked.isPresent()) {
					request.getSession().setAttribute(LOCKOUT, locked.get().message(this.siteLocale));
					response.sendRedirect(LOGIN_PAGE + "?locked");
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * Sends a visitor who is not signed in to the sign-in page before an upload's body is read:
	 * checking the CSRF token reads the form's fields, which for a multipart upload means
	 * receiving the whole file (up to a gigabyte for an import) for nobody.
	 */
	private static final class UploadsNeedSignIn extends OncePerRequestFilter {

		private final LoginUrlAuthenticationEntryPoint signIn;

		UploadsNeedSignIn(LoginUrlAuthenticationEntryPoint signIn) {
			this.signIn = signIn;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String type = request.getContentType();
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			boolean signedIn = authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken);
			if (!signedIn && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
				response.setHeader(HttpHeaders.CONNECTION, "close");
				this.signIn.commence(request, response, null);
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
