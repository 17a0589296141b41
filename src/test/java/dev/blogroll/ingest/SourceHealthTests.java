package dev.blogroll.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The sources page's health at a glance: charts of the last 30 days per source and for all,
 * sorting by "failing longest" and "quiet longest", the filter, pages, bulk pause, resume and
 * delete (after a confirmation page), and its size and time with 10,000 sources.
 */
@BlogrollTest
class SourceHealthTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FeedSources sources;

	private long categoryId;

	private Instant now;

	@BeforeEach
	void start() {
		this.jdbc.sql("insert into category (slug, name) values ('health-test', 'Health Test') on conflict do nothing").update();
		this.categoryId = this.jdbc.sql("select id from category where slug = 'health-test'").query(Long.class).single();
		this.now = this.jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
	}

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("delete from feed_source where category_id = :id").param("id", this.categoryId).update();
		this.jdbc.sql("delete from category where id = :id").param("id", this.categoryId).update();
	}

	private long source(String name) {
		return this.sources.create(name, "https://" + name.toLowerCase().replace(' ', '-') + ".example/",
				"https://" + name.toLowerCase().replace(' ', '-') + ".example/feed.xml", this.categoryId, "", true, 60);
	}

	private void state(long id, int failures, Instant lastSuccess, Instant lastNewPost) {
		this.jdbc.sql("""
				update feed_source set consecutive_failures = :failures, last_success_at = :success, last_new_post_at = :post
				where id = :id""")
			.param("id", id).param("failures", failures)
			.param("success", (lastSuccess != null) ? Timestamp.from(lastSuccess) : null)
			.param("post", (lastNewPost != null) ? Timestamp.from(lastNewPost) : null)
			.update();
	}

	/** A fetch {@code daysAgo} days ago, as the fetcher records it. */
	private void fetched(long id, int daysAgo, int millis, boolean success, int newPosts) {
		Instant started = this.now.minus(Duration.ofDays(daysAgo));
		this.sources.finish(new FeedSources.FetchRecord(id, started, millis, success ? 200 : 500, success ? "OK" : "FAILED",
				success, false, null, null, null, success ? null : "HTTP 500", null, newPosts, 0, this.now, null, null));
	}

	/** The page at {@code path}, whose query string is read as a browser's form would send it. */
	private Document page(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(String path) {
		int question = path.indexOf('?');
		var request = get((question < 0) ? path : path.substring(0, question)).with(user("carol").roles("EDITOR"));
		if (question >= 0) {
			for (String pair : path.substring(question + 1).split("&")) {
				String[] parts = pair.split("=", 2);
				request.param(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
			}
		}
		return request;
	}

	private List<String> names(Document page) {
		return page.select(".source-row td:nth-child(2) a").eachText().stream().filter((name) -> name.startsWith("HT ")).toList();
	}

	@Test
	void everySourceAndAllTogetherShowTheirLastThirtyDays() throws Exception {
		long id = source("HT Charted");
		fetched(id, 2, 120, true, 3);
		fetched(id, 1, 480, false, 0);
		fetched(id, 40, 100, true, 1);

		Document page = page("/admin/sources?q=HT%20Charted");

		var row = page.select(".source-row[data-source-id=" + id + "]");
		assertThat(row.select(".source-health small").text()).isEqualTo("2 / 1 failed / 3 new / 300 ms");
		assertThat(row.select("svg path.f").attr("d")).as("two days with fetches").matches("(M[\\d.]+ 18v-[\\d.]+h[\\d.]+v[\\d.]+){2}");
		assertThat(row.select("svg path.x").attr("d")).as("one day with a failure").matches("(M[\\d.]+ 18v-[\\d.]+h[\\d.]+v[\\d.]+){1}");
		assertThat(row.select("svg path.n").attr("d")).as("one day with new posts").matches("(M[\\d.]+ 18v-[\\d.]+h[\\d.]+v[\\d.]+){1}");
		assertThat(row.select("svg polyline.r").attr("points").split(" ")).hasSize(2);
		assertThat(page.select(".source-health-all svg")).hasSize(3);
		assertThat(page.select(".source-health-all p").text()).matches("\\d+ fetches, \\d+ failed, \\d+ new posts, \\d+ ms on average.");
	}

	@Test
	void failingLongestAndQuietLongestComeFirst() throws Exception {
		Instant day = this.now;
		long recent = source("HT Failing since yesterday");
		long old = source("HT Failing for a month");
		long never = source("HT Never worked");
		long fine = source("HT Fine");
		state(recent, 2, day.minus(Duration.ofDays(1)), day.minus(Duration.ofDays(3)));
		state(old, 40, day.minus(Duration.ofDays(30)), day.minus(Duration.ofDays(31)));
		state(never, 5, null, null);
		state(fine, 0, day, day.minus(Duration.ofDays(200)));

		assertThat(names(page("/admin/sources?q=HT%20&sort=failing"))).containsExactly("HT Never worked",
				"HT Failing for a month", "HT Failing since yesterday", "HT Fine");
		assertThat(names(page("/admin/sources?q=HT%20&sort=quiet"))).containsExactly("HT Never worked", "HT Fine",
				"HT Failing for a month", "HT Failing since yesterday");
		assertThat(names(page("/admin/sources?q=HT%20&status=failing"))).containsExactly("HT Failing for a month",
				"HT Failing since yesterday", "HT Never worked");
		assertThat(names(page("/admin/sources?q=month"))).containsExactly("HT Failing for a month");
		assertThat(names(page("/admin/sources?q=%25"))).isEmpty();
		assertThat(page("/admin/sources?sort=nonsense&status=bogus").select("#source-sort option[selected]").val())
			.isEqualTo("name");
	}

	@Test
	void theListIsPagedAndItsLinksKeepTheFilter() throws Exception {
		for (int i = 0; i < 60; i++) {
			source("HT Paged %02d".formatted(i));
		}
		Document first = page("/admin/sources?q=HT%20Paged&sort=quiet");
		assertThat(first.select(".source-row")).hasSize(SourceListController.PAGE_SIZE);
		assertThat(first.select(".pagination a.page-next").attr("href")).isEqualTo("/admin/sources?q=HT+Paged&sort=quiet&page=2");
		assertThat(page("/admin/sources?q=HT%20Paged&sort=quiet&page=2").select(".source-row")).hasSize(10);
		assertThat(this.mvc.perform(request("/admin/sources?q=HT%20Paged&page=3")).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(request("/admin/sources?page=0")).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void sourcesTickedArePausedResumedAndDeletedAfterAConfirmation() throws Exception {
		long a = source("HT Bulk A");
		long b = source("HT Bulk B");
		long c = source("HT Bulk C");
		MvcResult paused = this.mvc.perform(post("/admin/sources/bulk").param("id", "" + a, "" + b).param("action", "pause")
			.param("back", "/admin/sources?status=paused").with(csrf()).with(user("carol").roles("EDITOR"))).andReturn();
		assertThat(paused.getResponse().getRedirectedUrl()).isEqualTo("/admin/sources?status=paused");
		assertThat((String) paused.getFlashMap().get("message")).isEqualTo("Paused 2 sources.");
		assertThat(names(page("/admin/sources?q=HT%20Bulk&status=paused"))).containsExactly("HT Bulk A", "HT Bulk B");

		this.mvc.perform(post("/admin/sources/bulk").param("id", "" + b).param("action", "resume").param("back", "https://evil.example/")
			.with(csrf()).with(user("carol").roles("EDITOR"))).andReturn();
		assertThat(names(page("/admin/sources?q=HT%20Bulk&status=paused"))).containsExactly("HT Bulk A");

		MvcResult asked = this.mvc.perform(post("/admin/sources/bulk").param("id", "" + a, "" + c).param("action", "delete")
			.with(csrf()).with(user("carol").roles("EDITOR"))).andReturn();
		Document confirm = Jsoup.parse(asked.getResponse().getContentAsString());
		assertThat(confirm.select("h1").text()).isEqualTo("Delete 2 sources?");
		assertThat(confirm.select(".doomed-sources li").eachText()).hasSize(2);
		assertThat(this.jdbc.sql("select count(*) from feed_source where name like 'HT Bulk%'").query(Long.class).single())
			.as("nothing deleted before the confirmation").isEqualTo(3);

		this.mvc.perform(post("/admin/sources/bulk/delete").param("id", "" + a, "" + c).with(csrf())
			.with(user("carol").roles("EDITOR"))).andReturn();
		assertThat(this.jdbc.sql("select name from feed_source where name like 'HT Bulk%'").query(String.class).list())
			.containsExactly("HT Bulk B");
	}

	/**
	 * 10,000 sources with 30 days of fetches each (300,000 rows of {@code feed_fetch_day}): every
	 * page of the sources page stays under 200 KB, and the server time is measured (printed;
	 * the median of five renders of each order after one to warm up).
	 */
	@Test
	void tenThousandSourcesMakeSmallPagesQuickly() throws Exception {
		this.jdbc.sql("""
				insert into feed_source (name, slug, site_url, feed_url, category_id, active, consecutive_failures,
				                         last_success_at, last_new_post_at, last_fetched_at, last_error)
				select 'HT Many ' || lpad(i::text, 5, '0'), 'ht-many-' || i, 'https://many' || i || '.example/',
				       'https://many' || i || '.example/feed.xml', :category, i % 50 <> 0, case when i % 7 = 0 then i % 13 + 1 else 0 end,
				       now() - make_interval(hours => i % 1000), now() - make_interval(hours => i % 3000), now(),
				       case when i % 7 = 0 then 'HTTP 500' end
				from generate_series(1, 10000) i""").param("category", this.categoryId).update();
		this.jdbc.sql("""
				insert into feed_fetch_day (source_id, day, fetches, failures, new_posts, total_ms)
				select s.id, current_date - d, 24, case when s.consecutive_failures > 0 then 3 else 0 end, (s.id + d) % 3,
				       24 * (100 + (s.id * d) % 900)
				from feed_source s cross join generate_series(0, 29) d where s.category_id = :category""")
			.param("category", this.categoryId).update();
		StringBuilder report = new StringBuilder(
				"\nSources page with 10,000 sources: wall time fastest and median of 5, CPU time of the request thread (median), size\n");
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		for (String query : List.of("", "?sort=failing", "?sort=quiet", "?status=failing", "?q=Many%2009", "?page=150")) {
			String path = "/admin/sources" + query;
			page(path);
			List<Long> nanos = new ArrayList<>();
			List<Long> cpu = new ArrayList<>();
			int size = 0;
			for (int i = 0; i < 5; i++) {
				long start = System.nanoTime();
				long startCpu = threads.getCurrentThreadCpuTime();
				MockHttpServletResponse response = this.mvc.perform(request(path)).andReturn().getResponse();
				nanos.add(System.nanoTime() - start);
				cpu.add(threads.getCurrentThreadCpuTime() - startCpu);
				size = response.getContentAsString().getBytes(StandardCharsets.UTF_8).length;
				assertThat(response.getStatus()).isEqualTo(200);
			}
			Collections.sort(nanos);
			Collections.sort(cpu);
			report.append(String.format("  %-30s %5d ms %5d ms %5d ms CPU %8d bytes%n", path, nanos.get(0) / 1_000_000,
					nanos.get(2) / 1_000_000, cpu.get(2) / 1_000_000, size));
			assertThat(size).as(path).isLessThan(200 * 1024);
		}
		System.out.println(report);
	}

}
