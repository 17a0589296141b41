package dev.blogroll.admin;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.blogroll.web.SecurityHeaders;

/**
 * Two filter chains. Everything under {@code /admin} needs a signed-in editor (accounts under
 * {@code /admin/accounts} an admin), with form login, CSRF on every form, logout by POST, a new
 * session id at sign-in and throttled failures. The public site is open to all and leaves
 * caching headers to the pages themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String LOGIN_PAGE = "/admin/login";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication // not when --import runs without a web server
	SecurityFilterChain adminChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler afterSignIn = new SavedRequestAwareAuthenticationSuccessHandler();
		afterSignIn.setDefaultTargetUrl("/admin/posts");
		http.securityMatcher("/admin/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(LOGIN_PAGE, "/admin/login/**")
				.permitAll()
				.requestMatchers("/admin/accounts/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/admin/account/**")
				.authenticated()
				.anyRequest()
				.hasRole(Role.EDITOR.name()))
			.formLogin((form) -> form.loginPage(LOGIN_PAGE)
				.successHandler((request, response, authentication) -> {
					throttle.recordSuccess(authentication.getName());
					afterSignIn.onAuthenticationSuccess(request, response, authentication);
				})
				.failureHandler((request, response, exception) -> {
					String username = Optional.ofNullable(request.getParameter("username")).orElse("");
					throttle.recordFailure(username, request.getRemoteAddr());
					response.sendRedirect(LOGIN_PAGE + "?error");
				}))
			.logout((logout) -> logout.logoutUrl("/admin/logout").logoutSuccessUrl(LOGIN_PAGE + "?signedOut"))
			.addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.headers(SecurityConfiguration::securityHeaders);
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.headers((headers) -> securityHeaders(headers.cacheControl((cache) -> cache.disable())))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true));
		return http.build();
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
			.httpStrictTransportSecurity((hsts) -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds()));
	}

	/** Refuses a sign-in attempt while its username or client address is locked. */
	private static final class ThrottleFilter extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		ThrottleFilter(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("POST".equals(request.getMethod()) && LOGIN_PAGE.equals(request.getRequestURI())) {
				String username = Optional.ofNullable(request.getParameter("username")).orElse("");
				Optional<Duration> locked = this.throttle.lockedFor(username, request.getRemoteAddr());
				if (locked.isPresent()) {
					long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
					response.sendRedirect(LOGIN_PAGE + "?locked=" + minutes);
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

}
