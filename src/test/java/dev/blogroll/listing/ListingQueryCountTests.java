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

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import dev.blogroll.SiteClient;
import dev.blogroll.SiteClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing page (and a search results page, and a post page) runs a fixed, small number of
 * SQL statements, however many cards it shows: no query per card; and a conditional request
 * answered 304 renders nothing. This counts what rendering costs, so the cache of rendered
 * pages is off (with it, a page served again costs one statement: see
 * {@code RenderedPageCacheTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "blogroll.page-cache-size=0")
class ListingQueryCountTests {

	/** Statements sent to PostgreSQL by anyone in this application context. */
	static final AtomicInteger statements = new AtomicInteger();

	@LocalServerPort
	private int port;

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
		assertThat(page17).as("statements for /blog/engineering/page/17").isLessThanOrEqualTo(6);
		assertThat(smallCategory).isEqualTo(page17);
		assertThat(tag).isEqualTo(page17);
		assertThat(author).isEqualTo(page17);
		assertThat(all).as("no category, tag or author to look up").isEqualTo(page17 - 1);
	}

	@Test
	void aNotModifiedAnswerComesBeforeAnyRendering() {
		SiteClient client = new SiteClient(this.port);
		int rendered = statementsFor("/blog/engineering/page/17");
		String etag = client.get("/blog/engineering/page/17").header("ETag");
		statements.set(0);
		Response notModified = client.get("/blog/engineering/page/17", Map.of("If-None-Match", etag));
		assertThat(notModified.status()).isEqualTo(304);
		// the layout reads the categories and the tag strip while rendering: a 304 never gets there
		assertThat(statements.get()).as("statements for a 304").isEqualTo(rendered - 2);
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
