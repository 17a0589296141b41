package dev.blogroll.listing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: what Blogroll is, the newest posts, and the way into the blog.
 */
@Controller
class HomeController {

	private static final int NEWEST = 6;

	private final ListingQueries queries;

	HomeController(ListingQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/")
	String showHome(Model model) {
		model.addAttribute("cards", this.queries.page(new ListingFilter.All(), 1, NEWEST));
		return "home";
	}

}
