package dev.blogroll.ingest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.blogroll.web.NotFoundException;

/**
 * What an editor does to one source from its page or the table: fetch it now (in the background,
 * {@link FetchNow}), pause, resume, delete (its posts stay).
 */
@Controller
@RequestMapping("/admin/sources")
class SourceActionController {

	private final FeedSources sources;

	private final FetchNow fetchNow;

	SourceActionController(FeedSources sources, FetchNow fetchNow) {
		this.sources = sources;
		this.fetchNow = fetchNow;
	}

	@PostMapping("/{id}/fetch")
	String fetchNow(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		switch (this.fetchNow.start(id)) {
			case STARTED -> redirect.addFlashAttribute("message", "Fetching “" + source.name()
					+ "” in the background. This page shows how far it is; the result appears under Last fetches.");
			case ALREADY_FETCHING -> redirect.addFlashAttribute("error",
					"“" + source.name() + "” is being fetched right now.");
			case TOO_MANY_WAITING -> redirect.addFlashAttribute("error",
					"Too many fetches are waiting already. Try again in a minute.");
		}
		return "redirect:/admin/sources/" + id;
	}

	@PostMapping("/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		this.sources.setActive(id, false);
		redirect.addFlashAttribute("message", "Paused “" + source.name() + "”.");
		return "redirect:/admin/sources";
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		this.sources.setActive(id, true);
		redirect.addFlashAttribute("message", "Resumed “" + source.name() + "”; it will be fetched within a minute.");
		return "redirect:/admin/sources";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		FeedSource source = find(id);
		this.sources.delete(id);
		redirect.addFlashAttribute("message",
				"Deleted the source “" + source.name() + "”. Its posts stay; edit or trash them under Posts.");
		return "redirect:/admin/sources";
	}

	private FeedSource find(long id) {
		return this.sources.findById(id).orElseThrow(() -> new NotFoundException("There is no source " + id));
	}

}
