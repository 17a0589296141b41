package dev.blogroll.feed;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.web.SitePaths;

/**
 * {@code /robots.txt}: crawl the site, but not the admin or search results, and start from
 * the sitemap index. The {@code Disallow} lines come before {@code Allow: /}: a parser that
 * takes the first rule matching a path (Python's {@code urllib.robotparser}, many simple
 * crawlers) and one that takes the longest (Google's, RFC 9309) then agree on every path.
 */
@Controller
class RobotsController {

	private final String robots;

	RobotsController(BlogrollProperties properties) {
		this.robots = """
				User-agent: *
				Disallow: /admin
				Disallow: /search
				Allow: /

				Sitemap: %s
				""".formatted(properties.absoluteUrl(SitePaths.sitemapIndex()));
	}

	@GetMapping("/robots.txt")
	ResponseEntity<String> showRobots() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(this.robots);
	}

}
