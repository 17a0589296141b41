package dev.blogroll.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an admin form that met the database's refusal gets, whatever the form: an outage and a
 * database too busy to take the write are {@code 503} with {@code Retry-After}, a write that lost
 * a race with another editor's is {@code 409}; all are {@code private, no-store}, go to the
 * site's own page with the form's fields to send again (never a password), and anything else is
 * left to the error page.
 */
class DatabaseOutageFilterTests {

	private final DatabaseOutageFilter filter = new DatabaseOutageFilter();

	@Test
	void anUnreachableDatabaseIs503WithTheFormKept() throws Exception {
		MockHttpServletResponse response = send(new DataAccessResourceFailureException("no connection",
				new SQLTransientConnectionException("Connection is not available, request timed out after 1200ms")));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("10");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-store");
		assertThat(response.getForwardedUrl()).isEqualTo("/error");
	}

	@Test
	void aWriteAbortedAsADeadlockEveryTimeIs503Busy() throws Exception {
		MockHttpServletRequest request = form();
		MockHttpServletResponse response = send(request,
				new CannotAcquireLockException("deadlock", new SQLException("deadlock detected", "40P01")));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isNotBlank();
		assertThat(request.getAttribute(DatabaseOutageFilter.BUSY)).isEqualTo(true);
	}

	@Test
	void aWriteThatLostARaceIs409WithTheFormKeptButNoPassword() throws Exception {
		MockHttpServletRequest request = form();
		MockHttpServletResponse response = send(request, new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505")));
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getHeader("Retry-After")).isNull();
		assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-store");
		DatabaseOutageFilter.UnsavedForm unsaved = (DatabaseOutageFilter.UnsavedForm) request
			.getAttribute(DatabaseOutageFilter.UNSAVED_FORM);
		assertThat(unsaved.action()).isEqualTo("/admin/accounts");
		assertThat(unsaved.visibleFields()).extracting(DatabaseOutageFilter.Field::name).containsExactly("username");
		assertThat(unsaved.hiddenFields()).extracting(DatabaseOutageFilter.Field::name).containsExactly("_csrf");
		assertThat(send(form(), new ObjectOptimisticLockingFailureException("Post", 1L)).getStatus()).isEqualTo(409);
	}

	@Test
	void anythingElseIsLeftToTheErrorPage() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> send(new IllegalStateException("a bug")));
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> send(
				new DataIntegrityViolationException("check", new SQLException("violates check constraint", "23514"))));
	}

	private static MockHttpServletRequest form() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/accounts");
		request.setContentType("application/x-www-form-urlencoded");
		request.addParameter("_csrf", "token");
		request.addParameter("username", "ada");
		request.addParameter("password", "a secret that must not come back");
		return request;
	}

	private MockHttpServletResponse send(RuntimeException failure) throws Exception {
		return send(form(), failure);
	}

	private MockHttpServletResponse send(MockHttpServletRequest request, RuntimeException failure) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain failing = (req, res) -> {
			throw failure;
		};
		this.filter.doFilter(request, response, failing);
		return response;
	}

}
