package dev.blogroll.author;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.text.WebAddresses;
import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * Editors write what an author's page says of them: a short bio and an avatar. The avatar is
 * an https address for now (an image hosted elsewhere; readers' browsers load it, so plain
 * http would be blocked as mixed content on an https site).
 */
@Controller
@RequestMapping("/admin/authors/{id}/profile")
class AuthorProfileController {

	private final AuthorRepository authors;

	private final SiteLocale siteLocale;

	AuthorProfileController(AuthorRepository authors, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.authors = authors;
	}

	@GetMapping
	String initProfileForm(@PathVariable long id, Model model) {
		Author author = find(id);
		model.addAttribute("author", author);
		model.addAttribute("profileForm",
				new ProfileForm(author.getBio(), (author.getAvatarUrl() != null) ? author.getAvatarUrl() : ""));
		return "admin/author-profile";
	}

	@PostMapping
	@Transactional
	String processProfileForm(@PathVariable long id, @Valid ProfileForm profileForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Author author = find(id);
		String avatar = profileForm.avatarOrNull();
		if (avatar != null && !result.hasFieldErrors("avatarUrl")
				&& (!avatar.regionMatches(true, 0, "https://", 0, 8) || !WebAddresses.isValid(avatar))) {
			result.rejectValue("avatarUrl", "avatar.https", this.siteLocale.text("author.avatar.https"));
		}
		if (result.hasErrors()) {
			model.addAttribute("author", author);
			return "admin/author-profile";
		}
		author.describe(profileForm.bioOrEmpty(), avatar);
		redirect.addFlashAttribute("message", this.siteLocale.text("author.profile.saved", author.getName()));
		return "redirect:/admin/authors";
	}

	private Author find(long id) {
		return this.authors.findById(id).orElseThrow(() -> new NotFoundException("There is no author " + id));
	}

	/**
	 * An author's profile.
	 *
	 * @param bio a sentence or two, shown under their name
	 * @param avatarUrl an https address of their picture, or blank for none
	 */
	record ProfileForm(@Size(max = 500, message = "{author.bio.tooLong}") @Nullable String bio,
			@Size(max = WebAddresses.MAX_LENGTH, message = "{post.address.tooLong}") @Nullable String avatarUrl) {

		String bioOrEmpty() {
			return (this.bio == null) ? "" : this.bio.strip();
		}

		@Nullable String avatarOrNull() {
			return (this.avatarUrl == null || this.avatarUrl.isBlank()) ? null : this.avatarUrl.strip();
		}

	}

}
