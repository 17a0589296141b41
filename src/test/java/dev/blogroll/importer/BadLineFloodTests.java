package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import of millions of bad lines completes with bounded memory: the first
 * {@value PostImporter#MAX_REPORTED_ERRORS} keep their reasons, the rest are counted, and no
 * chunk holds more. The lines are generated as they are read, never written to a file or held
 * in a string. (The 1 GB run: {@code ops/import-flood.sh}.)
 */
@BlogrollTest
class BadLineFloodTests {

	private static final int LINES = 2_000_000;

	@Autowired
	private PostImporter importer;

	@Test
	void twoMillionBadLinesKeepAThousandReasonsAndCountTheRest() {
		long heapBefore = usedHeapAfterGc();
		MemoryPoolMXBean oldGeneration = oldGeneration();
		long oldBefore = oldGeneration.getUsage().getUsed();
		oldGeneration.resetPeakUsage();
		ImportResult result = this.importer.importFrom(new BufferedReader(new BadLines(LINES)), -1);
		long oldPeak = oldGeneration.getPeakUsage().getUsed();
		long heapAfter = usedHeapAfterGc();
		assertThat(result.failed()).isEqualTo(LINES);
		assertThat(result.created() + result.updated() + result.unchanged()).isZero();
		assertThat(result.errors()).hasSize(PostImporter.MAX_REPORTED_ERRORS);
		assertThat(result.errors().get(0).lineNumber()).isEqualTo(1);
		assertThat(result.errors().get(999).lineNumber()).isEqualTo(1000);
		assertThat(result.unlisted()).isEqualTo(LINES - PostImporter.MAX_REPORTED_ERRORS);
		// what the import keeps in the end is the thousand reasons: far below a megabyte per 10,000 lines
		assertThat(heapAfter - heapBefore).as("heap kept, bytes").isLessThan(20L * 1024 * 1024);
		// while it runs, nothing piles up long enough to reach the old generation: two million
		// kept errors would be some 400 MB there
		assertThat(oldPeak - oldBefore).as("old generation grown while importing, bytes")
			.isLessThan(100L * 1024 * 1024);
	}

	private static MemoryPoolMXBean oldGeneration() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP
					&& (pool.getName().contains("Old") || pool.getName().contains("Tenured")))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void noChunkHoldsMoreThanTheReportedBadLinesAndChunksKeepComing() {
		try (ChunkReader reader = new ChunkReader(new BufferedReader(new BadLines(200_000)), 20_000, Long.MAX_VALUE)) {
			long chunks = 0;
			long errors = 0;
			long unreported = 0;
			ChunkReader.Chunk chunk;
			while ((chunk = reader.next()) != null) {
				assertThat(chunk.errors().size()).isLessThanOrEqualTo(PostImporter.MAX_REPORTED_ERRORS);
				assertThat(chunk.posts()).isEmpty();
				errors += chunk.errors().size();
				unreported += chunk.unreported();
				chunks++;
			}
			assertThat(errors).isEqualTo(PostImporter.MAX_REPORTED_ERRORS);
			assertThat(unreported).isEqualTo(200_000 - PostImporter.MAX_REPORTED_ERRORS);
			assertThat(chunks).as("a chunk every %d lines, for progress", ChunkReader.CHUNK_LINES)
				.isEqualTo(200_000 / ChunkReader.CHUNK_LINES);
		}
	}

	@Test
	void aLineLongerThanTheLimitIsDroppedAsItIsReadAndReported() {
		Reader input = new Reader() {
			private long left = ChunkReader.MAX_LINE_CHARS + 1_000_000L;

			@Override
			public int read(char[] buffer, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int count = (int) Math.min(length, this.left);
				java.util.Arrays.fill(buffer, offset, offset + count, 'x');
				this.left -= count;
				return count;
			}

			@Override
			public void close() {
			}
		};
		try (ChunkReader reader = new ChunkReader(new BufferedReader(input), 10, Long.MAX_VALUE)) {
			ChunkReader.Chunk chunk = reader.next();
			assertThat(chunk.errors()).singleElement()
				.satisfies((error) -> assertThat(error.message()).isEqualTo("the line is 5,000,000 characters long; at most 4,000,000 are read (is the file one post a line?)"));
			assertThat(reader.next()).isNull();
		}
	}

	private static long usedHeapAfterGc() {
		System.gc();
		long used = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
				used += pool.getCollectionUsage().getUsed();
			}
		}
		return used;
	}

	/** Bad lines, generated as they are read: "not json 1", "not json 2", ... */
	private static final class BadLines extends Reader {

		private final long lines;

		private long next = 1;

		private char[] pending = new char[0];

		private int position;

		BadLines(long lines) {
			this.lines = lines;
		}

		@Override
		public int read(char[] buffer, int offset, int length) {
			int written = 0;
			while (written < length) {
				if (this.position == this.pending.length) {
					if (this.next > this.lines) {
						break;
					}
					this.pending = ("not json " + this.next++ + "\n").toCharArray();
					this.position = 0;
				}
				int count = Math.min(length - written, this.pending.length - this.position);
				System.arraycopy(this.pending, this.position, buffer, offset + written, count);
				this.position += count;
				written += count;
			}
			return (written == 0) ? -1 : written;
		}

		@Override
		public void close() {
		}

	}

}
