package dev.blogroll.post;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Summaries that older rules made from post bodies are rewritten once, from the rendered text,
 * in batches; editors' excerpts are left alone, and posts written now already follow the new
 * rules.
 */
@BlogrollTest
class SummaryRefreshTests {

	private static final String BODY = "## Setting up\n\n- Install the gateway\n- Add a route\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";

	@Autowired
	private SummaryRefresh refresh;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	private final List<String> slugs = new ArrayList<>();

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(this.slugs, List.of(), List.of(), List.of());
	}

	private String summary(String slug) {
		return this.jdbc.sql("select summary from post where slug = :slug").param("slug", slug).query(String.class).single();
	}

	private int rules(String slug) {
		return this.jdbc.sql("select summary_rules from post where slug = :slug")
			.param("slug", slug)
			.query(Integer.class)
			.single();
	}

	@Test
	void postsWrittenNowFollowTheNewRules() {
		this.slugs.add("summary-new");
		this.testPosts.add(PostBuilder.post().slug("summary-new").excerpt("").body(BODY));
		assertThat(summary("summary-new")).isEqualTo("Setting up. Install the gateway. Add a route.");
		assertThat(rules("summary-new")).isEqualTo(SummaryRefresh.RULES);
	}

	@Test
	void summariesOlderRulesDerivedAreRewrittenInBatchesAndExcerptsAreKept() {
		int posts = SummaryRefresh.BATCH + 7;
		PostBuilder[] builders = new PostBuilder[posts + 1];
		for (int i = 0; i < posts; i++) {
			this.slugs.add("summary-old-" + i);
			builders[i] = PostBuilder.post().slug("summary-old-" + i).title("Summary old " + i).excerpt("").body(BODY);
		}
		this.slugs.add("summary-excerpt");
		builders[posts] = PostBuilder.post().slug("summary-excerpt").excerpt("The editor's own words.").body(BODY);
		this.testPosts.add(builders);
		// as the rows were before V63: the old rules' run-together text
		this.jdbc.sql("update post set summary = 'Setting up Install the gateway Add a route | a | b |', summary_rules = 1 "
				+ "where slug like 'summary-%'").update();

		assertThat(this.refresh.refreshAll()).isEqualTo(posts);

		for (int i = 0; i < posts; i += 101) {
			assertThat(summary("summary-old-" + i)).isEqualTo("Setting up. Install the gateway. Add a route.");
			assertThat(rules("summary-old-" + i)).isEqualTo(SummaryRefresh.RULES);
		}
		assertThat(summary("summary-old-" + (posts - 1))).isEqualTo("Setting up. Install the gateway. Add a route.");
		assertThat(rules("summary-excerpt")).as("an editor's excerpt is not derived: left alone").isEqualTo(1);
		assertThat(this.refresh.refreshAll()).as("nothing left the second time").isZero();
	}

}
