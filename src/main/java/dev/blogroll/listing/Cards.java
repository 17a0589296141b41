package dev.blogroll.listing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.blogroll.media.LibraryImages;
import dev.blogroll.web.SiteLocale;

/**
 * Makes the grids of post cards the public pages show ({@code src/main/jte/listing/cards.jte}):
 * listing pages, the home page's sections and search results, each asking through
 * {@link PageFrame}.
 */
@Component
class Cards {

	/** Cards on the first screen (the first row of the widest grid) load their images at once. */
	private static final int FIRST_ROW = 3;

	private final LibraryImages images;

	private final SiteLocale words;

	Cards(LibraryImages images, SiteLocale words) {
		this.images = images;
		this.words = words;
	}

	/** A listing's cards: titles as {@code h2}, the first row's images loaded at once. */
	CardGrid listing(List<PostCard> posts) {
		return grid(posts, null, 2, FIRST_ROW);
	}

	/**
	 * A home page section's cards, under the section's {@code h2}: titles as {@code h3}; only the
	 * first section ({@code firstScreen}) loads its images at once.
	 */
	CardGrid section(List<PostCard> posts, boolean firstScreen) {
		return grid(posts, null, 3, firstScreen ? FIRST_ROW : 0);
	}

	/** Search results: each card with the passage that matched instead of its excerpt. */
	CardGrid results(List<PostCard> posts, List<String> snippetsHtml) {
		return grid(posts, snippetsHtml, 2, 0);
	}

	private CardGrid grid(List<PostCard> posts, @Nullable List<String> snippetsHtml, int heading, int eager) {
		List<CardGrid.Card> cards = new ArrayList<>(posts.size());
		for (int i = 0; i < posts.size(); i++) {
			PostCard post = posts.get(i);
			cards.add(new CardGrid.Card(post, this.images.of(post.imageUrl()), i < eager,
					(snippetsHtml != null) ? snippetsHtml.get(i) : null));
		}
		return new CardGrid(cards, heading, this.words.text("card.by"), this.words.text("card.on"),
				this.words.locale());
	}

}
