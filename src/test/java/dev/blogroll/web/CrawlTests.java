package dev.blogroll.web;

import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo site as a crawler sees it: starting at {@code /} and following plain links, it
 * reaches every published post, meets no broken link, and on a second visit with the
 * validators it was given gets {@code 304 Not Modified} for every page.
 */
@BlogrollTest
class CrawlTests {

	/** The site's address in absolute links ({@link BlogrollTest}). */
	private static final String SITE = "https://blogroll.example";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aCrawlerFromTheHomePageReachesEveryPostWithoutABrokenLinkAndARecrawlIsAll304() {
		SiteClient client = new SiteClient(this.port);
		Map<String, String> etags = new HashMap<>();
		Set<String> broken = new LinkedHashSet<>();
		Set<String> seen = new LinkedHashSet<>(List.of("/"));
		Deque<String> queue = new ArrayDeque<>(seen);
		while (!queue.isEmpty()) {
			String path = queue.removeFirst();
			Response response = fetch(client, path, Map.of());
			if (response.status() != 200) {
				broken.add(path + " answered " + response.status());
				continue;
			}
			if (response.header("ETag") != null) {
				etags.put(path, response.header("ETag"));
			}
			if (!response.contentType().startsWith("text/html")) {
				continue;
			}
			Document page = response.html();
			for (String href : page.select("a[href], link[rel~=^(canonical|prev|next|alternate|stylesheet)$]")
				.eachAttr("href")) {
				String local = href.startsWith(SITE + "/") ? href.substring(SITE.length()) : href;
				if (local.startsWith("/") && !local.startsWith("//") && seen.add(local)) {
					queue.add(local);
				}
			}
		}
		assertThat(broken).as("broken links").isEmpty();
		List<String> published = this.jdbc.sql("""
				select '/blog/' || c.slug || '/' || p.slug from post p join category c on c.id = p.category_id
				where p.status = 'PUBLISHED' and p.published_at <= now()""").query(String.class).list();
		assertThat(seen).containsAll(published);

		int notModified = 0;
		List<String> changed = new ArrayList<>();
		for (Map.Entry<String, String> page : etags.entrySet()) {
			Response again = fetch(client, page.getKey(), Map.of("If-None-Match", page.getValue()));
			if (again.status() == 304) {
				notModified++;
			}
			else {
				changed.add(page.getKey() + " answered " + again.status() + " with " + again.header("ETag") + " for "
						+ page.getValue());
			}
		}
		System.out.printf("Crawl: %d URLs, %d with validators, re-crawl: %d of them answered 304%n", seen.size(),
				etags.size(), notModified);
		assertThat(changed).as("not 304 on a re-crawl").isEmpty();
		assertThat(notModified).as("304s on a re-crawl").isEqualTo(etags.size());
	}

	/**
	 * One request, tried a second time if it times out: on a shared, loaded CI machine a single
	 * request among 1,500 can wait past the client's timeout, which says nothing about links.
	 */
	private static Response fetch(SiteClient client, String path, Map<String, String> headers) {
		try {
			return client.get(path, headers);
		}
		catch (UncheckedIOException ex) {
			return client.get(path, headers);
		}
	}

}
