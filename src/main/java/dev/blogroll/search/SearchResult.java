package dev.blogroll.search;

import dev.blogroll.listing.PostCard;

/**
 * One post found by a search.
 *
 * @param card the post's card, as listings show it
 * @param snippetHtml the passage that matched, with the matches in {@code <mark>}; safe HTML
 * built by {@link Snippets}
 */
record SearchResult(PostCard card, String snippetHtml) {
}
