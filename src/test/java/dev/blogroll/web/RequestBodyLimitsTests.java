package dev.blogroll.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blogroll.BlogrollTest;
import dev.blogroll.RawHttp;
import dev.blogroll.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request may send, checked before its body is read: each upload form has its own
 * limit (an OPML file 32 MB, an import 1 GB) and a larger upload is answered 413 with the
 * site's page at once; an upload from someone not signed in is sent to the sign-in page before
 * a byte of it is read; and clients that send bodies slowly get only a few server threads.
 */
@BlogrollTest
class RequestBodyLimitsTests {

	private static final String BOUNDARY = "----blogroll-test";

	@LocalServerPort
	private int port;

	@Autowired
	private BodyPermits bodyPermits;

	@Test
	void anOpmlUploadOverItsLimitIsRefusedWith413BeforeItsBodyIsRead() throws IOException {
		RawHttp.Response response = headersOnly("/admin/sources/opml", 40L * 1024 * 1024);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.html().select("p").text()).contains("it accepts at most 32 MB");
		assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
		assertThat(response.header("Content-Security-Policy")).isNotNull();
		assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
	}

	@Test
	void importsMayBeLargeButNotUnbounded() throws IOException {
		assertThat(headersOnly("/admin/import", 2L * 1024 * 1024 * 1024).status()).isEqualTo(413);
		assertThat(headersOnly("/admin/import", 2L * 1024 * 1024 * 1024).html().select("p").text())
			.contains("at most 1 GB");
		assertThat(headersOnly("/admin/posts/new", 5L * 1024 * 1024).status()).as("no upload form there")
			.isEqualTo(413);
	}

	@Test
	void anUploadFromSomeoneNotSignedInIsSentToSignInWithoutReadingIt() throws IOException {
		RawHttp.Response response = headersOnly("/admin/import", 100L * 1024 * 1024);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/admin/login");
		assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
	}

	@Test
	void anUploadThatDoesNotSayItsLengthIsRefused() throws IOException {
		RawHttp.Response response = send("POST /admin/sources/opml HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nTransfer-Encoding: chunked\r\n\r\n");
		assertThat(response.status()).isEqualTo(411);
		assertThat(response.contentType()).startsWith("text/html");
	}

	@Test
	void slowBodiesFromOneAddressGetAFewThreadsAndReadersNone() throws Exception {
		List<Socket> stalled = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				stalled.add(startSlowPost());
			}
			waitFor(() -> this.bodyPermits.bodiesInProgress() == 4);
			long started = System.nanoTime();
			RawHttp.Response fifth = RawHttp.send(this.port, "POST /admin/login HTTP/1.0\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 8192\r\n\r\nusername=x");
			assertThat(fifth.status()).isEqualTo(429);
			assertThat(fifth.header("Retry-After")).isEqualTo("5");
			assertThat(fifth.html().select("p").text()).contains("sending data at once");
			assertThat((System.nanoTime() - started) / 1_000_000).as("answered at once, ms").isLessThan(3000);
			assertThat(new SiteClient(this.port).get("/blog").status()).isEqualTo(200);
		}
		finally {
			for (Socket socket : stalled) {
				socket.close();
			}
		}
		waitFor(() -> this.bodyPermits.bodiesInProgress() == 0);
	}

	/** Sends an upload's headers, saying how long it is, and reads the answer without sending the body. */
	private RawHttp.Response headersOnly(String path, long length) throws IOException {
		return send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary="
				+ BOUNDARY + "\r\nContent-Length: " + length + "\r\n\r\n--" + BOUNDARY + "\r\n");
	}

	private RawHttp.Response send(String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return RawHttp.Response.parse(raw);
		}
	}

	/** A sign-in whose body never comes: it holds a server thread until the socket closes. */
	private Socket startSlowPost() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
		socket.getOutputStream()
			.write(("POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
					+ "\r\nContent-Length: 8192\r\n\r\nusername=").getBytes(StandardCharsets.UTF_8));
		socket.getOutputStream().flush();
		return socket;
	}

	private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + 15_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
