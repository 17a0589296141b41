package dev.blogroll;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Blogroll's own settings, bound from {@code blogroll.*} properties or {@code BLOGROLL_*}
 * environment variables.
 *
 * @param siteName the site's name, shown in the header, page titles and the footer
 * @param siteUrl the public address of the site, used for absolute links; never taken from
 * the request
 * @param pageSize how many post cards a listing page shows
 * @param timeZone the time zone in which dates are shown to readers and editors
 * @param demoData whether to load the demo posts into an empty database: {@code true} or
 * {@code false}; when unset, the demo is loaded only into the embedded database
 * @param pageCacheSize how much memory rendered pages may keep, served again while nothing
 * they show has changed; {@code 0} turns the cache off
 * @param embeddedDatabase the PostgreSQL started when no {@code spring.datasource.url} is set
 */
@Validated
@ConfigurationProperties("blogroll")
public record BlogrollProperties(
		@DefaultValue("Blogroll") @NotBlank String siteName,
		@DefaultValue("http://localhost:8080") @NotNull URI siteUrl,
		@DefaultValue("15") @Min(1) @Max(100) int pageSize,
		@DefaultValue("UTC") @NotNull ZoneId timeZone,
		@Nullable Boolean demoData,
		@DefaultValue("32MB") @NotNull DataSize pageCacheSize,
		@DefaultValue @Valid EmbeddedDatabase embeddedDatabase) {

	/**
	 * The embedded PostgreSQL used when no external database is configured.
	 *
	 * @param dataDirectory where its files live; kept between runs so posts survive a restart
	 * @param port the port it listens on, 0 for any free port
	 */
	public record EmbeddedDatabase(
			@DefaultValue("./data/postgres") @NotNull Path dataDirectory,
			@DefaultValue("0") @Min(0) @Max(65535) int port) {
	}

}
