package dev.blogroll.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Turns the links templates make with {@code @{...}} into content-hashed URLs
 * ({@code /css/site.css} → {@code /css/site-<md5>.css}), for the site's own static files only.
 * <p>
 * Spring's {@link ResourceUrlEncodingFilter} asks the resource chain about every link a page
 * makes, {@code @{/blog}} and {@code @{/search}} as well: under the static path pattern
 * {@code /**} each of those is looked up as a file in every static location, on the class path
 * (a jar entry lookup and a URL each), and the miss is never remembered. At about ten such links
 * on every page that was two thirds of a rendered page's CPU (bench/RESULTS.md, issue 18). Here
 * the chain is asked only about the files that are there, {@code static/**} as found on the class
 * path at start-up; every other link passes untouched. Registered in place of Spring Boot's
 * filter (which steps back when one of this type exists), for requests and error pages alike.
 */
class HashedAssetLinks extends ResourceUrlEncodingFilter {

	/** The resource chain: a static file's hashed path, or null. */
	private final Function<String, @Nullable String> hashedPath;

	/** The static files' paths as links name them, {@code /css/site.css}. */
	private final Set<String> assets;

	/**
	 * Each static file's hashed path, once the chain has named it: the files are those of the
	 * build, so at most one entry per file in {@link #assets}. Asking the chain took a bean
	 * lookup and a hash lookup per link, 5 % of a cold page's CPU.
	 */
	private final Map<String, String> hashed = new ConcurrentHashMap<>();

	HashedAssetLinks(Function<String, @Nullable String> hashedPath, Set<String> assets) {
		this.hashedPath = hashedPath;
		this.assets = Set.copyOf(assets);
	}

	/** The files under {@code static/} on the class path, as paths from the site's root. */
	static Set<String> staticFiles() {
		Set<String> paths = new HashSet<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:static/**")) {
				String url = resource.getURL().toString();
				int at = url.lastIndexOf("/static/");
				if (at >= 0 && resource.isReadable() && !url.endsWith("/")) {
					paths.add(url.substring(at + "/static".length()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the static files", ex);
		}
		return paths;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse servlet) {
			chain.doFilter(request, new Links(servlet, http.getContextPath()));
			return;
		}
		chain.doFilter(request, response);
	}

	/** The hashed URL of {@code url} if it names one of the static files, else {@code url}. */
	String encode(String url, String contextPath) {
		if (!url.startsWith(contextPath)) {
			return url;
		}
		int end = url.length();
		for (int i = contextPath.length(); i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '?' || c == '#') {
				end = i;
				break;
			}
		}
		String path = url.substring(contextPath.length(), end);
		if (!this.assets.contains(path)) {
			return url;
		}
		String hashed = this.hashed.get(path);
		if (hashed == null) {
			hashed = this.hashedPath.apply(path);
			if (hashed == null) {
				return url;
			}
			this.hashed.put(path, hashed);
		}
		return contextPath + hashed + url.substring(end);
	}

	private final class Links extends HttpServletResponseWrapper {

		private final String contextPath;

		Links(HttpServletResponse response, String contextPath) {
			super(response);
			this.contextPath = contextPath;
		}

		@Override
		public String encodeURL(String url) {
			return super.encodeURL(encode(url, this.contextPath));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/**
		 * Declared as a registration of a {@link ResourceUrlEncodingFilter}: Spring Boot's own
		 * steps back only when it finds a registration of exactly that type.
		 */
		@Bean
		FilterRegistrationBean<ResourceUrlEncodingFilter> hashedAssetLinks(ObjectProvider<ResourceUrlProvider> urls) {
			FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
					new HashedAssetLinks((path) -> {
						ResourceUrlProvider provider = urls.getIfAvailable();
						return (provider != null) ? provider.getForLookupPath(path) : null;
					}, staticFiles()));
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
			return registration;
		}

	}

}
