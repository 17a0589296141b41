package dev.blogroll;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MockMvc's multipart requests say no length; a browser's always do, and Blogroll refuses an
 * upload that does not (411) before reading it. This gives a mock upload the length of what it
 * carries.
 */
public final class Uploads {

	private Uploads() {
	}

	/** The request's body is these bytes, so its length is theirs. */
	public static RequestPostProcessor length(byte[] body) {
		return (request) -> {
			request.setContent(body);
			return request;
		};
	}

}
