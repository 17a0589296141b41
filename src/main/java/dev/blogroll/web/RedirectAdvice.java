package dev.blogroll.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers a {@link PermanentRedirect} with {@code 301 Moved Permanently}.
 */
@ControllerAdvice
class RedirectAdvice {

	@ExceptionHandler
	ResponseEntity<Void> redirect(PermanentRedirect redirect) {
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(redirect.getLocation())).build();
	}

}
