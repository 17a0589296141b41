package dev.blogroll.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown for a page that existed and was removed on purpose (a trashed post): readers and
 * crawlers get 410 Gone, so search engines drop it.
 */
@ResponseStatus(HttpStatus.GONE)
public class GoneException extends RuntimeException {

	public GoneException(String message) {
		super(message);
	}

}
