package dev.blogroll;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.blogroll.importer.ImportCommand;
import dev.blogroll.importer.SiteCommand;

/**
 * Blogroll: an engineering-blog aggregator rendered on the server from PostgreSQL.
 */
@SpringBootApplication
@EnableConfigurationProperties(BlogrollProperties.class)
public class BlogrollApplication {

	/**
	 * The one clock everything asks for "now" (publish dates, scheduling), so tests can move time.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BlogrollApplication.class);
		application.addListeners(new PreparedStartup());
		if (ImportCommand.requested(args) || SiteCommand.requested(args)) {
			// import or export and exit: no web server, and the command's exit status
			application.setWebApplicationType(WebApplicationType.NONE);
			System.exit(SpringApplication.exit(application.run(args)));
		}
		application.run(args);
	}

}
