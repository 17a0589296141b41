package dev.blogroll.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.blogroll.database.NoDatabaseConfiguration.NoDatabaseConfiguredException;

/**
 * Tells the operator of the production jar what to set when no database is configured.
 * Registered in {@code META-INF/spring.factories}.
 */
class NoDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseConfiguredException> {

	static final String DESCRIPTION = "Blogroll has no database to use: SPRING_DATASOURCE_URL "
			+ "(spring.datasource.url) is not set, and this jar was built without the embedded PostgreSQL "
			+ "(the production build, -Pproduction).";

	static final String ACTION = """
			Point Blogroll at PostgreSQL 15 or newer:
			    SPRING_DATASOURCE_URL=jdbc:postgresql://HOST:5432/blogroll
			    SPRING_DATASOURCE_USERNAME=blogroll
			    SPRING_DATASOURCE_PASSWORD=...
			Flyway creates the schema at start-up. For a demo without a database server, use the
			jar built by a plain ./mvnw package, or ./mvnw spring-boot:run.""";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseConfiguredException cause) {
		return new FailureAnalysis(DESCRIPTION, ACTION, cause);
	}

}
