package dev.blogroll.category;

import java.util.function.Supplier;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.database.DatabaseFailures;
import dev.blogroll.database.Writes;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * Editors manage categories: name, slug and the description shown on the listing. A category
 * that still has posts cannot be deleted. What another editor does at the same instant (takes
 * the name or slug, adds a post to the category being deleted) comes back as the form's or the
 * page's message, from the constraint PostgreSQL names. Their order in the navigation, and
 * whether the header shows them, are {@link CategoryNavigationController}'s.
 */
@Controller
@RequestMapping("/admin/categories")
class CategoryAdminController {

	private final CategoryRepository categories;

	private final Writes writes;

	private final SiteLocale siteLocale;

	CategoryAdminController(CategoryRepository categories, Writes writes, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.categories = categories;
		this.writes = writes;
	}

	@GetMapping
	String showCategories(Model model) {
		model.addAttribute("categories", this.categories.findAllByOrderByPositionAscNameAsc());
		model.addAttribute("counts", this.categories.postCounts());
		if (!model.containsAttribute("categoryForm")) {
			model.addAttribute("categoryForm", new CategoryForm("", "", ""));
		}
		return "admin/categories";
	}

	@GetMapping("/{id}/edit")
	String initEditForm(@PathVariable long id, Model model) {
		Category category = find(id);
		model.addAttribute("category", category);
		model.addAttribute("categoryForm",
				new CategoryForm(category.getName(), category.getSlug(), category.getDescription()));
		return "admin/category-form";
	}

	@PostMapping
	String processCreateForm(@Valid CategoryForm categoryForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		categoryForm.check(null, this.categories, result, this.siteLocale);
		if (!result.hasErrors()) {
			save(() -> this.categories.save(new Category(categoryForm.name().strip(), categoryForm.resolvedSlug(),
					categoryForm.descriptionOrEmpty(), this.categories.nextPosition())), result);
		}
		if (result.hasErrors()) {
			return showCategories(model);
		}
		redirect.addFlashAttribute("message", this.siteLocale.text("category.created", categoryForm.name().strip()));
		return "redirect:/admin/categories";
	}

	@PostMapping("/{id}/edit")
	String processEditForm(@PathVariable long id, @Valid CategoryForm categoryForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Category category = find(id);
		categoryForm.check(id, this.categories, result, this.siteLocale);
		if (!result.hasErrors()) {
			save(() -> {
				find(id).change(categoryForm.name().strip(), categoryForm.resolvedSlug(),
						categoryForm.descriptionOrEmpty());
				return null;
			}, result);
		}
		if (result.hasErrors()) {
			model.addAttribute("category", category);
			return "admin/category-form";
		}
		redirect.addFlashAttribute("message", this.siteLocale.text("category.saved", categoryForm.name().strip()));
		return "redirect:/admin/categories";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Category category = find(id);
		long posts = this.categories.countPosts(id);
		if (posts > 0) {
			redirect.addFlashAttribute("error", this.siteLocale.text("category.stillHasPosts", category.getName(), posts));
			return "redirect:/admin/categories";
		}
		boolean deleted = this.writes.unlessRaceLost(() -> {
			this.categories.deleteById(id);
			this.categories.flush();
		});
		if (!deleted) {
			// a feed source uses it, or a post was given it while it was being deleted
			redirect.addFlashAttribute("error", this.siteLocale.text("category.stillUsed", category.getName()));
			return "redirect:/admin/categories";
		}
		redirect.addFlashAttribute("message", this.siteLocale.text("category.deleted", category.getName()));
		return "redirect:/admin/categories";
	}

	/**
	 * Saves, in a transaction of its own; a name or slug another editor took meanwhile becomes
	 * the form's error, like one found by {@link CategoryForm#check}.
	 */
	private void save(Supplier<@Nullable Object> write, BindingResult result) {
		try {
			this.writes.inTransaction(write);
		}
		catch (RuntimeException ex) {
			String constraint = DatabaseFailures.violatedConstraint(ex);
			if ("category_slug_unique".equals(constraint)) {
				result.rejectValue("slug", "slug.taken", this.siteLocale.text("category.slug.takenByAnother"));
			}
			else if ("category_name_unique".equals(constraint)) {
				result.rejectValue("name", "name.taken", this.siteLocale.text("category.name.taken"));
			}
			else {
				throw ex;
			}
		}
	}

	private Category find(long id) {
		return this.categories.findById(id).orElseThrow(() -> new NotFoundException("There is no category " + id));
	}

}
