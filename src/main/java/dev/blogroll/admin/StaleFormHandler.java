package dev.blogroll.admin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import dev.blogroll.web.ErrorPages;
import dev.blogroll.web.SiteLocale;

/**
 * Answers a refused admin request with the site's pages, never a bare 403. A form whose CSRF
 * token is missing or stale is what an editor sends after their session ended (signed out in
 * another tab, the idle timeout) or after signing in again in another tab: its input is kept
 * ({@link KeptForms}) and comes back in the form, after signing in if need be. A sign-in page
 * left open past its session just asks to sign in again. Anything else refused is the 403 page
 * saying so in words.
 */
final class StaleFormHandler implements AccessDeniedHandler {

	private final KeptForms keptForms;

	private final SiteLocale siteLocale;

	StaleFormHandler(KeptForms keptForms, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.keptForms = keptForms;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		boolean signedIn = isSignedIn();
		if (denied instanceof CsrfException && "POST".equals(request.getMethod())) {
			String path = request.getRequestURI();
			if (path.equals(SecurityConfiguration.LOGIN_PAGE)) {
				response.sendRedirect(SecurityConfiguration.LOGIN_PAGE + "?stale");
				return;
			}
			if (!signedIn && path.equals("/admin/logout")) {
				response.sendRedirect(SecurityConfiguration.LOGIN_PAGE + "?signedOut");
				return;
			}
			if (!signedIn) {
				response.sendRedirect(KeepingEntryPoint.signInPage(this.keptForms.keep(request, response)));
				return;
			}
			if (this.keptForms.keep(request, response) == KeptForms.Outcome.KEPT) {
				response.sendRedirect(KeptFormController.PATH);
				return;
			}
			ErrorPages.send(request, response, HttpServletResponse.SC_FORBIDDEN,
					this.siteLocale.text("admin.form.expired"));
			return;
		}
		ErrorPages.send(request, response, HttpServletResponse.SC_FORBIDDEN,
				this.siteLocale.text("admin.form.forbidden"));
	}

	private static boolean isSignedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
