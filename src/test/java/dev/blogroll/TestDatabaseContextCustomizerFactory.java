package dev.blogroll;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every test application context at {@link TestDatabase}, with the demo data loaded,
 * so no test ever runs on anything but PostgreSQL. Registered in
 * {@code META-INF/spring.factories}.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new TestDatabaseCustomizer();
	}

	private static final class TestDatabaseCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestDatabase.Connection database = TestDatabase.get();
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("blogrollTestDatabase",
						Map.of("spring.datasource.url", database.url(), "spring.datasource.username",
								database.username(), "spring.datasource.password", database.password(),
								"blogroll.demo-data", "true", "spring.test.database.replace", "none",
								// feeds are fetched by the tests that want it, from a server on 127.0.0.1
								// (BlogrollTest schedules the poller, a year away)
								"blogroll.ingest.scheduler-enabled", "false", "blogroll.ingest.allow-loopback", "true")));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestDatabaseCustomizer;
		}

		@Override
		public int hashCode() {
			return TestDatabaseCustomizer.class.hashCode();
		}

	}

}
