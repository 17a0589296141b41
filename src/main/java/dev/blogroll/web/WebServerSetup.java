package dev.blogroll.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import dev.blogroll.BlogrollProperties;

/**
 * What Blogroll changes in the embedded Tomcat itself: forwarded headers believed only from
 * the trusted proxies ({@link ForwardedHeadersValve}), kept pages served before the filters
 * ({@link KeptPageValve}), the site's own error page for the
 * errors Tomcat answers without the application ({@link SiteErrorReportValve}), and how each
 * connection writes its answers ({@link #WRITE_BUFFER}). The connection, keep-alive and body
 * limits are plain settings ({@code server.tomcat.*} in {@code application.properties}).
 * <p>
 * Runs after Spring Boot's own customizer, which installs Tomcat's report valve that this one
 * replaces.
 */
@Component
class WebServerSetup implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	/**
	 * The bytes a connection gathers before it writes to its socket, in a buffer outside the
	 * heap. Tomcat's default is 8 KB on the heap: a 24 KB listing page went out in four
	 * {@code write} calls, each copied first into a temporary buffer outside the heap by the JDK;
	 * now the headers and such a page go out in one. Every open connection holds this buffer and
	 * an 8 KB read buffer (also outside the heap) for as long as it is open: 500 connections
	 * ({@code server.tomcat.max-connections}) take 20 MB of the 32 MB of direct memory Blogroll is
	 * deployed with ({@code -XX:MaxDirectMemorySize}, bench/jvm-options.sh); their state on the
	 * heap took 7.5 MB more (ops/connection-flood.sh).
	 */
	static final int WRITE_BUFFER = 32 * 1024;

	private final TrustedProxies trustedProxies;

	private final ObjectProvider<ResourceUrlProvider> resourceUrls;

	private final ObjectProvider<SiteLocale> siteLocale;

	private final ObjectProvider<RenderedPageCache> pageCache;

	private final ObjectProvider<RequestLog> requestLog;

	WebServerSetup(BlogrollProperties properties, ObjectProvider<ResourceUrlProvider> resourceUrls,
			ObjectProvider<SiteLocale> siteLocale, ObjectProvider<RenderedPageCache> pageCache,
			ObjectProvider<RequestLog> requestLog) {
		this.trustedProxies = TrustedProxies.of(properties.trustedProxies());
		this.resourceUrls = resourceUrls;
		this.siteLocale = siteLocale;
		this.pageCache = pageCache;
		this.requestLog = requestLog;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addEngineValves(new ForwardedHeadersValve(this.trustedProxies));
		factory.addConnectorCustomizers((connector) -> {
			connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER));
			connector.setProperty("socket.directBuffer", "true");
		});
		factory.addContextCustomizers((context) -> {
			context.getPipeline().addValve(new KeptPageValve(this.pageCache, this.requestLog));
			if (context.getParent() instanceof StandardHost host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.setErrorReportValveClass(SiteErrorReportValve.class.getName());
				host.getPipeline().addValve(new SiteErrorReportValve(this::hashedStylesheet, this.siteLocale::getIfAvailable));
			}
		});
	}

	/** The stylesheet's content-hashed URL, as pages link it; null until Spring MVC has started. */
	private @Nullable String hashedStylesheet() {
		ResourceUrlProvider urls = this.resourceUrls.getIfAvailable();
		return (urls != null) ? urls.getForLookupPath(SiteErrorReportValve.STYLESHEET) : null;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
