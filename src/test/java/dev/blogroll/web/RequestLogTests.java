package dev.blogroll.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.blogroll.BlogrollTest;
import dev.blogroll.RawHttp;
import dev.blogroll.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request has an id, which a reader finds on the error page and an operator in the log:
 * the log line, written as ECS JSON by Spring Boot's structured logging, carries the same id
 * with the status and the route. A proxy's {@code X-Request-Id} is kept only when the proxy is
 * trusted ({@code blogroll.trusted-proxies}, loopback only when listed: tried on the filter itself)
 * and the id is well-formed.
 */
@BlogrollTest
class RequestLogTests {

	@LocalServerPort
	private int port;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private JsonLines appender;

	@BeforeEach
	void captureStructuredLogs() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("ecs");
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.start();
		this.appender = new JsonLines(encoder, this.lines);
		this.appender.setContext(context);
		this.appender.start();
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
	}

	@AfterEach
	void stopCapturing() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.detachAppender(this.appender);
		this.appender.stop();
	}

	@Test
	void theErrorPageAndTheStructuredLogLineShowTheSameRequestId() {
		SiteClient.Response response = new SiteClient(this.port).get("/blog/no-such-category");
		assertThat(response.status()).isEqualTo(404);
		String id = response.header("X-Request-Id");
		assertThat(id).matches("[0-9a-f]{16}");

		Document page = response.html();
		assertThat(page.select(".request-id").text()).isEqualTo("Request id: " + id);

		JsonNode line = this.lines.stream()
			.map(JsonMapper.shared()::readTree)
			.filter((json) -> id.equals(json.path("requestId").asString(null)))
			.filter((json) -> json.path("log").path("logger").asString("").equals("dev.blogroll.requests"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no log line with request id " + id + " in " + this.lines));
		assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
		assertThat(field(line, "http.response.status_code").asInt()).isEqualTo(404);
		assertThat(field(line, "http.route").asString()).isEqualTo("/blog/{slug}");
		assertThat(field(line, "url.path").asString()).isEqualTo("/blog/no-such-category");
		assertThat(line.path("message").asString()).contains("/blog/no-such-category", "404");
	}

	@Test
	void aHugePathIsCutInTheLog() {
		String path = "/blog/" + "x".repeat(5000);
		SiteClient.Response response = new SiteClient(this.port).get(path);
		// refused as too long (RequestLimitsFilter), and logged like every refused request
		assertThat(response.status()).isEqualTo(414);
		String id = response.header("X-Request-Id");
		JsonNode line = this.lines.stream()
			.map(JsonMapper.shared()::readTree)
			.filter((json) -> id.equals(json.path("requestId").asString(null)))
			.findFirst()
			.orElseThrow();
		assertThat(field(line, "url.path").asString()).hasSize(301).startsWith("/blog/xxx").endsWith("…");
		assertThat(line.path("message").asString().length()).isLessThan(400);
	}

	@Test
	void everyResponseCarriesItsOwnIdAndAGoodPageWritesNoLine() {
		SiteClient site = new SiteClient(this.port);
		String first = site.get("/blog").header("X-Request-Id");
		String second = site.get("/blog").header("X-Request-Id");
		String third = site.get("/blog").header("X-Request-Id");
		assertThat(List.of(first, second, third)).doesNotHaveDuplicates().allMatch((id) -> id.matches("[0-9a-f]{16}"));
		assertThat(this.lines).noneMatch((line) -> line.contains("\"dev.blogroll.requests\""));
	}

	@Test
	void anIdFromATrustedProxyIsKeptAndAMalformedOneReplaced() {
		// the tests' Blogroll trusts 127.0.0.2 (BlogrollTest): a proxy on this machine connects from there
		RawHttp.Response proxied = RawHttp.sendFrom("127.0.0.2", this.port, "GET /blog/nope HTTP/1.0\r\n"
				+ "Host: 127.0.0.1\r\nAccept: text/html\r\nX-Request-Id: 0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f7a\r\n\r\n");
		assertThat(proxied.header("X-Request-Id")).isEqualTo("0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f7a");
		assertThat(proxied.html().select(".request-id code").text()).isEqualTo("0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f7a");

		for (String hostile : List.of("<script>", "a b", "x".repeat(65), "id\u00e9")) {
			String answered = RawHttp.sendFrom("127.0.0.2", this.port,
					"GET /blog HTTP/1.0\r\nHost: 127.0.0.1\r\nX-Request-Id: " + hostile + "\r\n\r\n")
				.header("X-Request-Id");
			assertThat(answered).as(hostile).matches("[0-9a-f]{16}");
		}
		// and on a page served from memory (KeptPageValve), kept from its second request
		List<RawHttp.Response> kept = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			kept.add(RawHttp.sendFrom("127.0.0.2", this.port, "GET /blog HTTP/1.0\r\nHost: 127.0.0.1\r\n"
					+ "X-Request-Id: 0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f7" + i + "\r\n\r\n"));
		}
		assertThat(kept.get(2).header(RenderedPageCache.HEADER)).isEqualTo("hit");
		assertThat(kept.get(2).header("X-Request-Id")).isEqualTo("0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f72");
		SiteClient.Response keptForAStranger = new SiteClient(this.port).get("/blog",
				Map.of("X-Request-Id", "0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f7a"));
		assertThat(keptForAStranger.header(RenderedPageCache.HEADER)).isEqualTo("hit");
		assertThat(keptForAStranger.header("X-Request-Id")).matches("[0-9a-f]{16}");
		// the same id from a client that is not a trusted proxy (127.0.0.1) is not believed
		SiteClient.Response stranger = new SiteClient(this.port).get("/blog/nope",
				Map.of("X-Request-Id", "0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f7a"));
		assertThat(stranger.header("X-Request-Id")).matches("[0-9a-f]{16}");
	}

	@Test
	void anIdIsKeptOnlyFromATrustedProxy() throws Exception {
		RequestLog filter = new RequestLog(List.of("10.0.0.0/8"), new RequestMetrics(new SimpleMeterRegistry()));
		assertThat(idAnswered(filter, "from-the-internet", "203.0.113.7")).matches("[0-9a-f]{16}");
		assertThat(idAnswered(filter, "from-the-balancer", "10.1.2.3")).isEqualTo("from-the-balancer");
		assertThat(idAnswered(filter, "from-this-machine", "127.0.0.1")).as("loopback only when listed")
			.matches("[0-9a-f]{16}");
		RequestLog withLoopback = new RequestLog(List.of("127.0.0.1"), new RequestMetrics(new SimpleMeterRegistry()));
		assertThat(idAnswered(withLoopback, "from-this-machine", "127.0.0.1")).isEqualTo("from-this-machine");
		assertThat(idAnswered(filter, "no-peer-known", null)).matches("[0-9a-f]{16}");
	}

	/** The id a request with {@code X-Request-Id: sent} over a connection from {@code peer} gets. */
	private static String idAnswered(RequestLog filter, String sent, String peer) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/blog");
		request.addHeader(RequestLog.HEADER, sent);
		if (peer != null) {
			request.setAttribute(PeerAddress.class.getName(), peer);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		assertThat(request.getAttribute(RequestLog.REQUEST_ID)).isEqualTo(response.getHeader(RequestLog.HEADER));
		return response.getHeader(RequestLog.HEADER);
	}

	/** A field by its dotted name, written flat or nested. */
	private static JsonNode field(JsonNode line, String name) {
		if (line.has(name)) {
			return line.get(name);
		}
		JsonNode node = line;
		for (String part : name.split("\\.")) {
			node = node.path(part);
		}
		assertThat(node.isMissingNode()).as(name + " in " + line).isFalse();
		return node;
	}

	/** Keeps the lines an encoder writes. */
	private static final class JsonLines extends AppenderBase<ILoggingEvent> {

		private final StructuredLogEncoder encoder;

		private final List<String> lines;

		JsonLines(StructuredLogEncoder encoder, List<String> lines) {
			this.encoder = encoder;
			this.lines = lines;
		}

		@Override
		protected void append(ILoggingEvent event) {
			this.lines.add(new String(this.encoder.encode(event), StandardCharsets.UTF_8).strip());
		}

	}

}
