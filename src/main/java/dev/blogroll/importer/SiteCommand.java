package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The whole site from the command line, like {@link ImportCommand} for posts:
 * <ul>
 * <li>{@code java -jar blogroll.jar --export-site=site.ndjson} writes every table editors fill
 * ({@link SiteTables}), accounts included but not their password hashes; add
 * {@code --with-password-hashes} to include those (then keep the file as secret as the
 * database);
 * <li>{@code java -jar blogroll.jar --import-site=site.ndjson} restores it into a database
 * with no content yet, all or nothing, and exits with status 1 if it could not.
 * </ul>
 * {@code BlogrollApplication} starts no web server when either option is given.
 */
@Component
@Order(90)
public class SiteCommand implements ApplicationRunner, ExitCodeGenerator {

	public static final String EXPORT = "export-site";

	public static final String IMPORT = "import-site";

	public static final String WITH_PASSWORD_HASHES = "with-password-hashes";

	private static final Logger log = LoggerFactory.getLogger(SiteCommand.class);

	private final SiteExporter exporter;

	private final SiteImporter importer;

	private int exitCode;

	SiteCommand(SiteExporter exporter, SiteImporter importer) {
		this.exporter = exporter;
		this.importer = importer;
	}

	/** Whether these command-line arguments ask for a site export or import (and so for no web server). */
	public static boolean requested(String... args) {
		return List.of(args).stream().anyMatch((arg) -> arg.startsWith("--" + EXPORT + "=") || arg.startsWith("--" + IMPORT + "="));
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		for (String file : optionValues(args, EXPORT)) {
			boolean hashes = args.containsOption(WITH_PASSWORD_HASHES);
			long started = System.nanoTime();
			long rows;
			try (OutputStream out = Files.newOutputStream(Path.of(file))) {
				rows = this.exporter.exportTo(out, true, hashes);
			}
			System.out.printf("Exported the site to %s: %,d rows in %.1f s%s%n", file, rows,
					(System.nanoTime() - started) / 1e9, hashes ? ", with password hashes: keep the file secret" : "");
		}
		for (String file : optionValues(args, IMPORT)) {
			long started = System.nanoTime();
			try (BufferedReader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
				Map<String, Long> imported = this.importer.importFrom(reader);
				System.out.printf("Imported the site from %s in %.1f s: %s%n", file, (System.nanoTime() - started) / 1e9,
						imported);
			}
			catch (SiteImporter.SiteImportException ex) {
				log.error("{}: {}", file, ex.getMessage());
				System.out.printf("Nothing was imported from %s: %s%n", file, ex.getMessage());
				this.exitCode = 1;
			}
		}
	}

	private static List<String> optionValues(ApplicationArguments args, String option) {
		List<String> values = args.getOptionValues(option);
		return (values != null) ? values : List.of();
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
