package dev.blogroll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Sends a request exactly as written, bytes no HTTP client would send included, over a socket
 * to 127.0.0.1, and reads the whole answer (HTTP/1.0, so the server closes the connection).
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** Sends the request text as UTF-8 and returns the answer. */
	public static Response send(int port, String request) {
		return sendFrom(null, port, request);
	}

	/**
	 * Sends the request from a local address of the loopback network ({@code 127.0.0.2}), as a
	 * client other than the tests' usual 127.0.0.1: a proxy in front of Blogroll, say.
	 */
	public static Response sendFrom(@Nullable String localAddress, int port, String request) {
		try (Socket socket = new Socket()) {
			if (localAddress != null) {
				socket.bind(new InetSocketAddress(localAddress, 0));
			}
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			return Response.parse(bytes.toString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code GET target HTTP/1.0} with the given extra header lines ("Name: value"). */
	public static Response get(int port, String target, String... headers) {
		StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.0\r\nHost: 127.0.0.1\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		return send(port, request.append("\r\n").toString());
	}

	/**
	 * An answer read off the socket.
	 *
	 * @param status the status code, 0 if there was no status line
	 * @param head the status line and headers
	 * @param body the body as text
	 */
	public record Response(int status, String head, String body) {

		public static Response parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String head = (end < 0) ? raw : raw.substring(0, end);
			String[] statusLine = head.split("\r\n", 2)[0].split(" ");
			int status = (statusLine.length > 1 && statusLine[1].matches("\\d{3}")) ? Integer.parseInt(statusLine[1])
					: 0;
			return new Response(status, head, (end < 0) ? "" : raw.substring(end + 4));
		}

		/** Every value of a header, in order (names compared without case). */
		public List<String> headers(String name) {
			List<String> values = new ArrayList<>();
			for (String line : this.head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
					values.add(line.substring(colon + 1).strip());
				}
			}
			return values;
		}

		/** The first value of a header, or null. */
		public String header(String name) {
			List<String> values = headers(name);
			return values.isEmpty() ? null : values.get(0);
		}

		public String contentType() {
			String type = header("Content-Type");
			return (type != null) ? type.toLowerCase(Locale.ROOT) : "";
		}

		public Document html() {
			return Jsoup.parse(this.body);
		}

	}

}
