package dev.blogroll.web;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Lets a static asset's content-hashed URL answer {@code If-None-Match} with 304. Spring's
 * content version strategy sends the hash as the asset's {@code ETag}
 * ({@code W/"<md5>"}), but the resource handler checks {@code If-None-Match} against its own
 * ETag generator, which is unset by default: a client revalidating with the ETag it was given
 * got the whole file again. Here the generator gives the handler that same ETag, so the check
 * and the header agree. Assets at their plain URLs ({@code /css/site.css}) have no ETag and
 * keep revalidating by {@code Last-Modified}.
 */
@Component
class StaticAssetValidators implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SimpleUrlHandlerMapping mapping) {
			mapping.getUrlMap().values().forEach((handler) -> {
				if (handler instanceof ResourceHttpRequestHandler resources) {
					resources.setEtagGenerator(StaticAssetValidators::versionTag);
				}
			});
		}
		return bean;
	}

	/** The ETag the content version strategy sends with a versioned asset, or null for the others. */
	private static @Nullable String versionTag(Resource resource) {
		return (resource instanceof HttpResource versioned) ? versioned.getResponseHeaders().getETag() : null;
	}

}
