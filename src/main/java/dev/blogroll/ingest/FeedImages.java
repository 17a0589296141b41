package dev.blogroll.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * The picture of a feed entry, for its card: {@code media:thumbnail}, then an image
 * {@code media:content} (also in a {@code media:group}), then an image enclosure (RSS
 * {@code enclosure}, Atom {@code link rel="enclosure"}), then the episode's
 * {@code itunes:image}, then the first image of the entry's HTML that is not a tracking
 * pixel. Only an https URL is kept: a picture over http would be mixed content on our pages
 * (browsers block or flag it) and would tell the network what readers look at, so an entry
 * whose pictures are all http has none.
 */
final class FeedImages {

	static final String MEDIA = "http://search.yahoo.com/mrss/";

	private FeedImages() {
	}

	/**
	 * The entry's picture, or {@code null}.
	 * @param entry the entry's element
	 * @param html the entry's HTML, if any
	 * @param base the entry's base URL
	 * @param contentBase the base URL of its HTML
	 */
	static @Nullable Image of(Element entry, @Nullable String html, URI base, URI contentBase) {
		List<Image> candidates = new ArrayList<>();
		Namespace media = Namespace.getNamespace(MEDIA);
		List<Element> mediaParents = new ArrayList<>(List.of(entry));
		mediaParents.addAll(entry.getChildren("group", media));
		for (Element parent : mediaParents) {
			for (Element thumbnail : parent.getChildren("thumbnail", media)) {
				add(candidates, base, thumbnail.getAttributeValue("url"), mediaText(parent, media));
			}
			for (Element content : parent.getChildren("content", media)) {
				for (Element thumbnail : content.getChildren("thumbnail", media)) {
					add(candidates, base, thumbnail.getAttributeValue("url"), mediaText(content, media));
				}
			}
		}
		for (Element parent : mediaParents) {
			for (Element content : parent.getChildren("content", media)) {
				if (isImage(content.getAttributeValue("medium"), content.getAttributeValue("type"),
						content.getAttributeValue("url"))) {
					add(candidates, base, content.getAttributeValue("url"), mediaText(content, media));
				}
			}
		}
		for (Element child : entry.getChildren()) {
			boolean rssEnclosure = child.getName().equals("enclosure");
			boolean atomEnclosure = child.getName().equals("link") && "enclosure".equals(child.getAttributeValue("rel"));
			if ((rssEnclosure || atomEnclosure) && isImage(null, child.getAttributeValue("type"), null)) {
				add(candidates, base, child.getAttributeValue(rssEnclosure ? "url" : "href"), null);
			}
		}
		Element itunes = entry.getChild("image", Namespace.getNamespace(FeedParser.ITUNES));
		if (itunes != null) {
			add(candidates, base, itunes.getAttributeValue("href"), null);
		}
		if (html != null && html.contains("<img")) {
			Document document = Jsoup.parseBodyFragment(html, contentBase.toString());
			for (org.jsoup.nodes.Element image : document.select("img[src]")) {
				if (!EntryText.isPixel(image)) {
					add(candidates, contentBase, image.attr("src"), image.attr("alt"));
				}
			}
		}
		for (Image candidate : candidates) {
			if (candidate.url().startsWith("https://")) {
				return candidate;
			}
		}
		return null;
	}

	private static @Nullable String mediaText(Element element, Namespace media) {
		Element description = element.getChild("description", media);
		Element title = element.getChild("title", media);
		String text = FeedParser.clean((description != null) ? description.getText() : null);
		return (text != null) ? text : FeedParser.clean((title != null) ? title.getText() : null);
	}

	private static boolean isImage(@Nullable String medium, @Nullable String type, @Nullable String url) {
		if (medium != null) {
			return medium.equalsIgnoreCase("image");
		}
		if (type != null) {
			return type.toLowerCase(Locale.ROOT).startsWith("image/");
		}
		return url != null && url.toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|gif|webp|avif)(\\?.*)?");
	}

	private static void add(List<Image> candidates, URI base, @Nullable String url, @Nullable String alt) {
		String absolute = FeedParser.absolute(base, url);
		if (absolute != null && absolute.length() <= 2000) {
			String text = FeedParser.clean(alt);
			candidates.add(new Image(absolute, (text != null && text.length() > 300) ? text.substring(0, 300) : text));
		}
	}

	/**
	 * An entry's picture.
	 *
	 * @param url its https URL
	 * @param alt what it shows, if the feed says
	 */
	record Image(String url, @Nullable String alt) {
	}

}
