package dev.blogroll.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The address of the connection's other end, which {@link ForwardedHeadersValve} may have
 * replaced in {@code getRemoteAddr()} with the client a trusted proxy names in
 * {@code X-Forwarded-For}: which proxy sent the request decides whether its headers are
 * believed, so it must be the proxy's own address. A Tomcat valve puts it in a request
 * attribute.
 */
@Component
class PeerAddress implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private static final String ATTRIBUTE = PeerAddress.class.getName();

	/** The connection's peer address, or null when the request did not come through Tomcat. */
	static @Nullable String of(HttpServletRequest request) {
		return (String) request.getAttribute(ATTRIBUTE);
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextValves(new Valve());
	}

	private static final class Valve extends ValveBase {

		Valve() {
			super(true);
		}

		/** Only where it is needed: a request that brings its own id. */
		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			if (request.getHeader(RequestLog.HEADER) != null) {
				request.setAttribute(ATTRIBUTE, request.getPeerAddr());
			}
			getNext().invoke(request, response);
		}

	}

}
