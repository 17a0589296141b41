package dev.blogroll.admin;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Categories, tags and authors in the admin: the same slug rules as posts, no deleting what
 * posts still use, and merging tags.
 */
@BlogrollTest
class TaxonomyAdminTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPosts testPosts;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("taxonomy-one", "taxonomy-two"), List.of("taxonomy-shelf", "taxonomy-renamed"),
				List.of("taxonomy-red", "taxonomy-crimson", "taxonomy-unused"), List.of("taxonomy-writer"));
	}

	private MvcResult postAs(String path, String... params) throws Exception {
		var request = post(path).with(csrf()).with(user("carol").roles("EDITOR"));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request).andReturn();
	}

	private String flash(MvcResult result, String name) {
		return (String) result.getFlashMap().get(name);
	}

	private long id(String table, String slug) {
		return this.jdbc.sql("select id from " + table + " where slug = :slug").param("slug", slug).query(Long.class)
			.single();
	}

	@Test
	void aCategoryIsCreatedWithItsDescriptionShownOnItsListing() throws Exception {
		MvcResult result = postAs("/admin/categories", "name", "Taxonomy Shelf", "slug", "", "description",
				"Things on a shelf.");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/categories");
		assertThat(this.jdbc.sql("select description from category where slug = 'taxonomy-shelf'").query(String.class)
			.single()).isEqualTo("Things on a shelf.");
	}

	@Test
	void reservedAndTakenCategorySlugsAreRefusedWithTheInputKept() throws Exception {
		Document reserved = Jsoup.parse(postAs("/admin/categories", "name", "Search", "slug", "", "description", "x")
			.getResponse().getContentAsString());
		assertThat(reserved.select("#slug-error").text()).contains("“search” is a word the site's URLs use");
		assertThat(reserved.select("input#name").val()).isEqualTo("Search");
		Document taken = Jsoup.parse(postAs("/admin/categories", "name", "Another", "slug", "engineering",
				"description", "").getResponse().getContentAsString());
		assertThat(taken.select("#slug-error").text()).isEqualTo("The category “Engineering” already uses this slug.");
		assertThat(this.jdbc.sql("select count(*) from category where name in ('Search', 'Another')").query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCategoryWithPostsCannotBeDeletedAndTheMessageSaysHowMany() throws Exception {
		this.testPosts.add(PostBuilder.post().slug("taxonomy-one").category("Taxonomy Shelf").author("Taxonomy Writer"),
				PostBuilder.post().slug("taxonomy-two").category("Taxonomy Shelf").author("Taxonomy Writer"));
		MvcResult result = postAs("/admin/categories/" + id("category", "taxonomy-shelf") + "/delete", "confirm", "true");
		assertThat(flash(result, "error")).isEqualTo(
				"“Taxonomy Shelf” still has 2 posts (trashed ones included). Move or delete them first.");
		MvcResult author = postAs("/admin/authors/" + id("author", "taxonomy-writer") + "/delete", "confirm", "true");
		assertThat(flash(author, "error")).startsWith("“Taxonomy Writer” still has 2 posts");
		assertThat(this.jdbc.sql("select count(*) from category where slug = 'taxonomy-shelf'").query(Long.class)
			.single()).isOne();
	}

	@Test
	void renamingACategoryMovesItsPostsToTheNewUrlWithRedirects() throws Exception {
		this.testPosts.add(PostBuilder.post().slug("taxonomy-one").category("Taxonomy Shelf"));
		postAs("/admin/categories/" + id("category", "taxonomy-shelf") + "/edit", "name", "Taxonomy Renamed", "slug",
				"taxonomy-renamed", "description", "");
		MvcResult old = this.mvc.perform(get("/blog/taxonomy-shelf/taxonomy-one")).andReturn();
		assertThat(old.getResponse().getStatus()).isEqualTo(301);
		assertThat(old.getResponse().getRedirectedUrl()).isEqualTo("/blog/taxonomy-renamed/taxonomy-one");
	}

	@Test
	void mergingATagMovesItsPostsAndRemovesIt() throws Exception {
		this.testPosts.add(PostBuilder.post().slug("taxonomy-one").tags("Taxonomy Red"),
				PostBuilder.post().slug("taxonomy-two").tags("Taxonomy Red", "Taxonomy Crimson"));
		MvcResult result = postAs("/admin/tags/" + id("tag", "taxonomy-red") + "/merge", "into",
				String.valueOf(id("tag", "taxonomy-crimson")));
		assertThat(flash(result, "message")).isEqualTo("Merged “Taxonomy Red” into “Taxonomy Crimson”: its 2 posts are now tagged “Taxonomy Crimson”.");
		assertThat(this.jdbc.sql("""
				select p.slug from post p join post_tag pt on pt.post_id = p.id join tag t on t.id = pt.tag_id
				where t.slug = 'taxonomy-crimson' order by p.slug""").query(String.class).list())
			.containsExactly("taxonomy-one", "taxonomy-two");
		assertThat(this.jdbc.sql("select count(*) from tag where slug = 'taxonomy-red'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aTagInUseIsNotDeletedButAnUnusedOneIs() throws Exception {
		this.testPosts.add(PostBuilder.post().slug("taxonomy-one").tags("Taxonomy Red"));
		this.jdbc.sql("insert into tag (slug, name) values ('taxonomy-unused', 'Taxonomy Unused')").update();
		assertThat(flash(postAs("/admin/tags/" + id("tag", "taxonomy-red") + "/delete", "confirm", "true"), "error"))
			.startsWith("“Taxonomy Red” is still on 1 posts");
		assertThat(flash(postAs("/admin/tags/" + id("tag", "taxonomy-unused") + "/delete", "confirm", "true"), "message"))
			.isEqualTo("Deleted the tag “Taxonomy Unused”.");
	}

	@Test
	void editorsMoveCategoriesInTheNavigationAndChooseWhichTheHeaderShows() throws Exception {
		try {
			List<String> before = order();
			long news = id("category", "news");
			MvcResult up = postAs("/admin/categories/" + news + "/move", "direction", "up");
			assertThat(up.getResponse().getRedirectedUrl()).isEqualTo("/admin/categories");
			List<String> after = order();
			int was = before.indexOf("news");
			assertThat(after.indexOf("news")).isEqualTo(was - 1);
			assertThat(flash(up, "message")).isEqualTo("“News” is number " + was + " of " + after.size() + " in the navigation.");
			assertThat(this.jdbc.sql("select count(distinct nav_position) = count(*) from category").query(Boolean.class)
				.single()).as("positions stay distinct").isTrue();
			long first = id("category", after.get(0));
			postAs("/admin/categories/" + first + "/move", "direction", "up");
			assertThat(order().get(0)).as("the first cannot go higher").isEqualTo(after.get(0));
			assertThat(postAs("/admin/categories/" + first + "/move", "direction", "sideways").getResponse().getStatus())
				.isEqualTo(404);

			MvcResult hide = postAs("/admin/categories/" + news + "/header", "shown", "false");
			assertThat(flash(hide, "message")).contains("no longer shows “News”");
			assertThat(this.jdbc.sql("select in_navigation from category where slug = 'news'").query(Boolean.class).single())
				.isFalse();
			Document admin = Jsoup.parse(this.mvc.perform(get("/admin/categories").with(user("carol").roles("EDITOR")))
				.andReturn().getResponse().getContentAsString());
			assertThat(admin.select("tr:has(a:containsOwn(News))").text()).contains("Menu only");
			postAs("/admin/categories/" + news + "/header", "shown", "true");
			assertThat(this.jdbc.sql("select in_navigation from category where slug = 'news'").query(Boolean.class).single())
				.isTrue();
		}
		finally {
			this.jdbc.sql("""
					update category c set nav_position = ordered.position, in_navigation = true
					from (select id, row_number() over (order by name) as position from category) ordered
					where ordered.id = c.id""").update();
		}
	}

	@Test
	void aNewCategoryGoesLastInTheNavigation() throws Exception {
		postAs("/admin/categories", "name", "Taxonomy Shelf", "slug", "", "description", "");
		List<String> order = order();
		assertThat(order.get(order.size() - 1)).isEqualTo("taxonomy-shelf");
	}

	@Test
	void anAuthorsBioAndAvatarAreEditedWithTheInputKeptOnAMistake() throws Exception {
		this.testPosts.add(PostBuilder.post().slug("taxonomy-one").author("Taxonomy Writer"));
		long writer = id("author", "taxonomy-writer");
		Document form = Jsoup.parse(this.mvc.perform(get("/admin/authors/" + writer + "/profile")
			.with(user("carol").roles("EDITOR"))).andReturn().getResponse().getContentAsString());
		assertThat(form.select("textarea[name=bio]")).hasSize(1);
		assertThat(form.select("input[name=avatarUrl][type=url]")).hasSize(1);

		Document refused = Jsoup.parse(postAs("/admin/authors/" + writer + "/profile", "bio", "Writes at night.",
				"avatarUrl", "http://images.example/me.jpg").getResponse().getContentAsString());
		assertThat(refused.select("#avatarUrl-error").text()).contains("https address");
		assertThat(refused.select("textarea[name=bio]").text()).isEqualTo("Writes at night.");
		assertThat(postAs("/admin/authors/" + writer + "/profile", "bio", "x".repeat(501), "avatarUrl", "")
			.getResponse().getContentAsString()).contains("Keep the bio under 500 characters.");

		MvcResult saved = postAs("/admin/authors/" + writer + "/profile", "bio", "  Writes at night.  ", "avatarUrl",
				"https://images.example/me.jpg");
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/authors");
		assertThat(this.jdbc.sql("select bio || ' ' || avatar_url from author where id = :id").param("id", writer)
			.query(String.class).single()).isEqualTo("Writes at night. https://images.example/me.jpg");
		postAs("/admin/authors/" + writer + "/profile", "bio", "", "avatarUrl", " ");
		assertThat(this.jdbc.sql("select avatar_url is null from author where id = :id").param("id", writer)
			.query(Boolean.class).single()).as("a blank address removes the avatar").isTrue();
	}

	private List<String> order() {
		return this.jdbc.sql("select slug from category order by nav_position, name").query(String.class).list();
	}

}
