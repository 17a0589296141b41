package dev.blogroll;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL every test runs on, started once per test run: the database named by
 * {@code BLOGROLL_TEST_DATABASE_URL} (with {@code BLOGROLL_TEST_DATABASE_USERNAME} and
 * {@code _PASSWORD}) when set; otherwise a Testcontainers {@code postgres:17} when Docker is
 * available; otherwise an embedded PostgreSQL 17 in a temporary directory.
 */
final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static Connection connection;

	private TestDatabase() {
	}

	static synchronized Connection get() {
		if (connection == null) {
			connection = start();
		}
		return connection;
	}

	private static Connection start() {
		String url = System.getenv("BLOGROLL_TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			log.info("Tests run on the database named by BLOGROLL_TEST_DATABASE_URL");
			return new Connection(url, envOr("BLOGROLL_TEST_DATABASE_USERNAME", "postgres"),
					envOr("BLOGROLL_TEST_DATABASE_PASSWORD", ""));
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
			container.start();
			log.info("Tests run on a Testcontainers postgres:17");
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
			log.info("Docker is not available: tests run on an embedded PostgreSQL on port {}", postgres.getPort());
			return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start an embedded PostgreSQL for the tests", ex);
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// the JVM is exiting; the temporary directory goes with it
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null) ? fallback : value;
	}

	record Connection(String url, String username, String password) {
	}

}
