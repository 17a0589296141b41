package dev.blogroll.feed;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Post sitemaps of a few URLs ({@code blogroll.sitemap-size}, see {@link BlogrollTest}), so
 * that a few dozen test posts fill several files: file N lists the posts with ids in
 * {@code ((N - 1) × size, N × size]}, and keeps them whatever happens to the posts around them.
 * Everything is read over HTTP from the index and the files it names.
 */
@BlogrollTest
class PostSitemapTests {

	private static final String SITE = "https://blogroll.example";

	@LocalServerPort
	private int port;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private BlogrollProperties properties;

	/** How many URLs a sitemap file lists at most. */
	private int size;

	/** Enough test posts to fill three files. */
	private int many;

	@BeforeEach
	void readTheSize() {
		this.size = this.properties.sitemapSize();
		this.many = 3 * this.size;
	}

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(this.jdbc.sql("select slug from post where slug like 'sitemap-range-%'")
			.query(String.class)
			.list(), List.of(), List.of(), List.of());
	}

	@Test
	void eachFileListsTheVisiblePostsOfItsIdRangeInIdOrder() {
		addPosts(this.many);
		Map<String, List<String>> files = postFiles();
		List<Map<String, Object>> own = this.jdbc.sql("""
				select p.id, '/blog/' || c.slug || '/' || p.slug as path
				from post p join category c on c.id = p.category_id
				where p.status = 'PUBLISHED' and p.published_at <= now()
				and not (p.source_url is not null and p.body is null)
				order by p.id""").query().listOfRows();
		Map<String, List<String>> expected = new LinkedHashMap<>();
		for (Map<String, Object> post : own) {
			long file = ((Long) post.get("id") - 1) / this.size + 1;
			expected.computeIfAbsent(SITE + "/sitemaps/posts-" + file + ".xml", (key) -> new ArrayList<>())
				.add(SITE + post.get("path"));
		}
		assertThat(files).isEqualTo(expected);
		assertThat(files.values()).allSatisfy((urls) -> assertThat(urls).hasSizeBetween(1, this.size));
		assertThat(files.entrySet().stream()
			.filter((file) -> file.getValue().stream().anyMatch((url) -> url.contains("/sitemap-range-"))))
			.as("three files' worth of posts fill several files")
			.hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void removingAndAddingPostsLeavesEveryOtherPostInItsFile() {
		addPosts(this.many);
		Map<String, String> before = fileOfEachUrl();
		this.jdbc.sql("update post set status = 'DRAFT' where slug = 'sitemap-range-002'").update();
		this.jdbc.sql("""
				update post set status = 'TRASHED', trashed_at = now(), trashed_status = status
				where slug = 'sitemap-range-005'""").update();
		this.testPosts.remove(List.of("sitemap-range-008"), List.of(), List.of(), List.of());
		List<Integer> added = List.of(this.many + 1, this.many + 2, this.many + 3);
		this.testPosts.add(added.stream().map(PostSitemapTests::post).toArray(PostBuilder[]::new));
		Map<String, String> after = fileOfEachUrl();
		for (int removed : List.of(2, 5, 8)) {
			assertThat(before).containsKey(url(removed));
			assertThat(after).doesNotContainKey(url(removed));
		}
		before.keySet().removeAll(List.of(url(2), url(5), url(8)));
		assertThat(after).containsAllEntriesOf(before);
		int lastBefore = before.values().stream().mapToInt(PostSitemapTests::number).max().orElseThrow();
		for (int number : added) {
			assertThat(number(after.get(url(number)))).as("a new post goes to the last file or after it")
				.isGreaterThanOrEqualTo(lastBefore);
		}
	}

	@Test
	void aFileWhosePostsAreAllGoneIsLeftOutOfTheIndexAndNotFound() {
		addPosts(this.many);
		int emptied = wholeFileOfTestPosts();
		String file = "/sitemaps/posts-" + emptied + ".xml";
		Map<String, String> before = fileOfEachUrl();
		assertThat(before).containsValue(SITE + file);
		this.jdbc.sql("update post set status = 'DRAFT' where id > :after and id <= :last and id % 2 = 0")
			.param("after", (emptied - 1) * this.size)
			.param("last", emptied * this.size)
			.update();
		this.jdbc.sql("delete from post where id > :after and id <= :last and id % 2 = 1")
			.param("after", (emptied - 1) * this.size)
			.param("last", emptied * this.size)
			.update();
		Map<String, String> after = fileOfEachUrl();
		assertThat(after).doesNotContainValue(SITE + file);
		assertThat(new SiteClient(this.port).get(file).status()).isEqualTo(404);
		before.values().removeIf((loc) -> loc.equals(SITE + file));
		assertThat(after).containsExactlyInAnyOrderEntriesOf(before);
	}

	@Test
	void theIndexGivesEachFileTheNewestChangeOfThePostsItLists() {
		addPosts(this.many);
		int file = wholeFileOfTestPosts();
		long first = (file - 1L) * this.size + 1;
		Instant edited = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("update post set updated_at = published_at where id between :first and :last")
			.param("first", first)
			.param("last", first + this.size - 1)
			.update();
		this.jdbc.sql("update post set updated_at = :edited where id = :first + 1")
			.param("edited", Timestamp.from(edited))
			.param("first", first)
			.update();
		// changed later than that, but readers don't see them: a draft and a post scheduled for tomorrow
		this.jdbc.sql("update post set status = 'DRAFT', updated_at = now() where id = :first + 2")
			.param("first", first)
			.update();
		this.jdbc.sql("update post set published_at = now() + interval '1 day', updated_at = now() where id = :first + 3")
			.param("first", first)
			.update();

		Map<String, String> indexLastmods = new LinkedHashMap<>();
		for (Element sitemap : index().select("sitemap")) {
			String loc = sitemap.selectFirst("loc").text();
			if (loc.contains("/posts-")) {
				indexLastmods.put(loc, sitemap.selectFirst("lastmod").text());
			}
		}
		assertThat(indexLastmods).containsEntry(SITE + "/sitemaps/posts-" + file + ".xml", edited.toString());
		indexLastmods.forEach((loc, lastmod) -> {
			List<String> lastmods = xml(get(loc.substring(SITE.length())).body()).select("url > lastmod").eachText();
			assertThat(lastmod).as(loc).isEqualTo(lastmods.stream().map(Instant::parse).max(Instant::compareTo)
				.orElseThrow().toString());
		});
	}

	@Test
	void draftsScheduledTrashedAndAggregatedPostsAreLeftOut() {
		this.testPosts.add(post(1), post(2).status("draft"), post(3).publishedAt("2099-01-01T00:00:00Z"),
				post(4).body(null).sourceUrl("https://example.com/original"), post(5));
		this.jdbc.sql("""
				update post set status = 'TRASHED', trashed_at = now(), trashed_status = status
				where slug = 'sitemap-range-005'""").update();
		Map<String, String> urls = fileOfEachUrl();
		assertThat(urls.keySet().stream().filter((url) -> url.contains("/sitemap-range-"))).containsExactly(url(1));
	}

	@Test
	void aFileNumberPastTheLastPostIsNotFound() {
		addPosts(3);
		long highestId = this.jdbc.sql("select max(id) from post").query(Long.class).single();
		long last = (highestId - 1) / this.size + 1;
		SiteClient client = new SiteClient(this.port);
		assertThat(client.get("/sitemaps/posts-" + last + ".xml").status()).isEqualTo(200);
		assertThat(client.get("/sitemaps/posts-" + (last + 1) + ".xml").status()).isEqualTo(404);
		assertThat(client.get("/sitemaps/posts-999999999.xml").status()).isEqualTo(404);
	}

	private void addPosts(int count) {
		this.testPosts.add(IntStream.rangeClosed(1, count).mapToObj(PostSitemapTests::post).toArray(PostBuilder[]::new));
	}

	private static PostBuilder post(int number) {
		return PostBuilder.post().slug(slug(number)).title("Sitemap range post " + number);
	}

	private static String slug(int number) {
		return "sitemap-range-%03d".formatted(number);
	}

	private static String url(int number) {
		return SITE + "/blog/engineering/" + slug(number);
	}

	/** The number of a file whose whole id range holds test posts, all published now. */
	private int wholeFileOfTestPosts() {
		Set<Long> ids = new TreeSet<>(this.jdbc.sql("select id from post where slug like 'sitemap-range-%'")
			.query(Long.class)
			.list());
		for (long id : ids) {
			if ((id - 1) % this.size == 0 && LongStream.range(id, id + this.size).allMatch(ids::contains)) {
				return (int) ((id - 1) / this.size + 1);
			}
		}
		throw new AssertionError("No file is made of test posts only: " + ids);
	}

	/** The post sitemaps the index names, each with its URLs in the order listed. */
	private Map<String, List<String>> postFiles() {
		Map<String, List<String>> files = new LinkedHashMap<>();
		for (String loc : index().select("sitemap > loc").eachText()) {
			if (loc.contains("/sitemaps/posts-")) {
				Document file = xml(get(loc.substring(SITE.length())).body());
				files.put(loc, file.select("url > loc").eachText());
			}
		}
		return files;
	}

	/** Every post URL of the post sitemaps, with the file that lists it. */
	private Map<String, String> fileOfEachUrl() {
		Map<String, String> fileOfUrl = new LinkedHashMap<>();
		postFiles().forEach((file, urls) -> urls.forEach((url) -> {
			String previous = fileOfUrl.put(url, file);
			assertThat(previous).as("listed once: " + url).isNull();
		}));
		return fileOfUrl;
	}

	private static int number(String fileLoc) {
		return Integer.parseInt(fileLoc.replaceAll(".*/posts-([0-9]+)\\.xml$", "$1"));
	}

	private Document index() {
		return xml(get("/sitemap.xml").body());
	}

	private Response get(String path) {
		Response response = new SiteClient(this.port).get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return response;
	}

	private static Document xml(String xml) {
		return Jsoup.parse(xml, "", Parser.xmlParser());
	}

}
