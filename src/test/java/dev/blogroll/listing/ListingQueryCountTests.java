package dev.blogroll.listing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;
import dev.blogroll.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing page (and a search results page, and a post page) runs a fixed, small number of
 * SQL statements, however many cards it shows: no query per card; and a conditional request
 * answered 304 renders nothing. This counts what rendering costs, so every request here
 * passes the cache of rendered pages by a query parameter the pages ignore (the cache leaves
 * requests with a query alone; a page served from it costs one statement: see
 * {@code RenderedPageCacheTests}). What only changes with the data version (the chrome's
 * categories and tags, a listing's count) is read once per version, so these count a page
 * rendered again with nothing changed, and a page right after a change.
 */
@BlogrollTest
class ListingQueryCountTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	/** Statements sent to PostgreSQL by anyone in the application context. */
	@Autowired
	private SqlStatements statements;

	private int statementsFor(String path) {
		SiteClient client = new SiteClient(this.port);
		client.page(rendered(path));
		this.statements.reset();
		client.page(rendered(path));
		return this.statements.count();
	}

	/** The path with a parameter the page ignores, so that it is rendered, not served from memory. */
	private static String rendered(String path) {
		return path + (path.contains("?") ? "&" : "?") + "utm_source=count";
	}

	@Test
	void aListingPageCostsTheSameFewStatementsWhateverItShows() {
		int page17 = statementsFor("/blog/engineering/page/17");
		int smallCategory = statementsFor("/blog/culture");
		int tag = statementsFor("/blog/tag/service-mesh");
		int author = statementsFor("/blog/author/marco-palladino");
		int all = statementsFor("/blog/page/3");
		// has anything changed, and the page's posts
		assertThat(page17).as("statements for /blog/engineering/page/17").isEqualTo(2);
		assertThat(smallCategory).isEqualTo(page17);
		assertThat(all).isEqualTo(page17);
		assertThat(tag).as("a tag is looked up by its slug").isEqualTo(page17 + 1);
		assertThat(author).as("an author is looked up by its slug").isEqualTo(page17 + 1);
	}

	@Test
	void afterAChangeTheChromeAndTheCountAreReadAgainOnce() {
		SiteClient client = new SiteClient(this.port);
		int unchanged = statementsFor("/blog/engineering/page/17");
		this.jdbc.sql("update category set description = description where slug = 'culture'").update();
		this.statements.reset();
		client.page(rendered("/blog/engineering/page/17"));
		// categories, featured tags and their fingerprint; the listing's count, its posts per day
		// and its scheduled posts
		assertThat(this.statements.count()).as("statements right after a change").isEqualTo(unchanged + 6);
		this.statements.reset();
		client.page(rendered("/blog/engineering/page/16"));
		assertThat(this.statements.count()).as("another page of the same listing").isEqualTo(unchanged);
	}

	@Test
	void aNotModifiedAnswerComesBeforeAnyRendering() {
		SiteClient client = new SiteClient(this.port);
		int rendered = statementsFor("/blog/engineering/page/17");
		String etag = client.get("/blog/engineering/page/17").header("ETag");
		this.statements.reset();
		Response notModified = client.get("/blog/engineering/page/17", Map.of("If-None-Match", etag));
		assertThat(notModified.status()).isEqualTo(304);
		assertThat(notModified.body()).isEmpty();
		// the validators need the page's posts, so a 304 costs what a render does in statements
		assertThat(this.statements.count()).as("statements for a 304").isEqualTo(rendered);
	}

	@Test
	void aSearchResultsPageCostsABoundedNumberOfStatementsWhateverItFinds() {
		// matches are looked for in at most 4 slices of dates, newest first (SearchQueries), each a
		// look at the listing counts and one statement; then one for the page; a common word is
		// done in the first slice, a word nothing has walks all four
		int many = statementsFor("/search?q=gateway");
		int filtered = statementsFor("/search?q=gateway&category=engineering&tag=api-gateway&page=2");
		int none = statementsFor("/search?q=nothingmatchesthis");
		int prompt = statementsFor("/search");
		assertThat(many).as("statements for /search?q=gateway").isLessThanOrEqualTo(5);
		assertThat(filtered).as("statements for a filtered search").isLessThanOrEqualTo(10);
		assertThat(none).as("statements for a search nothing matches").isLessThanOrEqualTo(10);
		assertThat(prompt).as("nothing to search for").isLessThan(many);
	}

	@Test
	void aPostPageCostsTheSameFewStatementsWhateverItLinksTo() {
		int tagged = statementsFor("/blog/engineering/getting-started-kuma-service-mesh");
		int aggregated = statementsFor("/blog/engineering/kong-gateway-rate-limiting");
		assertThat(tagged).as("statements for a post page").isLessThanOrEqualTo(5);
		assertThat(aggregated).isEqualTo(tagged);
	}

}
