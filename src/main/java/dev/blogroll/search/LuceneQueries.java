package dev.blogroll.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * What a reader typed, in the syntax {@link SearchTerms} describes, as a Lucene query that
 * matches what PostgreSQL's {@code websearch_to_tsquery} matches:
 * <ul>
 * <li>words: every one must occur (in any form English stemming joins: "routes" finds "route");
 * a word the analyzer splits ("grpc-web") must occur as those words in a row;
 * <li>{@code "quoted words"}: those words in a row (a stop word inside counts as a gap, as in
 * PostgreSQL), found through the index's pairs of words in a row;
 * <li>{@code -word} or {@code -"quoted words"}: must not occur;
 * <li>{@code a OR b}: either (OR in any case; an excluded word next to OR is simply excluded).
 * </ul>
 * Stop words alone ("the", "-a") are left out; a query with nothing left to find matches
 * nothing. The index holds the title three times, so title matches rank first, as PostgreSQL's
 * weight A does.
 */
final class LuceneQueries {

	private static final Analyzer ANALYZER = LuceneIndex.analyzer();

	private LuceneQueries() {
	}

	/** The query, or null if nothing is left to find. */
	static @Nullable Query parse(String text) {
		List<List<Item>> groups = new ArrayList<>();
		boolean or = false;
		for (Item item : items(text)) {
			if (item == Item.OR) {
				or = !groups.isEmpty();
				continue;
			}
			if (or && !item.excluded() && !groups.get(groups.size() - 1).get(0).excluded()) {
				groups.get(groups.size() - 1).add(item);
			}
			else {
				groups.add(new ArrayList<>(List.of(item)));
			}
			or = false;
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		boolean wanted = false;
		for (List<Item> group : groups) {
			if (group.get(0).excluded()) {
				Query excluded = match(LuceneIndex.TEXT, group.get(0).words());
				if (excluded != null) {
					query.add(excluded, Occur.MUST_NOT);
				}
				continue;
			}
			BooleanQuery.Builder either = new BooleanQuery.Builder();
			int alternatives = 0;
			for (Item item : group) {
				Query match = match(LuceneIndex.TEXT, item.words());
				if (match != null) {
					either.add(match, Occur.SHOULD);
					alternatives++;
				}
			}
			if (alternatives == 1) {
				query.add(either.build().clauses().get(0).getQuery(), Occur.MUST);
				wanted = true;
			}
			else if (alternatives > 1) {
				query.add(either.build(), Occur.MUST);
				wanted = true;
			}
		}
		if (!wanted) {
			return null;
		}
		return query.build();
	}

	/**
	 * What a snippet marks: every word and quoted phrase the reader asked for (not the excluded
	 * ones), as words and phrases of {@value LuceneIndex#TEXT}, any of them; null if none.
	 */
	static @Nullable Query highlighted(String text) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		boolean any = false;
		for (Item item : items(text)) {
			Query match = (item == Item.OR || item.excluded()) ? null : analyzed(LuceneIndex.TEXT, item.words());
			if (match != null) {
				query.add(match, Occur.SHOULD);
				any = true;
			}
		}
		return any ? query.build() : null;
	}

	/**
	 * A term for one word, a phrase for several, null for none (only stop words). A phrase in
	 * {@value LuceneIndex#TEXT} is asked of {@value LuceneIndex#PAIRS}: its pairs of words in a row,
	 * one term for two words, a phrase of pairs for more.
	 */
	private static @Nullable Query match(String field, String words) {
		Query query = analyzed(field, words);
		if (query instanceof PhraseQuery && field.equals(LuceneIndex.TEXT)) {
			return analyzed(LuceneIndex.PAIRS, words);
		}
		return query;
	}

	private static @Nullable Query analyzed(String field, String words) {
		List<Term> terms = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		try (TokenStream tokens = ANALYZER.tokenStream(field, words)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
			tokens.reset();
			int position = -1;
			while (tokens.incrementToken()) {
				position += increment.getPositionIncrement();
				terms.add(new Term(field, term.toString()));
				positions.add(position);
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (terms.isEmpty()) {
			return null;
		}
		if (terms.size() == 1) {
			return new TermQuery(terms.get(0));
		}
		PhraseQuery.Builder phrase = new PhraseQuery.Builder();
		int first = positions.get(0);
		for (int i = 0; i < terms.size(); i++) {
			phrase.add(terms.get(i), positions.get(i) - first);
		}
		return phrase.build();
	}

	/** The words, quoted phrases, exclusions and ORs of the text, in order. */
	private static List<Item> items(String text) {
		List<Item> items = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			boolean excluded = false;
			if (c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
				excluded = true;
				i++;
			}
			int end;
			String words;
			if (text.charAt(i) == '"') {
				end = text.indexOf('"', i + 1);
				end = (end < 0) ? text.length() : end;
				words = text.substring(i + 1, end);
				end++;
			}
			else {
				end = i;
				while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
					end++;
				}
				words = text.substring(i, end);
				if (!excluded && words.equalsIgnoreCase("or")) {
					items.add(Item.OR);
					i = end;
					continue;
				}
			}
			items.add(new Item(words, excluded));
			i = end;
		}
		return items;
	}

	/** A word or quoted phrase of the query, perhaps excluded. */
	private record Item(String words, boolean excluded) {

		static final Item OR = new Item("OR", false);

	}

}
