package dev.blogroll.importer;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.blogroll.importer.ImportResult.LineError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress line a long import logs, and the errors it keeps.
 */
class ImportProgressTests {

	@Test
	void progressNamesLinesShareRateTimeLeftAndCounts() {
		ImportProgress progress = new ImportProgress(1000);
		progress.written(new ChunkWriter.Written(7, 2, 1, List.of()));
		progress.failed(List.of(new LineError(4, new ImportText("admin.import.line.missing", "title"))));
		progress.done(250);
		assertThat(progress.describe(System.nanoTime())).matches("Imported 11 lines \\(25%\\) in \\d+ s, [\\d,]+ lines/s, "
				+ "about \\d+ s left \\(7 created, 2 updated, 1 unchanged, 1 failed\\)");
	}

	@Test
	void withoutTheInputSizeThereIsNoTimeLeft() {
		ImportProgress progress = new ImportProgress(-1);
		progress.written(new ChunkWriter.Written(20_000, 0, 0, List.of()));
		progress.done(7_000_000);
		assertThat(progress.describe(System.nanoTime()))
			.matches("Imported 20,000 lines in \\d+ s, [\\d,]+ lines/s \\(20,000 created, 0 updated, 0 unchanged, 0 failed\\)");
	}

	@Test
	void onlyTheFirstThousandErrorsAreKeptButAllAreCounted() {
		ImportProgress progress = new ImportProgress(-1);
		for (long line = 1; line <= 1500; line++) {
			progress.failed(List.of(new LineError(line, new ImportText("admin.import.line.notPost"))));
		}
		ImportResult result = progress.result();
		assertThat(result.failed()).isEqualTo(1500);
		assertThat(result.errors()).hasSize(PostImporter.MAX_REPORTED_ERRORS);
		assertThat(result.errors().get(999).lineNumber()).isEqualTo(1000);
	}

}
