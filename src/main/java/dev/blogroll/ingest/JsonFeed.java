package dev.blogroll.ingest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org), which some blogs offer beside or instead of RSS: the
 * same entries as {@link FeedParser} makes of RSS and Atom.
 */
final class JsonFeed {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonFeed() {
	}

	static FeedParser.ParsedFeed parse(String text, URI feedUrl) throws FeedParser.InvalidFeedException {
		JsonNode feed;
		try {
			feed = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new FeedParser.InvalidFeedException("Not a feed: the answer is JSON, but not well-formed");
		}
		if (feed == null || !feed.isObject() || !feed.path("version").asString("").startsWith("https://jsonfeed.org/version/")) {
			throw new FeedParser.InvalidFeedException("Not a feed: the answer is JSON, but not a JSON Feed");
		}
		String feedAuthor = author(feed);
		List<FeedParser.FeedEntry> entries = new ArrayList<>();
		for (JsonNode item : feed.path("items")) {
			String html = string(item, "content_html");
			if (html == null && string(item, "content_text") != null) {
				html = Entities.escape(string(item, "content_text"));
			}
			if (html == null && string(item, "summary") != null) {
				html = Entities.escape(string(item, "summary"));
			}
			String link = FeedParser.absolute(feedUrl, string(item, "url"));
			if (link == null) {
				link = FeedParser.absolute(feedUrl, string(item, "external_url"));
			}
			String image = FeedParser.absolute(feedUrl, string(item, "image"));
			if (image == null) {
				image = FeedParser.absolute(feedUrl, string(item, "banner_image"));
			}
			String author = author(item);
			Set<String> tags = new LinkedHashSet<>();
			for (JsonNode tag : item.path("tags")) {
				String name = FeedParser.clean(tag.asString(""));
				if (name != null && name.length() <= 80) {
					tags.add(name);
				}
			}
			String title = FeedParser.clean(string(item, "title"));
			if (title == null && html == null) {
				continue;
			}
			entries.add(new FeedParser.FeedEntry(FeedParser.clean(string(item, "id")), title, link,
					date(item, "date_published"), date(item, "date_modified"), (author != null) ? author : feedAuthor,
					List.copyOf(tags), html, (link != null) ? link : feedUrl.toString(),
					(image != null && image.startsWith("https://")) ? image : null, null));
		}
		FeedParser.FeedInfo info = new FeedParser.FeedInfo(FeedParser.clean(string(feed, "title")),
				FeedParser.absolute(feedUrl, string(feed, "home_page_url")), FeedParser.clean(string(feed, "description")));
		return new FeedParser.ParsedFeed(info, entries, List.of());
	}

	/** JSON Feed 1.1's {@code authors}, else 1.0's {@code author}. */
	private static @Nullable String author(JsonNode node) {
		for (JsonNode author : node.path("authors")) {
			String name = FeedParser.personText(string(author, "name"));
			if (name != null) {
				return name;
			}
		}
		return FeedParser.personText(string(node.path("author"), "name"));
	}

	private static @Nullable Instant date(JsonNode node, String field) {
		return FeedDates.parse(string(node, field));
	}

	private static @Nullable String string(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
