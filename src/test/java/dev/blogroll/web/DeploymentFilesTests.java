package dev.blogroll.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import dev.blogroll.BlogrollTest;
import dev.blogroll.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files in {@code deploy/} can't be run here (no container engine), so they are
 * checked against the application itself: every image is pinned (Blogroll's to this build's
 * version), every port is the one Blogroll listens on, every environment variable binds to a
 * real setting (Spring Boot's relaxed binding, against the configuration metadata of Boot and
 * of {@code BlogrollProperties}: a renamed setting fails here), and every probe path answers
 * 200 on a running Blogroll's management port. The Kubernetes objects hang together
 * (selectors, port names, replicas, resources, the Secret's keys).
 */
@BlogrollTest
class DeploymentFilesTests {

	private static final Path DEPLOY = Path.of("deploy");

	/** Variables for the JVM and the C library, not for Spring. */
	private static final Set<String> NOT_SPRING = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX");

	private static Set<String> settings;

	private static Set<String> mapSettings;

	private static Properties application;

	@LocalManagementPort
	private int managementPort;

	@BeforeAll
	static void readTheApplicationsSettings() throws IOException {
		settings = new HashSet<>();
		mapSettings = new HashSet<>();
		for (URL metadata : Collections.list(DeploymentFilesTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				for (JsonNode property : JsonMapper.shared().readTree(in).path("properties")) {
					String name = property.path("name").asString();
					if (ConfigurationPropertyName.isValid(name)) {
						(property.path("type").asString("").startsWith("java.util.Map") ? mapSettings : settings).add(name);
					}
				}
			}
		}
		assertThat(settings).contains("spring.datasource.url", "blogroll.site-url", "management.server.port");
		application = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
	}

	@Test
	void composeUsesPinnedImagesRealPortsAndRealSettings() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("docker-compose.yml")));
		Map<String, Object> services = map(compose, "services");
		assertThat(services).containsKeys("postgres", "blogroll", "nginx");
		services.forEach((name, service) -> assertPinned(name, (String) map(services, name).get("image")));
		assertThat(map(services, "blogroll").get("image")).isEqualTo("blogroll:" + projectVersion());
		assertSupportedPostgres((String) map(services, "postgres").get("image"));

		Map<String, Object> blogroll = map(services, "blogroll");
		Map<String, Object> build = map(blogroll, "build");
		assertThat(DEPLOY.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"))).exists();
		assertThat(list(blogroll, "expose")).map(String::valueOf).containsExactlyInAnyOrder(serverPort(), managementPort());
		map(blogroll, "environment").keySet().forEach(DeploymentFilesTests::assertBindsToASetting);
		assertThat(map(blogroll, "environment")).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD");
		String datasource = (String) map(blogroll, "environment").get("SPRING_DATASOURCE_URL");
		assertThat(datasource).startsWith("jdbc:postgresql://postgres:5432/")
			.endsWith("/" + map(map(services, "postgres"), "environment").get("POSTGRES_DB"));

		Map<String, Object> nginx = map(services, "nginx");
		assertThat(list(nginx, "volumes")).anySatisfy((volume) -> {
			String source = String.valueOf(volume).split(":")[0];
			assertThat(DEPLOY.resolve(source)).exists();
		});
		assertThat(Files.readString(DEPLOY.resolve("nginx/nginx.conf"))).contains("server blogroll:" + serverPort());
	}

	@Test
	void theDockerfileExposesRealPortsAndChecksARealProbe() throws IOException {
		String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
		assertThat(dockerfile).contains("EXPOSE " + serverPort() + " " + managementPort())
			.contains("-Pproduction package")
			.contains("extract --layers --destination")
			// the CDS archive is recorded in the image that runs it and used by every start
			.contains("-XX:ArchiveClassesAtExit=blogroll.jsa -Dspring.context.exit=onRefresh")
			.contains("-XX:SharedArchiveFile=blogroll.jsa")
			.contains("ENTRYPOINT [\"java\", \"-jar\", \"blogroll.jar\"]")
			.containsPattern("(?m)^USER 10001");
		for (String line : dockerfile.split("\n")) {
			if (line.startsWith("FROM ")) {
				assertPinned(line, line.split("\\s+")[1]);
			}
		}
		Matcher healthcheck = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+).*GET (\\S+) HTTP").matcher(dockerfile);
		assertThat(healthcheck.find()).as("the HEALTHCHECK's request").isTrue();
		assertThat(healthcheck.group(1)).isEqualTo(managementPort());
		assertProbeAnswers(healthcheck.group(2));
	}

	@Test
	void kubernetesObjectsHangTogetherAndMatchTheApplication() throws IOException {
		Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
		for (Object document : new Yaml().loadAll(Files.readString(DEPLOY.resolve("kubernetes/blogroll.yaml")))) {
			@SuppressWarnings("unchecked")
			Map<String, Object> object = (Map<String, Object>) document;
			objects.put((String) object.get("kind"), object);
		}
		assertThat(objects).containsKeys("Secret", "Deployment", "PodDisruptionBudget", "Service", "Ingress");

		Map<String, Object> secret = objects.get("Secret");
		Map<String, Object> secretValues = map(secret, "stringData");
		assertThat(secretValues).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD", "BLOGROLL_ADMIN_PASSWORD");
		secretValues.keySet().forEach(DeploymentFilesTests::assertBindsToASetting);

		Map<String, Object> deployment = map(objects.get("Deployment"), "spec");
		assertThat((Integer) deployment.get("replicas")).isGreaterThanOrEqualTo(2);
		Map<String, Object> labels = map(map(deployment, "selector"), "matchLabels");
		Map<String, Object> pod = map(map(deployment, "template"), "spec");
		assertThat(map(map(map(deployment, "template"), "metadata"), "labels")).containsAllEntriesOf(labels);
		Map<String, Object> container = element(list(pod, "containers"), 0);
		assertThat(container.get("image")).isEqualTo("blogroll:" + projectVersion());

		Map<String, String> ports = new LinkedHashMap<>();
		for (Object port : list(container, "ports")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> named = (Map<String, Object>) port;
			ports.put((String) named.get("name"), String.valueOf(named.get("containerPort")));
		}
		assertThat(ports).containsEntry("http", serverPort()).containsEntry("management", managementPort());

		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			Map<String, Object> httpGet = map(map(container, probe), "httpGet");
			assertThat(ports.get(String.valueOf(httpGet.get("port")))).as(probe + " port").isEqualTo(managementPort());
			assertProbeAnswers((String) httpGet.get("path"));
		}
		assertThat(map(map(container, "readinessProbe"), "httpGet").get("path")).isEqualTo("/actuator/health/readiness");
		assertThat(map(map(container, "livenessProbe"), "httpGet").get("path")).isEqualTo("/actuator/health/liveness");

		for (Object variable : list(container, "env")) {
			@SuppressWarnings("unchecked")
			String name = (String) ((Map<String, Object>) variable).get("name");
			assertBindsToASetting(name);
		}
		Map<String, Object> envFrom = element(list(container, "envFrom"), 0);
		assertThat(map(envFrom, "secretRef").get("name")).isEqualTo(map(secret, "metadata").get("name"));

		Map<String, Object> resources = map(container, "resources");
		assertThat(map(resources, "requests")).containsKeys("cpu", "memory");
		assertThat(map(resources, "limits")).containsKey("memory");
		assertThat((Integer) pod.get("terminationGracePeriodSeconds"))
			.as("room for preStop and the graceful shutdown phase")
			.isGreaterThan(5 + seconds(application.getProperty("spring.lifecycle.timeout-per-shutdown-phase")));

		Map<String, Object> budget = map(objects.get("PodDisruptionBudget"), "spec");
		assertThat(map(map(budget, "selector"), "matchLabels")).isEqualTo(labels);
		assertThat((Integer) budget.get("minAvailable")).isLessThan((Integer) deployment.get("replicas"));

		Map<String, Object> service = map(objects.get("Service"), "spec");
		assertThat(map(service, "selector")).isEqualTo(labels);
		Map<String, Object> servicePort = element(list(service, "ports"), 0);
		assertThat(ports).containsKey((String) servicePort.get("targetPort"));

		Map<String, Object> rule = element(list(map(objects.get("Ingress"), "spec"), "rules"), 0);
		Map<String, Object> backend = map(map(element(list(map(rule, "http"), "paths"), 0), "backend"), "service");
		assertThat(backend.get("name")).isEqualTo(map(objects.get("Service"), "metadata").get("name"));
		assertThat(map(backend, "port").get("name")).isEqualTo(servicePort.get("name"));
	}

	/**
	 * The JVM's flags are written in four places: the image's {@code JAVA_TOOL_OPTIONS}, the
	 * Kubernetes Deployment's, the benchmarks' {@code bench/jvm-options.sh} (what the figures in
	 * bench/RESULTS.md were measured with) and docs/operations.md. A flag added to one and not
	 * the others would make the benchmark measure a JVM nobody deploys.
	 */
	@Test
	void theImageTheDeploymentAndTheBenchmarksStartTheJvmWithTheSameFlags() throws IOException {
		Matcher benchmarks = Pattern.compile("(?m)^BLOGROLL_JAVA_OPTS=\"([^\"]+)\"")
			.matcher(Files.readString(Path.of("bench/jvm-options.sh")));
		assertThat(benchmarks.find()).as("BLOGROLL_JAVA_OPTS in bench/jvm-options.sh").isTrue();
		List<String> flags = List.of(benchmarks.group(1).split(" "));
		assertThat(flags).contains("-Xmx128m", "-XX:ArchiveRelocationMode=0", "-Dspring.aot.enabled=true");

		Matcher image = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]+)\"").matcher(Files.readString(DEPLOY.resolve("Dockerfile")));
		assertThat(image.find()).as("the Dockerfile's JAVA_TOOL_OPTIONS").isTrue();
		assertThat(image.group(1).split(" ")).as("the image's flags").contains(flags.toArray(String[]::new));

		Matcher deployment = Pattern.compile("name: JAVA_TOOL_OPTIONS\\s+value: (.+)")
			.matcher(Files.readString(DEPLOY.resolve("kubernetes/blogroll.yaml")));
		assertThat(deployment.find()).as("the Deployment's JAVA_TOOL_OPTIONS").isTrue();
		assertThat(deployment.group(1).trim().split(" ")).as("the Deployment's flags").contains(flags.toArray(String[]::new));

		String operations = Files.readString(Path.of("docs/operations.md"));
		assertThat(flags).allSatisfy((flag) -> assertThat(operations).as("docs/operations.md names " + flag).contains(flag));
	}

	@Test
	void aVariableForASettingThatDoesNotExistIsCaught() {
		assertThat(bindsToASetting("BLOGROLL_PAGE_CACHE_SIZE")).isTrue();
		assertThat(bindsToASetting("BLOGROLL_PAGECACHESIZE")).isTrue();
		assertThat(bindsToASetting("LOGGING_LEVEL_DEV_BLOGROLL")).isTrue();
		assertThat(bindsToASetting("BLOGROLL_PAGE_CACHE_BYTES")).isFalse();
		assertThat(bindsToASetting("SPRING_DATASOURCE_URI")).isFalse();
	}

	private void assertProbeAnswers(String path) {
		SiteClient.Response response = new SiteClient(this.managementPort).get(path, Map.of("Accept", "*/*"));
		assertThat(response.status()).as(path + " on the management port").isEqualTo(200);
		assertThat(response.body()).as(path).contains("\"UP\"");
	}

	private static void assertBindsToASetting(String variable) {
		if (!NOT_SPRING.contains(variable)) {
			assertThat(bindsToASetting(variable)).as("%s sets a Spring Boot or Blogroll setting", variable).isTrue();
		}
	}

	/** Whether Spring Boot would bind the variable to a setting that exists. */
	private static boolean bindsToASetting(String variable) {
		ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value")));
		for (String setting : settings) {
			if (source.getConfigurationProperty(ConfigurationPropertyName.of(setting)) != null) {
				return true;
			}
		}
		for (String setting : mapSettings) {
			if (source.containsDescendantOf(ConfigurationPropertyName.of(setting)) == ConfigurationPropertyState.PRESENT) {
				return true;
			}
		}
		return false;
	}

	private static void assertPinned(String what, String image) {
		assertThat(image).as(what + " has an image").isNotBlank();
		assertThat(image).as(what + ": a tag, not latest").matches("[^:]+:[^:]+").doesNotEndWith(":latest");
	}

	private static void assertSupportedPostgres(String image) {
		String major = image.substring(image.indexOf(':') + 1).split("[.-]")[0];
		assertThat(Integer.parseInt(major)).as("Blogroll needs PostgreSQL 15 or newer").isGreaterThanOrEqualTo(15);
	}

	private static String serverPort() {
		return resolve(application.getProperty("server.port"));
	}

	private static String managementPort() {
		return resolve(application.getProperty("management.server.port"));
	}

	/** {@code ${VARIABLE:default}} as it resolves when the variable is unset. */
	private static String resolve(String value) {
		Matcher placeholder = Pattern.compile("\\$\\{[^:}]+:([^}]*)}").matcher(value);
		return placeholder.matches() ? placeholder.group(1) : value;
	}

	private static int seconds(String duration) {
		assertThat(duration).endsWith("s");
		return Integer.parseInt(duration.substring(0, duration.length() - 1));
	}

	private static String projectVersion() throws IOException {
		String pom = Files.readString(Path.of("pom.xml"));
		Matcher version = Pattern.compile("<artifactId>blogroll</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
		assertThat(version.find()).isTrue();
		return version.group(1);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		assertThat(value).as(key).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static List<Object> list(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		assertThat(value).as(key).isInstanceOf(List.class);
		return new ArrayList<>((List<?>) value);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> element(List<Object> list, int index) {
		return (Map<String, Object>) list.get(index);
	}

}
