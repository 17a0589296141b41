package dev.blogroll;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.data.repository.Repository;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Lets the production jar start from the bean definitions Spring AOT wrote when it was built,
 * but only when that start makes the same application as the regular one.
 * <p>
 * {@code ./mvnw -Pproduction package} runs {@code spring-boot:process-aot}: every condition is
 * evaluated then, with the settings of that execution in {@code pom.xml}, and the beans that
 * exist are written out as code. A start with {@code -Dspring.aot.enabled=true} (deploy/Dockerfile,
 * bench/run.sh) skips parsing the configuration classes and evaluating the conditions: about an
 * eighth less time and CPU to its first page (bench/README.md, round 9).
 * <p>
 * What those settings decided cannot change at run time. So this listener, which runs once the
 * settings are read and before the application context is made, starts the regular way instead,
 * and says why in the log, when the jar has no prepared definitions (the demo jar, {@code
 * ./mvnw spring-boot:run}), when it runs a command without a web server ({@code --import},
 * {@code --export-site}), or when a setting that decides which beans exist differs from the
 * build's ({@link #differences}). Without the flag nothing changes.
 * <p>
 * A prepared start also gets what Spring Data's deferred bootstrap
 * ({@code spring.data.jpa.repositories.bootstrap-mode=deferred}) gives a regular one, but sets
 * up only while the configuration classes are processed: a bean that needs a repository gets a
 * proxy for it ({@link LazyRepositories}), so making the bean does not wait for Hibernate, which
 * is built meanwhile on another thread; the repositories are made once the context is refreshed.
 */
final class PreparedStartup implements ApplicationListener<SpringApplicationEvent> {

	private static final Logger log = LoggerFactory.getLogger(PreparedStartup.class);

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (!AotDetector.useGeneratedArtifacts()) {
			return;
		}
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			choose(prepared);
		}
		else if (event instanceof ApplicationPreparedEvent prepared
				&& prepared.getApplicationContext() instanceof GenericApplicationContext context) {
			// after the prepared definitions set their resolver, before any bean is made
			context.getDefaultListableBeanFactory().setAutowireCandidateResolver(new LazyRepositories());
			// and every repository made once the context is refreshed (the web server has started),
			// so one that cannot be made still fails the start
			context.addApplicationListener((ApplicationListener<ContextRefreshedEvent>) (refreshed) -> refreshed
				.getApplicationContext()
				.getBeansOfType(Repository.class));
		}
	}

	/** Starts the regular way, and says why, unless this start is the one prepared. */
	private static void choose(ApplicationEnvironmentPreparedEvent event) {
		SpringApplication application = event.getSpringApplication();
		List<String> reasons = new ArrayList<>();
		Class<?> main = application.getMainApplicationClass();
		if (main == null || !ClassUtils.isPresent(main.getName() + "__ApplicationContextInitializer", main.getClassLoader())) {
			reasons.add("this jar was built without it (only ./mvnw -Pproduction package prepares it)");
		}
		if (application.getWebApplicationType() != WebApplicationType.SERVLET) {
			reasons.add("a command runs without a web server");
		}
		reasons.addAll(differences(event.getEnvironment()));
		if (!reasons.isEmpty()) {
			log.warn("Starting without the start-up prepared at build time (spring.aot.enabled=true): {}",
					String.join("; ", reasons));
			System.setProperty(AotDetector.AOT_ENABLED, "false");
		}
	}

	/**
	 * The settings that decide which of Blogroll's beans exist, where they differ from those the
	 * start-up was prepared with (the {@code process-aot} execution in pom.xml and
	 * application.properties): a database URL given, the management server on its own port, the
	 * PostgreSQL search engine, the feed scheduler on, Flyway on and no Spring profile.
	 */
	static List<String> differences(ConfigurableEnvironment environment) {
		List<String> differences = new ArrayList<>();
		if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			differences.add("spring.datasource.url is not set");
		}
		if (ManagementPortType.get(environment) != ManagementPortType.DIFFERENT) {
			differences.add("management.server.port is not a port of its own");
		}
		if ("lucene".equalsIgnoreCase(environment.getProperty("blogroll.search.engine"))) {
			differences.add("blogroll.search.engine is lucene");
		}
		if (!environment.getProperty("blogroll.ingest.scheduler-enabled", "true").equalsIgnoreCase("true")) {
			differences.add("blogroll.ingest.scheduler-enabled is not true");
		}
		if (!environment.getProperty("spring.flyway.enabled", "true").equalsIgnoreCase("true")) {
			differences.add("spring.flyway.enabled is not true");
		}
		if (environment.getActiveProfiles().length > 0) {
			differences.add("a Spring profile is active");
		}
		return differences;
	}

	/**
	 * Injects a proxy for a repository, as Spring Data's deferred bootstrap does; the repository
	 * is made at its first use, or when the context is refreshed (the listener added above).
	 */
	static final class LazyRepositories extends ContextAnnotationAutowireCandidateResolver {

		@Override
		protected boolean isLazy(DependencyDescriptor descriptor) {
			return super.isLazy(descriptor) || Repository.class.isAssignableFrom(descriptor.getDependencyType());
		}

	}

}
