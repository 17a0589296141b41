package dev.blogroll.web;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.StringJoiner;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only from the trusted proxies
 * ({@code blogroll.trusted-proxies}, none by default), and removes every forwarded header from
 * every request before anything else sees it. A client that is not a trusted proxy cannot pick
 * its own address (a fresh sign-in throttle for each made-up address) or make the site believe
 * it was reached over HTTPS; nobody can make Blogroll build a URL from a host of their choosing,
 * since {@code X-Forwarded-Host} is never used: absolute URLs come from
 * {@code blogroll.site-url}, redirects are relative.
 * <p>
 * A Tomcat valve rather than a servlet filter, so that it runs before everything, Tomcat's own
 * error pages and every dispatch included. It replaces Tomcat's {@code RemoteIpValve}
 * ({@code server.forward-headers-strategy=native}), which trusts every private and loopback
 * address by default and reads {@code X-Forwarded-Host}.
 */
final class ForwardedHeadersValve extends ValveBase {

	/** Removed from every request, believed or not. */
	static final List<String> FORWARDED_HEADERS = List.of("X-Forwarded-For", "X-Forwarded-Proto",
			"X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server", "X-Forwarded-Ssl",
			"X-Real-IP", "Forwarded");

	private final TrustedProxies trusted;

	ForwardedHeadersValve(TrustedProxies trusted) {
		super(true);
		this.trusted = trusted;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		String originalAddress = request.getRemoteAddr();
		String originalHost = request.getRemoteHost();
		String originalScheme = request.getScheme();
		boolean originalSecure = request.isSecure();
		int originalPort = request.getServerPort();
		MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
		if (this.trusted.contains(originalAddress)) {
			String client = this.trusted.client(originalAddress, joined(request, "X-Forwarded-For"));
			request.setRemoteAddr(client);
			request.setRemoteHost(client);
			String proto = last(joined(request, "X-Forwarded-Proto"));
			if ("https".equalsIgnoreCase(proto)) {
				request.setSecure(true);
				request.getCoyoteRequest().scheme().setString("https");
				request.setServerPort(443);
			}
			else if ("http".equalsIgnoreCase(proto)) {
				request.setSecure(false);
				request.getCoyoteRequest().scheme().setString("http");
				request.setServerPort(80);
			}
		}
		for (String name : FORWARDED_HEADERS) {
			headers.removeHeader(name);
		}
		try {
			getNext().invoke(request, response);
		}
		finally {
			request.setRemoteAddr(originalAddress);
			request.setRemoteHost(originalHost);
			request.setSecure(originalSecure);
			request.getCoyoteRequest().scheme().setString(originalScheme);
			request.setServerPort(originalPort);
		}
	}

	/** Every value of a header, joined by commas (a header may be sent several times), or null. */
	private static String joined(Request request, String name) {
		Enumeration<String> values = request.getHeaders(name);
		if (values == null || !values.hasMoreElements()) {
			return null;
		}
		StringJoiner joined = new StringJoiner(",");
		while (values.hasMoreElements()) {
			joined.add(values.nextElement());
		}
		return joined.toString();
	}

	private static String last(String values) {
		if (values == null) {
			return null;
		}
		String[] parts = values.split(",");
		return parts[parts.length - 1].strip();
	}

}
