package dev.blogroll;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The admin's post form as a browser sends it: every field, for a valid draft, which a test then
 * changes where it is about something.
 */
public final class PostFormFields {

	private PostFormFields() {
	}

	/** Every field of a valid draft in the category and by the author given (ids). */
	public static Map<String, String> draft(Object categoryId, Object authorId) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", "A Test Post");
		fields.put("slug", "");
		fields.put("categoryId", String.valueOf(categoryId));
		fields.put("tags", "");
		fields.put("authorId", String.valueOf(authorId));
		fields.put("newAuthor", "");
		fields.put("publishedAt", "2026-11-30T09:00");
		fields.put("status", "DRAFT");
		fields.put("excerpt", "");
		fields.put("body", "Words.");
		fields.put("imageUrl", "");
		fields.put("imageAlt", "");
		fields.put("sourceUrl", "");
		fields.put("version", "0");
		return fields;
	}

	/** The fields with {@code changes} (name, value, name, value, …) applied; the same map. */
	public static Map<String, String> with(Map<String, String> fields, String... changes) {
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		return fields;
	}

	/** A POST of the fields to {@code path} by {@code editor}, an editor, with a CSRF token. */
	public static MockHttpServletRequestBuilder post(String path, String editor, Map<String, String> fields) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
			.with(csrf())
			.with(user(editor).roles("EDITOR"));
		fields.forEach(request::param);
		return request;
	}

}
