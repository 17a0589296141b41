package dev.blogroll.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A web server on 127.0.0.1 that serves the feeds (and misbehaviour) a test sets up, and
 * remembers the requests it got.
 */
final class FeedServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

	final List<Request> requests = new CopyOnWriteArrayList<>();

	FeedServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", (exchange) -> {
			this.requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders()));
			HttpHandler handler = this.handlers.get(exchange.getRequestURI().getPath());
			try (exchange) {
				if (handler == null) {
					exchange.sendResponseHeaders(404, -1);
				}
				else {
					handler.handle(exchange);
				}
			}
			catch (IOException ex) {
				// the client went away (a timeout or a size limit): expected in these tests
			}
		});
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	void on(String path, HttpHandler handler) {
		this.handlers.put(path, handler);
	}

	void serve(String path, String body, String... headers) {
		on(path, (exchange) -> respond(exchange, 200, body, headers));
	}

	/** Serves the bytes as they are, with the headers given (name, value, name, value, …). */
	void serveBytes(String path, byte[] body, String... headers) {
		on(path, (exchange) -> {
			for (int i = 0; i < headers.length; i += 2) {
				exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
			}
			exchange.sendResponseHeaders(200, (body.length == 0) ? -1 : body.length);
			if (body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		});
	}

	long count(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).count();
	}

	static void respond(HttpExchange exchange, int status, String body, String... headers) throws IOException {
		for (int i = 0; i < headers.length; i += 2) {
			exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	static String resource(String name) {
		try (InputStream in = FeedServer.class.getResourceAsStream("/feeds/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Request(String path, Headers headers) {
	}

}
