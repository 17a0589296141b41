package dev.blogroll.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene engine's snippets: the passages of a post's text that best match what the reader
 * asked for, marked by Lucene's {@link UnifiedHighlighter}, which analyzes the text as the index
 * does (stemming, phrases as words in a row) in the JVM. Like PostgreSQL's {@code ts_headline}
 * options for the other engine: up to two passages of about {@value #PASSAGE_CHARACTERS}
 * characters (some 25 words) around matches, in the order of the text, joined by " … ", matches
 * between {@link Snippets#START} and {@link Snippets#STOP}. A text without a match has no
 * headline (the card shows the post's summary).
 */
final class LuceneSnippets {

	private static final Logger log = LoggerFactory.getLogger(LuceneSnippets.class);

	/** The passages a snippet shows at most. */
	private static final int PASSAGES = 2;

	/** How long a passage is meant to be, in characters; it ends between words. */
	private static final int PASSAGE_CHARACTERS = 160;

	/**
	 * How much of a text is looked at, in characters: the longest posts of the benchmark's
	 * corpus (3,000 words) have about 20,000; a match past this in a longer one leaves the card
	 * with its summary.
	 */
	private static final int LOOKED_AT = 200_000;

	private static final UnifiedHighlighter HIGHLIGHTER = UnifiedHighlighter
		.builderWithoutSearcher(LuceneIndex.analyzer())
		.withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(BreakIterator.getWordInstance(Locale.ROOT),
				PASSAGE_CHARACTERS, 0.5f))
		.withFormatter(new Marked())
		.withMaxNoHighlightPassages(0)
		.withMaxLength(LOOKED_AT)
		.build();

	private final @Nullable Query query;

	private LuceneSnippets(@Nullable Query query) {
		this.query = query;
	}

	/** Snippets for the search {@code text} (in {@link SearchTerms}' syntax). */
	static LuceneSnippets of(String text) {
		return new LuceneSnippets(LuceneQueries.highlighted(text));
	}

	/** The text's best passages with their matches marked, or null where nothing in it matches. */
	@Nullable String headline(String text) {
		if (this.query == null || text.isEmpty()) {
			return null;
		}
		try {
			return (String) HIGHLIGHTER.highlightWithoutSearcher(LuceneIndex.TEXT, this.query, text, PASSAGES);
		}
		catch (IOException | RuntimeException ex) {
			// a snippet is not worth a failed search: the card shows the summary
			log.warn("Could not make a snippet for the search {}: {}", this.query, ex.toString(), ex);
			return null;
		}
	}

	/** Passages in the text's order, joined by " … ", each match between the two markers. */
	private static final class Marked extends PassageFormatter {

		@Override
		public Object format(Passage[] passages, String content) {
			StringBuilder headline = new StringBuilder();
			for (Passage passage : passages) {
				if (!headline.isEmpty()) {
					headline.append(" … ");
				}
				int at = passage.getStartOffset();
				int passageEnd = passage.getEndOffset();
				for (int i = 0; i < passage.getNumMatches(); i++) {
					// matches come in order; one inside the last adds nothing, and a phrase can
					// run past the passage's end, where it is cut
					int start = Math.min(Math.max(at, passage.getMatchStarts()[i]), passageEnd);
					int end = Math.min(Math.max(start, passage.getMatchEnds()[i]), passageEnd);
					if (end > start) {
						headline.append(content, at, start).append(Snippets.START).append(content, start, end)
							.append(Snippets.STOP);
						at = end;
					}
				}
				headline.append(content, at, passageEnd);
			}
			return headline.toString();
		}

	}

}
