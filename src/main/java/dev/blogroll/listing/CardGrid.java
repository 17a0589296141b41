package dev.blogroll.listing;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.blogroll.media.LibraryImages;

/**
 * A grid of post cards, as {@code src/main/jte/listing/cards.jte} renders it ({@link Cards}).
 *
 * @param cards the cards, in the order shown
 * @param heading the level of each card's title: 2 on a listing and in search results, 3 under
 * the home page's section headings
 * @param by the word before the author ("By")
 * @param on the word before an aggregated post's blog ("on")
 * @param locale the reader's, for the dates
 */
public record CardGrid(List<Card> cards, int heading, String by, String on, Locale locale) {

	/**
	 * One card.
	 *
	 * @param post the post
	 * @param image its image in every width the media library keeps it at, if it comes from the
	 * library
	 * @param eager whether its image loads at once (the first row of a page) or when scrolled near
	 * @param snippetHtml the passage a search matched (safe HTML, see
	 * {@code dev.blogroll.search.Snippets}), shown instead of the excerpt
	 */
	public record Card(PostCard post, LibraryImages.@Nullable Responsive image, boolean eager,
			@Nullable String snippetHtml) {

		/** Without an image, a text card: no image area, room for more of the excerpt. */
		public String cssClass() {
			return (this.post.imageUrl() == null) ? "card card-text" : "card";
		}

		/** {@code lazy}, or nothing for an image on the first screen. */
		public @Nullable String loading() {
			return this.eager ? null : "lazy";
		}

	}

}
