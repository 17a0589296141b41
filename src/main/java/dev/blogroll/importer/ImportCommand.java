package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar blogroll.jar --import=posts.ndjson}: imports the file with the
 * {@link PostImporter}, prints a summary and exits, with status 1 if any line was refused.
 * While it runs, the importer logs every few seconds how many lines are done, how fast and
 * how long the rest will take.
 * {@code BlogrollApplication} starts no web server when this option is given.
 */
@Component
@Order(100)
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	/** The command-line option naming the file to import. */
	public static final String OPTION = "import";

	private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

	private final PostImporter importer;

	private int exitCode;

	ImportCommand(PostImporter importer) {
		this.importer = importer;
	}

	/** Whether these command-line arguments ask for an import (and so for no web server). */
	public static boolean requested(String... args) {
		return List.of(args).stream().anyMatch((arg) -> arg.startsWith("--" + OPTION + "="));
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<String> files = args.getOptionValues(OPTION);
		if (files == null) {
			return;
		}
		for (String file : files) {
			Path path = Path.of(file);
			long started = System.nanoTime();
			ImportResult result;
			try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
				result = this.importer.importFrom(reader, Files.size(path));
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			result.errors().forEach((error) -> log.warn("{}: {}", path, error));
			long lines = result.created() + result.updated() + result.unchanged() + result.failed();
			System.out.printf("Imported %s: %s in %.1f s (%,d lines/s)%n", path, result, millis / 1000.0,
					lines * 1000 / Math.max(1, millis));
			if (result.hasFailures()) {
				this.exitCode = 1;
			}
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
