package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.blogroll.PostBuilder;
import dev.blogroll.importer.ImportResult.LineError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the reader cuts an import into chunks: by size, and before a slug comes back.
 */
class ChunkReaderTests {

	private static String line(String slug) {
		return JsonMapper.shared().writeValueAsString(PostBuilder.post().slug(slug).build());
	}

	private static List<ChunkReader.Chunk> chunks(int maxPosts, String... lines) {
		List<ChunkReader.Chunk> chunks = new ArrayList<>();
		try (ChunkReader reader = new ChunkReader(new BufferedReader(new StringReader(String.join("\n", lines))),
				maxPosts, Long.MAX_VALUE)) {
			ChunkReader.Chunk chunk;
			while ((chunk = reader.next()) != null) {
				chunks.add(chunk);
			}
		}
		return chunks;
	}

	private static List<Long> lineNumbers(ChunkReader.Chunk chunk) {
		return chunk.posts().stream().map(ValidPost::lineNumber).toList();
	}

	@Test
	void chunksHoldAtMostTheGivenNumberOfPostsInLineOrder() {
		List<ChunkReader.Chunk> chunks = chunks(2, line("a"), line("b"), "", line("c"), line("d"), line("e"));
		assertThat(chunks).extracting(ChunkReaderTests::lineNumbers)
			.containsExactly(List.of(1L, 2L), List.of(4L, 5L), List.of(6L));
		assertThat(chunks).extracting(ChunkReader.Chunk::index).containsExactly(0L, 1L, 2L);
	}

	@Test
	void aSlugThatComesBackStartsANewChunkSoTheLaterLineIsWrittenLater() {
		List<ChunkReader.Chunk> chunks = chunks(10, line("a"), line("b"), line("a"), line("c"));
		assertThat(chunks).extracting(ChunkReaderTests::lineNumbers)
			.containsExactly(List.of(1L, 2L), List.of(3L, 4L));
	}

	@Test
	void badLinesTravelWithTheChunkTheyWereReadIn() {
		List<ChunkReader.Chunk> chunks = chunks(2, line("a"), "{broken", line("b"), line("c"),
				"{\"title\":\"no category\"}");
		assertThat(chunks.get(0).errors()).extracting(LineError::lineNumber).containsExactly(2L);
		assertThat(chunks.get(1).errors()).extracting(LineError::lineNumber).containsExactly(5L);
		assertThat(chunks.get(1).errors().get(0).message()).isEqualTo("the category is missing");
	}

	@Test
	void eachChunkSaysHowMuchOfTheInputHasBeenRead() {
		String first = line("a");
		String second = line("b");
		List<ChunkReader.Chunk> chunks = chunks(1, first, second);
		assertThat(chunks).extracting(ChunkReader.Chunk::charsRead)
			.containsExactly(first.length() + 1L, first.length() + second.length() + 2L);
	}

	@Test
	void aFailureToReadReachesTheWriter() {
		BufferedReader failing = new BufferedReader(new StringReader("")) {
			@Override
			public int read(char[] buffer, int offset, int length) throws IOException {
				throw new IOException("disk gone");
			}
		};
		try (ChunkReader reader = new ChunkReader(failing, 10, Long.MAX_VALUE)) {
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(reader::next)
				.withMessageContaining("disk gone");
		}
	}

}
