package dev.blogroll;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.repository.Repository;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production jar starts from its build-time bean definitions (Spring AOT) only when asked
 * and only when that makes the same application; otherwise it starts the regular way and says
 * why. The jar itself is started so by bench/run.sh and deploy/Dockerfile.
 */
@ExtendWith(OutputCaptureExtension.class)
class PreparedStartupTests {

	@AfterEach
	void forgetTheFlag() {
		System.clearProperty(AotDetector.AOT_ENABLED);
	}

	@Test
	void theProductionSettingsAreTheOnesTheStartWasPreparedWith() {
		assertThat(PreparedStartup.differences(production())).isEmpty();
	}

	@Test
	void eachSettingThatDecidesWhichBeansExistIsCompared() {
		assertThat(PreparedStartup.differences(production().withProperty("spring.datasource.url", "")))
			.containsExactly("spring.datasource.url is not set");
		assertThat(PreparedStartup.differences(production().withProperty("server.port", "8081")))
			.containsExactly("management.server.port is not a port of its own");
		assertThat(PreparedStartup.differences(production().withProperty("management.server.port", "-1")))
			.containsExactly("management.server.port is not a port of its own");
		assertThat(PreparedStartup.differences(production().withProperty("blogroll.search.engine", "Lucene")))
			.containsExactly("blogroll.search.engine is lucene");
		assertThat(PreparedStartup.differences(production().withProperty("blogroll.search.engine", "postgresql")))
			.isEmpty();
		assertThat(PreparedStartup.differences(production().withProperty("blogroll.ingest.scheduler-enabled", "false")))
			.containsExactly("blogroll.ingest.scheduler-enabled is not true");
		assertThat(PreparedStartup.differences(production().withProperty("spring.flyway.enabled", "false")))
			.containsExactly("spring.flyway.enabled is not true");
		MockEnvironment profiled = production();
		profiled.setActiveProfiles("staging");
		assertThat(PreparedStartup.differences(profiled)).containsExactly("a Spring profile is active");
	}

	@Test
	void withoutTheFlagNothingChanges(CapturedOutput output) {
		environmentPrepared(Prepared.class, WebApplicationType.SERVLET, production().withProperty("blogroll.search.engine", "lucene"));

		assertThat(System.getProperty(AotDetector.AOT_ENABLED)).isNull();
		assertThat(output).doesNotContain("Starting without the start-up prepared at build time");
	}

	@Test
	void aPreparedJarWithItsSettingsStartsFromWhatWasPrepared(CapturedOutput output) {
		assertThat(startsPrepared(Prepared.class, WebApplicationType.SERVLET, production())).isTrue();
		assertThat(output).doesNotContain("Starting without the start-up prepared at build time");
	}

	@Test
	void otherSettingsStartTheRegularWayAndSayWhy(CapturedOutput output) {
		assertThat(startsPrepared(Prepared.class, WebApplicationType.SERVLET,
				production().withProperty("blogroll.search.engine", "lucene")))
			.isFalse();
		assertThat(output).contains(
				"Starting without the start-up prepared at build time (spring.aot.enabled=true): blogroll.search.engine is lucene");
	}

	@Test
	void aCommandStartsTheRegularWay(CapturedOutput output) {
		assertThat(startsPrepared(Prepared.class, WebApplicationType.NONE, production())).isFalse();
		assertThat(output).contains("a command runs without a web server");
	}

	@Test
	void aJarBuiltWithoutItStartsTheRegularWay(CapturedOutput output) {
		assertThat(startsPrepared(NotPrepared.class, WebApplicationType.SERVLET, production())).isFalse();
		assertThat(output).contains("this jar was built without it");
	}

	@Test
	void aPreparedStartGivesBeansAProxyForTheirRepositoriesAsTheDeferredBootstrapDoes() {
		System.setProperty(AotDetector.AOT_ENABLED, "true");
		AtomicInteger made = new AtomicInteger();
		try (GenericApplicationContext context = contextWithARepository(made)) {
			contextPrepared(context);
			context.getDefaultListableBeanFactory().preInstantiateSingletons();

			assertThat(made).as("the repository is not made with the bean that needs it").hasValue(0);
			assertThat(context.getDefaultListableBeanFactory().getBean(Reader.class).things.count()).isEqualTo(42);
			assertThat(made).hasValue(1);
		}
	}

	@Test
	void aPreparedStartMakesTheRepositoriesOnceTheContextIsRefreshed() {
		System.setProperty(AotDetector.AOT_ENABLED, "true");
		AtomicInteger made = new AtomicInteger();
		try (GenericApplicationContext context = contextWithARepository(made)) {
			contextPrepared(context);
			context.refresh();

			assertThat(made).hasValue(1);
		}
	}

	@Test
	void aRegularStartLeavesRepositoriesToSpringData() {
		AtomicInteger made = new AtomicInteger();
		try (GenericApplicationContext context = contextWithARepository(made)) {
			contextPrepared(context);
			context.getDefaultListableBeanFactory().preInstantiateSingletons();

			assertThat(made).as("no proxy: the repository is made with the bean that needs it").hasValue(1);
		}
	}

	/** A repository bean made lazily, as Spring Data registers them, and a bean that needs it. */
	private static GenericApplicationContext contextWithARepository(AtomicInteger made) {
		GenericApplicationContext context = new GenericApplicationContext();
		// what the prepared definitions' initializer sets
		context.getDefaultListableBeanFactory().setAutowireCandidateResolver(new ContextAnnotationAutowireCandidateResolver());
		context.registerBean(Things.class, () -> {
			made.incrementAndGet();
			return () -> 42;
		}, (definition) -> definition.setLazyInit(true));
		context.registerBean(Reader.class);
		return context;
	}

	interface Things extends Repository<Object, Long> {

		long count();

	}

	static final class Reader {

		final Things things;

		public Reader(Things things) {
			this.things = things;
		}

	}

	/** As deploy/Dockerfile and bench/run.sh start the production jar (application.properties' management port). */
	private static MockEnvironment production() {
		return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/blogroll")
			.withProperty("management.server.port", "8081");
	}

	/** Whether a start asked for with -Dspring.aot.enabled=true goes on from what was prepared. */
	private static boolean startsPrepared(Class<?> main, WebApplicationType type, MockEnvironment environment) {
		System.setProperty(AotDetector.AOT_ENABLED, "true");
		environmentPrepared(main, type, environment);
		return AotDetector.useGeneratedArtifacts();
	}

	private static void contextPrepared(GenericApplicationContext context) {
		new PreparedStartup().onApplicationEvent(
				new ApplicationPreparedEvent(new SpringApplication(Prepared.class), new String[0], context));
	}

	private static void environmentPrepared(Class<?> main, WebApplicationType type, MockEnvironment environment) {
		SpringApplication application = new SpringApplication(main);
		application.setMainApplicationClass(main);
		application.setWebApplicationType(type);
		new PreparedStartup().onApplicationEvent(
				new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), application, new String[0], environment));
	}

	/** A main class that process-aot has prepared: its initializer is the class below. */
	static final class Prepared {

	}

	/** What process-aot writes for {@link Prepared}, by name. */
	static final class Prepared__ApplicationContextInitializer {

	}

	static final class NotPrepared {

	}

}
