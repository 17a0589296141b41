package dev.blogroll.web;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Serves the pages {@link RenderedPageCache} keeps straight from Tomcat's pipeline, before the
 * servlet filters, the filter chain and the servlet are even set up: a kept page needs none of
 * them, and on the benchmark's hot page they were about a fifth of the request threads' time
 * (bench/RESULTS.md). What they would have done for it is done here: the request id and the
 * metric and log line of {@link RequestLog}. Everything else goes on down the pipeline, where
 * the filters decide as they always have: requests the cache leaves alone (an editor's, a
 * query string, a POST), pages not kept, and requests when PostgreSQL does not answer the
 * content version ({@link DatabaseOutageFilter} answers them).
 * <p>
 * Not having run the limits filters changes nothing: a kept page is a plain GET of a path
 * that passed them when it was rendered, and a path they would refuse was never kept.
 */
final class KeptPageValve extends ValveBase {

	private final ObjectProvider<RenderedPageCache> caches;

	private final ObjectProvider<RequestLog> requestLogs;

	private volatile @Nullable RenderedPageCache cache;

	private volatile @Nullable RequestLog requestLog;

	/** With the beans looked up on the first requests: Tomcat is set up before they exist. */
	KeptPageValve(ObjectProvider<RenderedPageCache> caches, ObjectProvider<RequestLog> requestLogs) {
		super(true);
		this.caches = caches;
		this.requestLogs = requestLogs;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		long started = System.nanoTime();
		RenderedPageCache cache = this.cache;
		RequestLog log = this.requestLog;
		if (cache == null || log == null) {
			cache = this.caches.getIfAvailable();
			log = this.requestLogs.getIfAvailable();
			this.cache = cache;
			this.requestLog = log;
		}
		RenderedPageCache.Page page = (cache != null && log != null) ? cache.keptFor(request) : null;
		if (page == null) {
			getNext().invoke(request, response);
			return;
		}
		// the connection's own peer: whether an X-Request-Id sent along may be believed
		String id = log.requestId(request.getHeader(RequestLog.HEADER), request.getPeerAddr());
		int status = page.writeTo(request, response.getCoyoteResponse(), id);
		log.answered(request, status, (page.route() != null) ? page.route() : RequestLog.route(request, status),
				System.nanoTime() - started, null);
	}

}
