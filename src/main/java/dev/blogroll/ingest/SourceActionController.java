package dev.blogroll.ingest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.SiteLocale;

/**
 * What an editor does to one source from its page or the table: fetch it now (in the background,
 * {@link FetchNow}), pause, resume, delete (its posts stay).
 */
@Controller
@RequestMapping("/admin/sources")
class SourceActionController {

	private final FeedSources sources;

	private final FetchNow fetchNow;

	private final SiteLocale siteLocale;

	SourceActionController(FeedSources sources, FetchNow fetchNow, SiteLocale siteLocale) {
		this.siteLocale = siteLocale;
		this.sources = sources;
		this.fetchNow = fetchNow;
	}

	@PostMapping("/{id}/fetch")
	String fetchNow(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		switch (this.fetchNow.start(id)) {
			case STARTED -> redirect.addFlashAttribute("message", this.siteLocale.text("source.fetching", source.name()));
			case ALREADY_FETCHING -> redirect.addFlashAttribute("error",
					this.siteLocale.text("source.alreadyFetching", source.name()));
			case TOO_MANY_WAITING -> redirect.addFlashAttribute("error",
					this.siteLocale.text("source.tooManyWaiting"));
		}
		return "redirect:/admin/sources/" + id;
	}

	@PostMapping("/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		this.sources.setActive(id, false);
		redirect.addFlashAttribute("message", this.siteLocale.text("source.paused", source.name()));
		return "redirect:/admin/sources";
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		this.sources.setActive(id, true);
		redirect.addFlashAttribute("message", this.siteLocale.text("source.resumed", source.name()));
		return "redirect:/admin/sources";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		this.sources.delete(id);
		redirect.addFlashAttribute("message",
				this.siteLocale.text("source.deleted", source.name()));
		return "redirect:/admin/sources";
	}

	private FeedSource find(long id) {
		return this.sources.findById(id).orElseThrow(() -> new NotFoundException("There is no source " + id));
	}

}
