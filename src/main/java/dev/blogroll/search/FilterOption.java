package dev.blogroll.search;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * A category or tag that search results can be narrowed to.
 *
 * @param id its id
 * @param slug its slug, the value of the {@code category} or {@code tag} parameter
 * @param name what the reader sees
 */
record FilterOption(long id, String slug, String name) {

	/** The {@code <option>} elements of {@code options}, {@code selected} marked, every value and name escaped. */
	static String optionsHtml(List<FilterOption> options, @Nullable FilterOption selected) {
		StringBuilder html = new StringBuilder(options.size() * 64);
		for (FilterOption option : options) {
			html.append("<option value=\"").append(HtmlUtils.htmlEscape(option.slug(), "UTF-8")).append('"');
			if (selected != null && selected.slug().equals(option.slug())) {
				html.append(" selected");
			}
			html.append('>').append(HtmlUtils.htmlEscape(option.name(), "UTF-8")).append("</option>\n");
		}
		return html.toString();
	}

}
