package dev.blogroll.listing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing page (and a search results page, and a post page) runs a fixed, small number of
 * SQL statements, however many cards it shows: no query per card; and a conditional request
 * answered 304 renders nothing. This counts what rendering costs, so the cache of rendered
 * pages is off (with it, a page served again costs one statement: see
 * {@code RenderedPageCacheTests}). What only changes with the data version (the chrome's
 * categories and tags, a listing's count) is read once per version, so these count a page
 * rendered again with nothing changed, and a page right after a change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "blogroll.page-cache-size=0")
class ListingQueryCountTests {

	/** Statements sent to PostgreSQL by anyone in this application context. */
	static final AtomicInteger statements = new AtomicInteger();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private int statementsFor(String path) {
		SiteClient client = new SiteClient(this.port);
		client.page(path);
		statements.set(0);
		client.page(path);
		return statements.get();
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
		statements.set(0);
		client.page("/blog/engineering/page/17");
		// categories, featured tags and their fingerprint; the listing's count, its posts per day
		// and its scheduled posts
		assertThat(statements.get()).as("statements right after a change").isEqualTo(unchanged + 6);
		statements.set(0);
		client.page("/blog/engineering/page/16");
		assertThat(statements.get()).as("another page of the same listing").isEqualTo(unchanged);
	}

	@Test
	void aNotModifiedAnswerComesBeforeAnyRendering() {
		SiteClient client = new SiteClient(this.port);
		int rendered = statementsFor("/blog/engineering/page/17");
		String etag = client.get("/blog/engineering/page/17").header("ETag");
		statements.set(0);
		Response notModified = client.get("/blog/engineering/page/17", Map.of("If-None-Match", etag));
		assertThat(notModified.status()).isEqualTo(304);
		assertThat(notModified.body()).isEmpty();
		// the validators need the page's posts, so a 304 costs what a render does in statements
		assertThat(statements.get()).as("statements for a 304").isEqualTo(rendered);
	}

	@Test
	void aSearchResultsPageCostsTheSameFewStatementsWhateverItFinds() {
		int many = statementsFor("/search?q=gateway");
		int filtered = statementsFor("/search?q=gateway&category=engineering&tag=api-gateway&page=2");
		int none = statementsFor("/search?q=nothingmatchesthis");
		int prompt = statementsFor("/search");
		assertThat(many).as("statements for /search?q=gateway").isLessThanOrEqualTo(4);
		assertThat(filtered).isEqualTo(many);
		assertThat(none).isEqualTo(many);
		assertThat(prompt).as("nothing to search for").isEqualTo(many - 1);
	}

	@Test
	void aPostPageCostsTheSameFewStatementsWhateverItLinksTo() {
		int tagged = statementsFor("/blog/engineering/getting-started-kuma-service-mesh");
		int aggregated = statementsFor("/blog/engineering/kong-gateway-rate-limiting");
		assertThat(tagged).as("statements for a post page").isLessThanOrEqualTo(5);
		assertThat(aggregated).isEqualTo(tagged);
	}

	@TestConfiguration
	static class CountingDataSource {

		@Bean
		static BeanPostProcessor countStatements() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource) {
						return ProxyDataSourceBuilder.create(dataSource)
							.listener(new QueryExecutionListener() {
								@Override
								public void beforeQuery(ExecutionInfo execution,
										List<QueryInfo> queries) {
								}

								@Override
								public void afterQuery(ExecutionInfo execution,
										List<QueryInfo> queries) {
									statements.addAndGet(queries.size());
								}
							})
							.build();
					}
					return bean;
				}
			};
		}

	}

}
