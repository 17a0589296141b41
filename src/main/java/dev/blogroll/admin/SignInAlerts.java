package dev.blogroll.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tells admins, on every admin page, which usernames are locked at their ceiling
 * ({@link LoginThrottle}): many failed sign-ins from many addresses, a distributed attack
 * they should know about. The list is in the page's model as {@code signInAlerts}, shown by
 * {@code admin/_nav.html}.
 */
@Configuration(proxyBeanMethods = false)
class SignInAlerts implements WebMvcConfigurer {

	private final LoginThrottle throttle;

	SignInAlerts(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					@Nullable ModelAndView modelAndView) {
				if (modelAndView != null && modelAndView.hasView() && request.isUserInRole(Role.ADMIN.name())
						&& !modelAndView.getViewName().startsWith("redirect:")) {
					modelAndView.addObject("signInAlerts", SignInAlerts.this.throttle.lockedUsernames());
				}
			}
		}).addPathPatterns("/admin/**").excludePathPatterns("/admin/login");
	}

}
