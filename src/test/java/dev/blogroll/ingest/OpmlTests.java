package dev.blogroll.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Iterator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * OPML is read as a stream: a file far larger than memory would allow as a document is read
 * outline by outline, and entity tricks get nowhere. (The upload limit, 413 beyond it:
 * {@code RequestBodyLimitsTests}; the import through the admin: {@code SourceAdminTests}.)
 */
class OpmlTests {

	private final FeedSources sources = mock(FeedSources.class);

	private final Opml opml = new Opml(this.sources);

	@Test
	void aHugeFileIsReadAsAStreamUpToItsLimit() {
		long outlines = 2_000_000; // about 150 MB of XML, generated as it is read
		Opml.Imported imported = this.opml.importFrom(generated(outlines), 1);
		assertThat(imported.invalid()).isEqualTo(Opml.MAX_OUTLINES);
		assertThat(imported.error()).isEqualTo("Only the first 100000 feeds of a file are read.");
		verify(this.sources, never()).create(any(), any(), any(), any(), anyLong(), any(), anyBoolean(), anyInt(),
				anyBoolean());
	}

	@Test
	void externalEntitiesAndEntityExpansionAreNotRead() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">
				  <!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
				<opml version="2.0"><body>
				  <outline text="&xxe;" xmlUrl="https://example.com/&lol3;"/>
				</body></opml>""";
		Opml.Imported imported = this.opml.importFrom(stream(xxe), 1);
		assertThat(imported.added()).isZero();
		assertThat(imported.error()).startsWith("The file is not well-formed XML");
		verify(this.sources, never()).create(any(), any(), any(), any(), anyLong(), any(), anyBoolean(), anyInt(),
				anyBoolean());
	}

	@Test
	void aFileThatBreaksPartWayKeepsWhatCameBeforeAndSaysWhere() {
		String broken = """
				<opml version="2.0"><body>
				  <outline text="First" xmlUrl="javascript:one"/>
				  <outline text="Second & broken" xmlUrl="javascript:two"/>
				</body></opml>""";
		Opml.Imported imported = this.opml.importFrom(stream(broken), 1);
		assertThat(imported.invalid()).isOne();
		assertThat(imported.error()).startsWith("The file is not well-formed XML at line 3");
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** An OPML file of that many outlines, made as it is read, never held whole. */
	private static InputStream generated(long outlines) {
		Iterator<InputStream> parts = new Iterator<>() {
			private long next = -1;

			@Override
			public boolean hasNext() {
				return this.next <= outlines;
			}

			@Override
			public InputStream next() {
				long index = this.next++;
				if (index < 0) {
					return stream("<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>Big</title></head><body>\n");
				}
				if (index == outlines) {
					return stream("</body></opml>\n");
				}
				return stream("<outline type=\"rss\" text=\"Feed " + index + "\" xmlUrl=\"ftp://feeds.example/" + index
						+ ".xml\" htmlUrl=\"https://feeds.example/\"/>\n");
			}
		};
		return new SequenceInputStream(new Enumeration<>() {
			@Override
			public boolean hasMoreElements() {
				return parts.hasNext();
			}

			@Override
			public InputStream nextElement() {
				return parts.next();
			}
		});
	}

}
