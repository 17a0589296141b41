package dev.blogroll.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.HtmlUtils;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.feed.SitemapQueries.Chunk;
import dev.blogroll.feed.SitemapQueries.Url;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.PageVersion;
import dev.blogroll.web.SitePaths;

/**
 * The sitemaps: {@code /sitemap.xml} is an index of {@code /sitemaps/listings-N.xml} (first
 * pages of listings, no {@code lastmod}) and {@code /sitemaps/posts-N.xml} (posts with the
 * time of their last change), each file at most {@code blogroll.sitemap-size} URLs, never
 * more than the protocol's 50,000.
 * <p>
 * Post sitemap N covers a fixed range of post ids (see {@link SitemapQueries}), so its URLs
 * stay in it as posts come and go, and a range may come to list nothing, all its posts
 * drafted, trashed or deleted. Such a file is left out of the index and is not found, like a
 * number past the last post: the protocol's schema wants at least one {@code <url>} in a
 * {@code <urlset>}, so an empty file would be invalid, and a crawler that still has an older
 * index loses no URL with it. The file comes back if one of its posts is published again.
 */
@Controller
class SitemapController {

	private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private final SitemapQueries queries;

	private final BlogrollProperties properties;

	private final int size;

	SitemapController(SitemapQueries queries, BlogrollProperties properties) {
		this.queries = queries;
		this.properties = properties;
		this.size = properties.sitemapSize();
	}

	@GetMapping("/sitemap.xml")
	@Nullable ResponseEntity<String> showIndex(WebRequest request) {
		List<Chunk> posts = this.queries.postChunks(this.size);
		int listingFiles = files(this.queries.listingCount());
		PageVersion version = PageVersion.start("sitemap-index").with(posts, listingFiles, this.size);
		posts.forEach((chunk) -> version.changedAt(chunk.lastModified()));
		if (version.isNotModified(request)) {
			return null;
		}
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"")
			.append(NAMESPACE)
			.append("\">\n");
		for (int file = 1; file <= listingFiles; file++) {
			appendEntry(xml, "sitemap", SitePaths.sitemap("listings", file), null);
		}
		for (Chunk chunk : posts) {
			appendEntry(xml, "sitemap", SitePaths.sitemap("posts", chunk.number()), chunk.lastModified());
		}
		return ResponseEntity.ok().contentType(XML).body(xml.append("</sitemapindex>\n").toString());
	}

	@GetMapping("/sitemaps/posts-{number:[1-9][0-9]*}.xml")
	@Nullable ResponseEntity<String> showPosts(@PathVariable String number, WebRequest request) {
		return urlset(this.queries.posts(fileNumber(number), this.size), "posts", request);
	}

	@GetMapping("/sitemaps/listings-{number:[1-9][0-9]*}.xml")
	@Nullable ResponseEntity<String> showListings(@PathVariable String number, WebRequest request) {
		return urlset(this.queries.listings(fileNumber(number), this.size), "listings", request);
	}

	private @Nullable ResponseEntity<String> urlset(List<Url> urls, String kind, WebRequest request) {
		if (urls.isEmpty()) {
			throw new NotFoundException("There is no such sitemap");
		}
		PageVersion version = PageVersion.start("sitemap-" + kind).with(urls);
		urls.forEach((url) -> version.changedAt(url.lastModified()));
		if (version.isNotModified(request)) {
			return null;
		}
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"")
			.append(NAMESPACE)
			.append("\">\n");
		urls.forEach((url) -> appendEntry(xml, "url", url.path(), url.lastModified()));
		return ResponseEntity.ok().contentType(XML).body(xml.append("</urlset>\n").toString());
	}

	private void appendEntry(StringBuilder xml, String element, String path, @Nullable Instant lastModified) {
		xml.append("  <").append(element).append("><loc>");
		xml.append(HtmlUtils.htmlEscape(this.properties.absoluteUrl(path)));
		xml.append("</loc>");
		if (lastModified != null) {
			xml.append("<lastmod>").append(lastModified.truncatedTo(ChronoUnit.SECONDS)).append("</lastmod>");
		}
		xml.append("</").append(element).append(">\n");
	}

	/**
	 * A sitemap file's number; one too large for any site is simply not found. Post files are
	 * numbered by id range, and ids outrun the posts there are, so up to nine digits.
	 */
	private static int fileNumber(String number) {
		if (number.length() > 9) {
			throw new NotFoundException("There is no sitemap " + number);
		}
		return Integer.parseInt(number);
	}

	private int files(long urls) {
		return (int) Math.max(1, (urls + this.size - 1) / this.size);
	}

}
