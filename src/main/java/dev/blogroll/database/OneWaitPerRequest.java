package dev.blogroll.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A request waits for a database connection at most once. When PostgreSQL is away, asking the
 * pool for a connection takes its whole timeout ({@code spring.datasource.hikari.connection-timeout})
 * before failing; a request that asks twice (an unknown path's 404 page reads the site chrome,
 * a sign-in reads the throttle and then saves the session) would take twice as long to answer.
 * So once a connection could not be had in a request, every later ask in the same request,
 * error page included, fails at once with the same cause.
 * <p>
 * The request's span is the servlet container's (a {@link ServletRequestListener}), which covers
 * the error dispatch that renders a status page after the filters returned. Outside requests
 * (schedulers, the command line, start-up) nothing changes.
 */
@Configuration(proxyBeanMethods = false)
class OneWaitPerRequest {

	/** The request on this thread, if any, and the failure it met. */
	private static final ThreadLocal<Request> REQUEST = new ThreadLocal<>();

	@Bean
	static BeanPostProcessor waitOncePerRequestForAConnection() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof Guarded)) ? new Guarded(dataSource)
						: bean;
			}
		};
	}

	@Bean
	ServletRequestListener requestsWaitOnceForAConnection() {
		return new ServletRequestListener() {
			@Override
			public void requestInitialized(ServletRequestEvent event) {
				REQUEST.set(new Request());
			}

			@Override
			public void requestDestroyed(ServletRequestEvent event) {
				REQUEST.remove();
			}
		};
	}

	private static final class Request {

		private @Nullable SQLTransientConnectionException unreachable;

	}

	/** The application's data source, failing at once in a request that already waited in vain. */
	static final class Guarded extends DelegatingDataSource {

		Guarded(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			Request request = REQUEST.get();
			failIfUnreachable(request);
			try {
				return super.getConnection();
			}
			catch (SQLTransientConnectionException ex) {
				remember(request, ex);
				throw ex;
			}
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			Request request = REQUEST.get();
			failIfUnreachable(request);
			try {
				return super.getConnection(username, password);
			}
			catch (SQLTransientConnectionException ex) {
				remember(request, ex);
				throw ex;
			}
		}

		private static void failIfUnreachable(@Nullable Request request) throws SQLTransientConnectionException {
			if (request != null && request.unreachable != null) {
				throw new SQLTransientConnectionException(
						"No connection: the database could not be reached earlier in this request",
						request.unreachable.getSQLState(), request.unreachable);
			}
		}

		private static void remember(@Nullable Request request, SQLTransientConnectionException ex) {
			if (request != null) {
				request.unreachable = ex;
			}
		}

	}

}
