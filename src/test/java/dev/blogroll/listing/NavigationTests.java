package dev.blogroll.listing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.SiteClient;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the navigation shows and marks, as rendered HTML: the current category and tag carry
 * {@code aria-current}; the phone menu is a {@code <details>} element listing every category
 * with posts and the topics; editors choose the header's categories and their order; an empty
 * category is never linked; the home page shows the newest posts, then each category's, none
 * twice.
 */
@BlogrollTest
class NavigationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPosts testPosts;

	@AfterEach
	void putTheNavigationBack() {
		this.testPosts.remove(List.of("navigation-shelf-post"), List.of("navigation-empty", "navigation-shelf"),
				List.of(), List.of());
		this.jdbc.sql("""
				update category c set nav_position = ordered.position, in_navigation = true
				from (select id, row_number() over (order by name) as position from category) ordered
				where ordered.id = c.id and (c.nav_position <> ordered.position or not c.in_navigation)""").update();
	}

	private Document page(String path) {
		return new SiteClient(this.port).page(path);
	}

	@Test
	void theCurrentCategoryIsMarkedInTheHeaderAndInTheMenu() {
		Document page17 = page("/blog/engineering/page/17");
		assertThat(page17.select(".site-nav a[aria-current]").eachText()).containsExactly("Engineering");
		assertThat(page17.select(".site-nav a[aria-current]").attr("aria-current")).isEqualTo("page");
		assertThat(page17.select(".site-menu a[aria-current]").eachText()).containsExactly("Engineering");
		assertThat(page("/blog").select(".site-nav a[aria-current=page]").eachText()).containsExactly("All posts");
		assertThat(page("/").select("header a[aria-current]")).isEmpty();
		// a post belongs to its category: "true", not "page", since the category's page is not this one
		Document post = page("/blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes");
		assertThat(post.select(".site-nav a[aria-current=true]").eachText()).containsExactly("Engineering");
	}

	@Test
	void theCurrentTagIsMarkedInTheTagStrip() {
		Document tag = page("/blog/tag/api-gateway");
		assertThat(tag.select("nav[aria-label=Topics] a[aria-current=page]").eachText()).containsExactly("API Gateway");
		assertThat(tag.select(".site-nav a[aria-current]")).isEmpty();
	}

	@Test
	void thePhoneMenuIsADetailsElementWithEveryCategoryAndTopic() {
		Document page = page("/blog/engineering/page/17");
		Element menu = page.selectFirst("header details.site-menu");
		assertThat(menu).isNotNull();
		assertThat(menu.selectFirst("summary").text()).isEqualTo("Menu");
		assertThat(menu.select("nav[aria-label=Menu] .site-menu-list a").eachText()).containsExactly("All posts",
				"Culture", "Engineering", "Learning Center", "News", "Product Releases");
		assertThat(menu.select(".site-menu-tags a").eachText())
			.isEqualTo(page.select("nav[aria-label=Topics] a").eachText());
		assertThat(menu.select("a[href=/feeds]")).hasSize(1);
		assertThat(menu.select("form[role=search] input[name=q]")).hasSize(1);
	}

	@Test
	void editorsChooseTheHeadersCategoriesAndTheirOrder() {
		this.jdbc.sql("update category set nav_position = case slug when 'news' then 1 when 'engineering' then 2 else 10 end")
			.update();
		this.jdbc.sql("update category set in_navigation = false where slug = 'culture'").update();
		Document page = page("/blog");
		assertThat(page.select(".site-nav a").eachText()).containsExactly("All posts", "News", "Engineering",
				"Learning Center", "Product Releases");
		// the menu and the footer still show every category, in the same order
		assertThat(page.select(".site-menu-list a").eachText()).containsExactly("All posts", "News", "Engineering",
				"Culture", "Learning Center", "Product Releases");
		assertThat(page.select("footer nav a").eachText()).containsSequence("News", "Engineering", "Culture");
	}

	@Test
	void anEmptyCategoryIsNotLinkedButItsPageStillAnswers() {
		this.jdbc.sql("insert into category (slug, name, description, nav_position) values "
				+ "('navigation-empty', 'Navigation Empty', '', 0)").update();
		Document home = page("/");
		assertThat(home.select("a[href=/blog/navigation-empty]")).isEmpty();
		assertThat(page("/blog/navigation-empty").select(".listing-empty").text()).isEqualTo("No posts yet. Check back soon!");
		// once it has a post it is linked everywhere
		this.testPosts.add(PostBuilder.post().slug("navigation-shelf-post").category("Navigation Empty"));
		Document after = page("/");
		assertThat(after.select(".site-nav a[href=/blog/navigation-empty]")).hasSize(1);
		assertThat(after.select(".site-menu a[href=/blog/navigation-empty]")).hasSize(1);
		assertThat(after.select("footer a[href=/blog/navigation-empty]")).hasSize(1);
	}

	@Test
	void aCategoryImportedUnderItsSlugIsNamedInWords() {
		this.testPosts.add(PostBuilder.post().slug("navigation-shelf-post").category("navigation-shelf"));
		Document page = page("/blog/navigation-shelf");
		assertThat(page.select("h1").text()).isEqualTo("Navigation Shelf");
		assertThat(page.select(".site-nav a[href=/blog/navigation-shelf]").text()).isEqualTo("Navigation Shelf");
		// and, created by an import rather than an editor, it still comes after every other
		assertThat(page.select(".site-nav a").eachText()).last().isEqualTo("Navigation Shelf");
	}

	@Test
	void theHomePageShowsTheNewestPostsThenEachCategorysNewestNoneTwice() {
		Document home = page("/");
		assertThat(home.select("main h1").text()).isEqualTo("Engineering blogs worth reading");
		assertThat(home.select("main > section.intro p").text()).hasSizeLessThan(200);
		List<Element> sections = home.select("main > section.home-section");
		assertThat(sections.get(0).select("h2").text()).isEqualTo("Newest posts");
		assertThat(sections.get(0).select("article.card")).hasSize(6);
		List<String> categories = sections.subList(1, sections.size())
			.stream()
			.map((section) -> section.select("h2").text())
			.toList();
		assertThat(categories).containsExactly("Culture", "Engineering", "Learning Center", "News", "Product Releases");
		for (Element section : sections.subList(1, sections.size())) {
			String href = section.select("h2 a").attr("href");
			assertThat(section.select("a.home-section-more").attr("href")).isEqualTo(href);
			assertThat(section.select("article.card")).hasSizeBetween(1, 3)
				.allSatisfy((card) -> assertThat(card.select(".card-category").attr("href")).isEqualTo(href));
		}
		Set<String> shown = new HashSet<>();
		for (Element title : home.select("article.card .card-title a")) {
			assertThat(shown.add(title.attr("href"))).as("%s shown once", title.attr("href")).isTrue();
		}
		assertThat(home.select("article.card h3.card-title")).hasSize(home.select("article.card").size());
	}

}
