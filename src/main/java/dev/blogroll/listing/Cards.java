package dev.blogroll.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.blogroll.media.LibraryImages;

/**
 * Renders grids of post cards for the Thymeleaf pages that show them: {@code listing/listing.html},
 * {@code home.html} and {@code search/search.html} make a grid in {@code th:with="cards = ${@cards…}"}
 * and print it with {@code th:utext} (which does not call beans itself); jte has escaped every
 * value in it.
 * <p>
 * The card is written in jte ({@code src/main/jte/listing/cards.jte}), which the build compiles
 * to a Java class: a card costs a few method calls and writes, where Thymeleaf spent about a
 * quarter of a cold listing page's CPU on the 15 cards' elements (bench/README.md, rounds 5 and
 * 6). The rest of each page stays in Thymeleaf.
 */
@Component("cards")
public class Cards {

	/** Cards on the first screen (the first row of the widest grid) load their images at once. */
	private static final int FIRST_ROW = 3;

	private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

	private final LibraryImages images;

	private final MessageSource messages;

	Cards(LibraryImages images, MessageSource messages) {
		this.images = images;
		this.messages = messages;
	}

	/** A listing's cards: titles as {@code h2}, the first row's images loaded at once. */
	public String listing(List<PostCard> posts, Locale locale) {
		return render(posts, null, 2, FIRST_ROW, locale);
	}

	/**
	 * A home page section's cards, under the section's {@code h2}: titles as {@code h3}; only the
	 * first section ({@code firstScreen}) loads its images at once.
	 */
	public String section(List<PostCard> posts, boolean firstScreen, Locale locale) {
		return render(posts, null, 3, firstScreen ? FIRST_ROW : 0, locale);
	}

	/** Search results: each card with the passage that matched instead of its excerpt. */
	public String results(List<PostCard> posts, List<String> snippetsHtml, Locale locale) {
		return render(posts, snippetsHtml, 2, 0, locale);
	}

	private String render(List<PostCard> posts, @Nullable List<String> snippetsHtml, int heading, int eager,
			Locale locale) {
		List<CardGrid.Card> cards = new ArrayList<>(posts.size());
		for (int i = 0; i < posts.size(); i++) {
			PostCard post = posts.get(i);
			cards.add(new CardGrid.Card(post, this.images.of(post.imageUrl()), i < eager,
					(snippetsHtml != null) ? snippetsHtml.get(i) : null));
		}
		CardGrid grid = new CardGrid(cards, heading, this.messages.getMessage("card.by", null, locale),
				this.messages.getMessage("card.on", null, locale), locale);
		StringOutput html = new StringOutput(1024 * posts.size());
		this.templates.render("listing/cards.jte", grid, html);
		return html.toString();
	}

}
