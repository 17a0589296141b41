package dev.blogroll.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;


import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar blogroll.jar --import=posts.ndjson [--create-categories]}: imports the file
 * (Blogroll's NDJSON, a WordPress or a Ghost export) with the {@link PostImporter}, prints a
 * summary with the lines not imported, the items left out and the names created, and exits,
 * with status 1 if any line was refused or the file could not be read. Without
 * {@code --create-categories}, a line naming a category that does not exist is refused.
 * While it runs, the importer logs every few seconds how many lines are done, how fast and
 * how long the rest will take.
 * {@code BlogrollApplication} starts no web server when this option is given.
 */
@Component
@Order(100)
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	/** The command-line option naming the file to import. */
	public static final String OPTION = "import";

	/** The command-line flag that lets an import create the categories it names. */
	public static final String CREATE_CATEGORIES = "create-categories";

	private final PostImporter importer;

	private int exitCode;

	private PrintStream out = System.out;

	ImportCommand(PostImporter importer) {
		this.importer = importer;
	}

	/** Where the summary goes: standard output, or a test's buffer. */
	void printTo(PrintStream out) {
		this.out = out;
	}

	private void printCreated(String what, List<String> names) {
		if (!names.isEmpty()) {
			this.out.printf("  created %s: %s%n", what, String.join(", ", names));
		}
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
		boolean createCategories = args.containsOption(CREATE_CATEGORIES);
		this.exitCode = 0;
		for (String file : files) {
			Path path = Path.of(file);
			if (!Files.isReadable(path) || Files.isDirectory(path)) {
				this.out.printf("Not imported %s: there is no file to read there.%n", path);
				this.exitCode = 1;
				continue;
			}
			long started = System.nanoTime();
			ImportResult result;
			try {
				result = this.importer.importFrom(ImportFile.of(path), createCategories);
			}
			catch (UnreadableImportException ex) {
				this.out.printf("Not imported %s: %s%n", path, ex.getMessage());
				this.exitCode = 1;
				continue;
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			long lines = result.created() + result.updated() + result.unchanged() + result.failed();
			this.out.printf("Imported %s (%s): %s in %.1f s (%,d lines/s)%n", path, result.format().label(), result,
					millis / 1000.0, lines * 1000 / Math.max(1, millis));
			result.errors().forEach((error) -> this.out.printf("  not imported, %s%n", result.describe(error)));
			if (result.unlisted() > 0) {
				this.out.printf("  and %,d more not imported, not listed%n", result.unlisted());
			}
			result.skippedItems().forEach((item) -> this.out.printf("  left out, %s%n", result.describe(item)));
			printCreated("categories", result.names().categories());
			printCreated("authors", result.names().authors());
			printCreated("tags", result.names().tags());
			if (result.hasFailures()) {
				this.out.printf("  Some posts were not imported; fix their lines and import the file again "
						+ "(what was imported is kept, and is not imported twice).%n");
				this.exitCode = 1;
			}
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
