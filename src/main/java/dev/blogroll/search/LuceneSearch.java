package dev.blogroll.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.content.ContentVersion;

/**
 * The Lucene engine ({@code BLOGROLL_SEARCH_ENGINE=lucene}): finds and ranks the matches in
 * {@link LuceneIndex}, then reads the page's posts and snippets from PostgreSQL
 * ({@link SearchRows}).
 * <p>
 * Every match is ranked (BM25 over the post's words, the title indexed three times), and the
 * best {@value SearchEngine#RANKED_UP_TO} are kept for the pages, found without scoring every
 * match (Lucene skips blocks of postings that cannot make the top); phrases are checked against
 * word positions in the index. So a page is what ranking every match gives, whatever the
 * number of posts, and when more match than the results go up to, the page says "the best
 * 1,000" rather than "the best of the newest". Until the index has been built, PostgreSQL
 * answers ({@link SearchQueries}).
 */
@Component
@Primary
@ConditionalOnProperty(name = "blogroll.search.engine", havingValue = "lucene")
class LuceneSearch implements SearchEngine, DisposableBean {

	private final LuceneIndex index;

	private final SearchQueries postgresql;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BlogrollProperties properties;

	private final int rankedUpTo;

	private final Timer answered;

	@Autowired
	LuceneSearch(DataSource dataSource, ContentVersion contentVersion, SearchQueries postgresql, Clock clock,
			BlogrollProperties properties, MeterRegistry registry) {
		this(new LuceneIndex(dataSource, contentVersion, properties.search().index()), postgresql,
				JdbcClient.create(dataSource), clock, properties, RANKED_UP_TO, registry);
	}

	/** With another index, or another bound than the default, for tests. */
	LuceneSearch(LuceneIndex index, SearchQueries postgresql, JdbcClient jdbc, Clock clock,
			BlogrollProperties properties, int rankedUpTo, MeterRegistry registry) {
		this.index = index;
		this.rankedUpTo = rankedUpTo;
		this.postgresql = postgresql;
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.answered = Timer.builder("blogroll.search.queries")
			.description("Searches answered, by engine and outcome")
			.tag("engine", "lucene")
			.tag("outcome", "ok")
			.register(registry);
	}

	/** Starts building the index, if it has to be, once the site is serving. */
	@EventListener(ApplicationReadyEvent.class)
	void buildIfEmpty() {
		this.index.start();
	}

	@Override
	public Hits search(SearchTerms terms, @Nullable FilterOption category, @Nullable FilterOption tag, int page,
			int pageSize) {
		if (!this.index.isReady()) {
			return this.postgresql.search(terms, category, tag, page, pageSize);
		}
		long started = System.nanoTime();
		Query words = LuceneQueries.parse(terms.text());
		if (words == null) {
			return Hits.none();
		}
		// scheduled posts are few: leaving them out costs less than keeping every other post in
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST)
			.add(LongPoint.newRangeQuery(LuceneIndex.PUBLISHED, this.clock.millis() + 1, Long.MAX_VALUE), Occur.MUST_NOT);
		if (category != null) {
			query.add(new TermQuery(new Term(LuceneIndex.CATEGORY, Long.toString(category.id()))), Occur.FILTER);
		}
		if (tag != null) {
			query.add(new TermQuery(new Term(LuceneIndex.TAG, Long.toString(tag.id()))), Occur.FILTER);
		}
		long offset = (long) (page - 1) * pageSize;
		int wanted = (int) Math.min(offset + pageSize, this.rankedUpTo);
		List<Long> ids = new ArrayList<>();
		long matches;
		try {
			IndexSearcher searcher = this.index.acquire();
			try {
				TopDocs top = searcher.search(query.build(), new TopScoreDocCollectorManager(Math.max(wanted, 1), this.rankedUpTo));
				matches = top.totalHits.value;
				List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
				for (int i = (int) Math.min(offset, top.scoreDocs.length); i < top.scoreDocs.length; i++) {
					ids.add(postId(leaves, top.scoreDocs[i]));
				}
			}
			finally {
				this.index.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the search index: " + ex.getMessage(), ex);
		}
		boolean more = matches > this.rankedUpTo;
		List<SearchResult> results = SearchRows.inOrder(this.jdbc, this.properties,
				LuceneSnippets.of(terms.text()), ids);
		this.answered.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		return new Hits(results, more ? this.rankedUpTo : matches, more, true, false);
	}

	private static long postId(List<LeafReaderContext> leaves, ScoreDoc hit) throws IOException {
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
		NumericDocValues ids = leaf.reader().getNumericDocValues(LuceneIndex.ID_VALUE);
		if (ids == null || !ids.advanceExact(hit.doc - leaf.docBase)) {
			throw new IllegalStateException("A document of the search index has no post id");
		}
		return ids.longValue();
	}

	/** Whether the index holds every post (until then, PostgreSQL answers). */
	boolean isReady() {
		return this.index.isReady();
	}

	@Override
	public void destroy() throws IOException {
		this.index.close();
	}

}
