package dev.blogroll.category;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * Editors choose the order of the categories in the navigation and which ones the header
 * shows (with many categories the header would wrap). Moving a category renumbers them all,
 * 1 to N, with every category row locked first, so two editors moving categories at once
 * take turns and never leave two at one position. A category without posts is never linked,
 * wherever it stands ({@link Categories}).
 */
@Controller
@RequestMapping("/admin/categories/{id}")
class CategoryNavigationController {

	private final CategoryRepository categories;

	private final SiteLocale siteLocale;

	CategoryNavigationController(CategoryRepository categories, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.categories = categories;
	}

	@PostMapping("/move")
	@Transactional
	String move(@PathVariable long id, @RequestParam String direction, RedirectAttributes redirect) {
		if (!direction.equals("up") && !direction.equals("down")) {
			throw new NotFoundException("A category moves up or down, not " + direction);
		}
		this.categories.lockAll();
		List<Category> ordered = new ArrayList<>(this.categories.findAllByOrderByPositionAscNameAsc());
		int from = indexOf(ordered, id);
		int to = direction.equals("up") ? from - 1 : from + 1;
		Category category = ordered.get(from);
		if (to >= 0 && to < ordered.size()) {
			ordered.add(to, ordered.remove(from));
		}
		for (int i = 0; i < ordered.size(); i++) {
			ordered.get(i).moveTo(i + 1);
		}
		redirect.addFlashAttribute("message", this.siteLocale.text("category.position", category.getName(),
				ordered.indexOf(category) + 1, ordered.size()));
		return "redirect:/admin/categories";
	}

	@PostMapping("/header")
	@Transactional
	String showInHeader(@PathVariable long id, @RequestParam boolean shown, RedirectAttributes redirect) {
		Category category = this.categories.findById(id)
			.orElseThrow(() -> new NotFoundException("There is no category " + id));
		category.showInHeader(shown);
		redirect.addFlashAttribute("message", this.siteLocale
			.text(shown ? "category.header.shown" : "category.header.hidden", category.getName()));
		return "redirect:/admin/categories";
	}

	private static int indexOf(List<Category> categories, long id) {
		for (int i = 0; i < categories.size(); i++) {
			if (Long.valueOf(id).equals(categories.get(i).getId())) {
				return i;
			}
		}
		throw new NotFoundException("There is no category " + id);
	}

}
