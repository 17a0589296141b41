package dev.blogroll;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

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
		SpringApplication.run(BlogrollApplication.class, args);
	}

}
