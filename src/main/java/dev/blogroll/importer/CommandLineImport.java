package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar blogroll.jar --import=FILE}: imports an NDJSON file, prints a summary with
 * the failed lines' numbers, and exits, non-zero when a line failed. The application starts
 * without its web server for this (see {@code BlogrollApplication}).
 */
@Component
@Order(0)
class CommandLineImport implements ApplicationRunner, ExitCodeGenerator {

	static final String OPTION = "import";

	private final PostImporter importer;

	private int exitCode;

	CommandLineImport(PostImporter importer) {
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<String> files = args.getOptionValues(OPTION);
		if (files == null) {
			return;
		}
		for (String name : files) {
			Path file = Path.of(name);
			if (!Files.isReadable(file)) {
				System.err.println("Cannot read " + file.toAbsolutePath());
				this.exitCode = 2;
				continue;
			}
			try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				long started = System.nanoTime();
				ImportResult result = this.importer.importFrom(reader, Files.size(file));
				double seconds = (System.nanoTime() - started) / 1e9;
				long lines = result.created() + result.updated() + result.unchanged() + result.failed();
				System.out.printf("Imported %s: %s in %.1f s (%.0f lines/s)%n", file, result, seconds, lines / seconds);
				result.errors().forEach((error) -> System.out.println("  " + error));
				if (result.failed() > result.errors().size()) {
					System.out.println("  … and " + (result.failed() - result.errors().size()) + " more failed lines");
				}
				if (result.hasFailures()) {
					this.exitCode = 1;
				}
			}
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
