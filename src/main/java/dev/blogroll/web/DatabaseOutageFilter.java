package dev.blogroll.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import dev.blogroll.database.DatabaseBusyException;
import dev.blogroll.database.DatabaseFailures;

/**
 * Answers a request that failed because of the database with the site's own stand-alone page
 * instead of an error page, wherever the failure happened: in a page, in the rendered-page
 * cache, in the session store or in sign-in.
 * <ul>
 * <li>PostgreSQL cannot be reached: {@code 503 Service Unavailable} with {@code Retry-After}
 * ({@code error/503.html}, which never touches the database);
 * <li>a write PostgreSQL kept aborting as a deadlock or serialization failure (after
 * {@link dev.blogroll.database.Writes} ran it again), or that waited too long for a lock: the
 * same, saying the database was busy;
 * <li>a write refused because another one changed the same thing at the same moment (a unique
 * or foreign-key constraint, an optimistic-lock failure) that no form handled better:
 * {@code 409 Conflict} ({@code error/409.html}).
 * </ul>
 * Nothing is cached and no stack trace is logged, one line is. An editor's form sent meanwhile
 * is not lost: its fields go back to the editor on the page, in a form that sends them again.
 */
@Component
@Order(FilterOrder.DATABASE_OUTAGE)
class DatabaseOutageFilter extends SiteFilter {

	/** Seconds a client should wait before asking again. */
	static final String RETRY_AFTER = "10";

	/** The request attribute that carries an unsaved form to the 503 page. */
	static final String UNSAVED_FORM = "unsavedForm";

	/** The request attribute that says the 503 is for a busy database, not an unreachable one. */
	static final String BUSY = "busy";

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			Failure failure = Failure.of(ex);
			if (failure == null || response.isCommitted()) {
				throw ex;
			}
			log.warn("{}: {} {} answered {} ({})", failure.logged, request.getMethod(), request.getRequestURI(),
					failure.status, rootCause(ex));
			if (isAdminForm(request)) {
				request.setAttribute(UNSAVED_FORM, UnsavedForm.of(request));
			}
			request.setAttribute(BUSY, failure == Failure.BUSY);
			// the failure may have come before Spring Security's filters wrote their headers
			SecurityHeaders.addMissing(request, response);
			if (failure != Failure.CONFLICT) {
				response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
			}
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControlFilter.NO_STORE);
			response.setStatus(failure.status);
			// a forward, not sendError: an error dispatch passes the session filter again, and
			// looking up the session (even for flash attributes) needs the database
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, failure.status);
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
			request.getRequestDispatcher("/error").forward(request, response);
		}
	}

	/** What kind of database failure a request met, if any. */
	enum Failure {

		OUTAGE(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Database unavailable"),

		BUSY(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Database busy"),

		CONFLICT(HttpServletResponse.SC_CONFLICT, "Concurrent change");

		private final int status;

		private final String logged;

		Failure(int status, String logged) {
			this.status = status;
			this.logged = logged;
		}

		static @Nullable Failure of(Throwable failure) {
			if (isDatabaseOutage(failure)) {
				return OUTAGE;
			}
			if (isBusy(failure)) {
				return BUSY;
			}
			if (DatabaseFailures.isLostRace(failure)) {
				return CONFLICT;
			}
			return null;
		}

		private static boolean isBusy(Throwable failure) {
			return causedBy(failure, DatabaseBusyException.class) || DatabaseFailures.isTransient(failure)
					|| causedBy(failure, PessimisticLockingFailureException.class);
		}

		private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (type.isInstance(cause)) {
					return true;
				}
				if (cause.getCause() == cause) {
					break;
				}
			}
			return false;
		}

	}

	static boolean isDatabaseOutage(Throwable failure) {
		return DatabaseFailures.isUnreachable(failure);
	}

	private static String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static boolean isAdminForm(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && CacheControlFilter.isAdmin(request.getRequestURI())
				&& request.getContentType() != null
				&& request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	/**
	 * A form that could not be saved: where it was going and what was in it, to show the editor
	 * and send again.
	 *
	 * @param action the path the form was sent to
	 * @param fields its fields, in order
	 */
	record UnsavedForm(String action, List<Field> fields) {

		/** The request's fields, but never a password: it would come back in the page's HTML. */
		static UnsavedForm of(HttpServletRequest request) {
			List<Field> fields = new ArrayList<>();
			request.getParameterMap().forEach((name, values) -> {
				if (!name.toLowerCase(Locale.ROOT).contains("password")) {
					for (String value : values) {
						fields.add(new Field(name, value));
					}
				}
			});
			return new UnsavedForm(request.getRequestURI(), List.copyOf(fields));
		}

		/** The fields an editor typed, as opposed to hidden ones such as the CSRF token. */
		public List<Field> visibleFields() {
			return this.fields.stream().filter((field) -> !field.hidden()).toList();
		}

		public List<Field> hiddenFields() {
			return this.fields.stream().filter(Field::hidden).toList();
		}

	}

	/**
	 * One form field.
	 *
	 * @param name its name
	 * @param value what the editor sent
	 */
	record Field(String name, String value) {

		public boolean hidden() {
			return this.name.startsWith("_") || this.name.equals("version");
		}

		public boolean multiline() {
			return this.value.contains("\n") || this.value.length() > 80;
		}

	}

}
