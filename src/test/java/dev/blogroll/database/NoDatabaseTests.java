package dev.blogroll.database;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.DefaultResourceLoader;

import dev.blogroll.BlogrollApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The production jar has no embedded PostgreSQL (zonky's classes are left out, as here by a
 * class loader that hides them): with no {@code spring.datasource.url} it stops at once, and
 * the failure analysis says what to set.
 */
class NoDatabaseTests {

	@Test
	void withoutTheEmbeddedDatabaseAMissingDatasourceStopsTheStartWithAMessage() {
		SpringApplication application = new SpringApplication(BlogrollApplication.class);
		application.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader("io.zonky.test")));
		Throwable failure = catchThrowable(
				() -> application.run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off"));

		assertThat(failure).isNotNull().hasRootCauseInstanceOf(NoDatabaseConfiguration.NoDatabaseConfiguredException.class);
		FailureAnalysis analysis = new NoDatabaseFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("SPRING_DATASOURCE_URL", "without the embedded PostgreSQL");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL=jdbc:postgresql://",
				"SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
	}

}
