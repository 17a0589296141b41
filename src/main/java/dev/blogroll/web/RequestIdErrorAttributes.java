package dev.blogroll.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error attributes plus the request id ({@link RequestLog}), so an error answered
 * as JSON carries it too, as the error pages do.
 */
@Component
class RequestIdErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object id = request.getAttribute(RequestLog.REQUEST_ID, RequestAttributes.SCOPE_REQUEST);
		if (id != null) {
			attributes.put(RequestLog.REQUEST_ID, id);
		}
		return attributes;
	}

}
