package dev.blogroll.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostBuilder;
import dev.blogroll.RawHttp;
import dev.blogroll.SiteClient;
import dev.blogroll.TestPosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile input never causes a server error and is never reflected as markup: every public
 * route, sent raw over a socket (so bytes no HTTP client would send reach the server), with
 * hostile page numbers, slugs, queries and headers; every admin form filled with hostile
 * values; and a post whose every field carries a script payload, shown on every page, feed,
 * sitemap and admin page. Every payload carries the marker {@value #MARK}.
 */
@BlogrollTest
class HostileInputTests {

	static final String MARK = "hx1";

	/** Script payloads, as they would be typed, in every context a value can land in. */
	static final List<String> PAYLOADS = List.of("<script>hx1()</script>", "\"><img src=x onerror=hx1()>",
			"'><svg onload=hx1()>", "</script><script>hx1()</script>", "javascript:hx1()",
			"' OR 1=1; DROP TABLE post; -- hx1", "hx1\u202e\u0000\u0007\ud83d\ude00\u00e9\u0301");

	/** Route templates; {v} takes the hostile value, already percent-encoded for the wire. */
	static final List<String> ROUTES = List.of("/blog/page/{v}", "/blog/engineering/page/{v}", "/blog/{v}",
			"/blog/{v}/page/2", "/blog/tag/{v}", "/blog/tag/{v}/page/{v}", "/blog/tag/api-gateway/page/{v}",
			"/blog/author/{v}", "/blog/author/{v}/page/{v}", "/blog/engineering/{v}", "/blog/{v}/{v}",
			"/search?q={v}", "/search?q=api&page={v}", "/search?category={v}&tag={v}", "/?page={v}",
			"/feed.atom?x={v}", "/sitemap.xml?page={v}", "/{v}", "/admin/{v}", "/blog?{v}={v}", "/{v}.css");

	/** Hostile values, percent-encoded as they go on the wire (some deliberately malformed). */
	static final List<String> VALUES = List.of("0", "-1", "9223372036854775808", "9223372036854775807", "1e3",
			"abc", "%00", "..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", "%2F", "%2e%2e", "%", "%zz", "%C0%AE",
			"%E2%80%AE", "%F0%9F%98%80", "%0d%0aSet-Cookie:%20hx1=1", "%3Cscript%3Ehx1()%3C%2Fscript%3E",
			"%22%3E%3Cimg%20src%3Dx%20onerror%3Dhx1()%3E", "'%20OR%201=1--hx1", "a".repeat(10_000),
			"%07%08%1b", "%EF%BF%BF", "%ED%A0%80", "%FF%FE");

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMapping;

	@Autowired
	private TestPosts testPosts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RenderedPageCache pageCache;

	@AfterEach
	void removeTestData() {
		this.testPosts.remove(List.of("hostile-post"), List.of(), List.of(), List.of());
		this.jdbc.sql("delete from post where title like '%hx1%' or slug like '%hx1%'").update();
		this.jdbc.sql("delete from post_tag where tag_id in (select id from tag where name like '%hx1%')").update();
		this.jdbc.sql("delete from tag where name like '%hx1%' or slug like '%hx1%'").update();
		this.jdbc.sql("delete from category where name like '%hx1%' or slug like '%hx1%'").update();
		this.jdbc.sql("delete from author where name like '%hx1%' or slug like '%hx1%'").update();
		this.jdbc.sql("delete from account where username like '%hx1%'").update();
	}

	static Stream<String> publicRequests() {
		List<String> targets = new ArrayList<>();
		for (String route : ROUTES) {
			for (String value : VALUES) {
				targets.add(route.replace("{v}", value));
			}
		}
		return targets.stream();
	}

	@ParameterizedTest
	@MethodSource("publicRequests")
	void hostileValuesInEveryPublicRouteAreAnsweredWithoutAServerError(String target) throws IOException {
		RawResponse response = send("GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
		assertThat(response.status()).as(target).isBetween(200, 499);
		assertInert(target, response);
	}

	@Test
	void malformedRequestLinesAndHeadersAreRefusedWithoutAServerError() throws IOException {
		List<String> requests = List.of("GET /blog/page/\u0000 HTTP/1.0\r\n\r\n", "GET /blog/\u0007\u001b HTTP/1.0\r\n\r\n",
				"GET /blog\t/x HTTP/1.0\r\n\r\n", "GET /blog HTTP/1.0\r\nHost: a\u0000b\r\n\r\n",
				"GET /blog HTTP/1.0\r\nX-Forwarded-For: <script>hx1()</script>\r\nX-Forwarded-Proto: hx1\r\n"
						+ "X-Forwarded-Host: \"><script>hx1()</script>\r\n\r\n",
				"GET /blog HTTP/1.0\r\nAccept: ../../;q=hx1\r\nAccept-Language: \u00ff\u00fe\r\n\r\n",
				"GET /blog HTTP/1.0\r\nIf-None-Match: \"" + "x".repeat(5000) + "\r\nIf-Modified-Since: hx1\r\n\r\n",
				"GET /blog HTTP/1.0\r\nCookie: SESSION=../../hx1; SESSION=%00\r\n\r\n",
				"GET /blog HTTP/1.0\r\nRange: bytes=-1-2-3\r\n\r\n", "GET /blog HTTP/1.0\r\nBroken header line\r\n\r\n",
				"GET /blog HTTP/1.0\r\nX-Long: " + "y".repeat(100_000) + "\r\n\r\n",
				"GET /search?" + "q=a&".repeat(5000) + " HTTP/1.0\r\n\r\n",
				"GET /search?q=" + "%".repeat(3000) + " HTTP/1.0\r\n\r\n", "GET /blog HTTP/9.9\r\n\r\n",
				"BREW /blog HTTP/1.0\r\n\r\n", "GET http://evil.example/blog HTTP/1.0\r\n\r\n",
				"GET //evil.example/%2e%2e HTTP/1.0\r\n\r\n", "TRACE /blog HTTP/1.0\r\n\r\n",
				"POST /search?q=x HTTP/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\nq=x");
		for (String raw : requests) {
			RawResponse response = send(raw);
			String shown = raw.substring(0, Math.min(80, raw.length()));
			if (raw.contains("HTTP/9.9")) {
				assertThat(response.status()).as(shown).isEqualTo(505); // HTTP Version Not Supported
				continue;
			}
			assertThat(response.status()).as(shown).isBetween(200, 499);
			assertInert(shown, response);
			assertThat(response.headers()).as(shown).doesNotContain("hx1=1");
		}
	}

	@Test
	void longPathsAndQueryStringsAreRefusedWithoutBeingRemembered() {
		long bytesBefore = this.pageCache.bytesUsed();
		int pathsBefore = this.pageCache.pathsNoted();
		for (int length : List.of(2049, 3000, 7000)) {
			String path = "/blog/" + "a".repeat(length);
			assertThat(RawHttp.get(this.port, path).status()).as("path of " + length).isEqualTo(414);
			assertThat(RawHttp.get(this.port, "/search?q=" + "b".repeat(length)).status()).as("query of " + length)
				.isEqualTo(414);
			assertThat(RawHttp.get(this.port, "/blog/engineering?utm=" + "c".repeat(length)).status()).isEqualTo(414);
		}
		// longer than Tomcat reads for a request line: refused by Tomcat itself
		assertThat(RawHttp.get(this.port, "/blog/" + "d".repeat(60_000)).status()).isEqualTo(400);
		// long, but under the limit: an ordinary missing page
		for (int i = 0; i < 100; i++) {
			assertThat(RawHttp.get(this.port, "/blog/" + i + "e".repeat(2000)).status()).isEqualTo(404);
		}
		assertThat(this.pageCache.pathsNoted()).isEqualTo(pathsBefore);
		assertThat(this.pageCache.bytesUsed()).isEqualTo(bytesBefore);
	}

	@Test
	void forwardedHostsNeverReachALocation() {
		SiteClient client = new SiteClient(this.port);
		for (Map<String, String> headers : List.of(Map.of("X-Forwarded-Host", "evil.example"),
				Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443"),
				Map.of("Forwarded", "host=evil.example;proto=https"), Map.of("X-Forwarded-Server", "evil.example"))) {
			SiteClient.Response response = client.get("/admin/posts", headers);
			assertThat(response.status()).as(headers.toString()).isEqualTo(302);
			assertThat(response.location()).as(headers.toString()).isEqualTo("/admin/login");
		}
		RawHttp.Response spoofedHost = RawHttp.send(this.port,
				"GET /admin/posts HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
		assertThat(spoofedHost.header("Location")).isEqualTo("/admin/login");
	}

	@Test
	void forwardedForFromAClientThatIsNotATrustedProxyDoesNotChangeItsAddress() throws Exception {
		this.jdbc.sql("delete from login_failure").update();
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String base = "http://127.0.0.1:" + this.port;
		for (int attempt = 1; attempt <= 6; attempt++) {
			String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin/login")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			String csrf = Jsoup.parse(login).select("input[name=_csrf]").val();
			browser.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Forwarded-For", "203.0.113." + attempt)
				.header("X-Real-IP", "203.0.113." + attempt)
				.POST(HttpRequest.BodyPublishers.ofString("username=hx1-nobody&password=wrong&_csrf=" + csrf))
				.build(), HttpResponse.BodyHandlers.discarding());
		}
		List<String> keys = this.jdbc.sql("select throttle_key from login_failure").query(String.class).list();
		assertThat(keys).isNotEmpty().noneMatch((key) -> key.contains("203.0.113"))
			.anyMatch((key) -> key.contains("127.0.0.1"));
		this.jdbc.sql("delete from login_failure").update();
	}

	@Test
	void searchWithSqlAndHtmlIsAnsweredAndShownAsText() throws IOException {
		RawResponse response = send("GET /search?q=%27%3B%20DROP%20TABLE%20post%3B--%20%3Cb%3Ehx1%3C%2Fb%3E"
				+ " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
		assertThat(response.status()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("b:containsOwn(hx1)")).isEmpty();
		assertThat(page.select("input[name=q]").val()).isEqualTo("'; DROP TABLE post;-- <b>hx1</b>");
		assertThat(this.jdbc.sql("select count(*) from post").query(Long.class).single()).isPositive();
	}

	@Test
	void aPostFullOfScriptPayloadsIsInertOnEveryPageFeedSitemapAndInTheAdmin() throws Exception {
		String payload = "<script>hx1()</script>\"><img src=x onerror=hx1()></script><script>hx1()</script>";
		this.testPosts.add(PostBuilder.post()
			.slug("hostile-post")
			.title("Title " + payload)
			.excerpt("Excerpt " + payload)
			.body("Body " + payload + "\n\n<iframe src=\"javascript:hx1()\"></iframe>\n\n[link](javascript:hx1())\n\n"
					+ "<a href=\"javascript:hx1()\" onclick=\"hx1()\">x</a>")
			.author("Author hx1 " + payload)
			.tags("Tag hx1 <img src=x onerror=hx1()>")
			.category("Engineering")
			.imageUrl("https://example.com/hx1.png")
			.imageAlt("Alt " + payload)
			.publishedAt(Instant.now().minusSeconds(60)));
		String authorSlug = this.jdbc.sql("select slug from author where name like 'Author hx1%'")
			.query(String.class)
			.single();
		String tagSlug = this.jdbc.sql("select slug from tag where name like 'Tag hx1%'").query(String.class).single();
		long id = this.jdbc.sql("select id from post where slug = 'hostile-post'").query(Long.class).single();
		for (String path : List.of("/", "/blog", "/blog/engineering", "/blog/engineering/hostile-post",
				"/blog/author/" + authorSlug, "/blog/tag/" + tagSlug, "/search?q=hx1", "/search?q=script",
				"/feed.atom", "/feed.rss", "/sitemap.xml", "/blog/engineering/feed.atom")) {
			RawResponse response = send("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
			assertThat(response.status()).as(path).isLessThan(500);
			assertInert(path, response);
		}
		assertThat(send("GET /blog/engineering/hostile-post HTTP/1.0\r\n\r\n").body()).contains("hx1");
		for (String path : List.of("/admin/posts", "/admin/posts?q=hx1", "/admin/posts/" + id + "/edit",
				"/admin/posts/" + id + "/preview", "/admin/tags", "/admin/authors")) {
			MvcResult result = this.mvc.perform(get(path).with(user("hostile-editor").roles("EDITOR"))).andReturn();
			assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
			assertInertHtml(path, result.getResponse().getContentAsString());
		}
	}

	@Test
	void everyAdminFormFilledWithHostileValuesIsAnsweredWithoutAServerError() throws Exception {
		List<String> pages = new ArrayList<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				boolean get = info.getMethodsCondition().getMethods().isEmpty()
						|| info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
				if (pattern.startsWith("/admin") && !pattern.contains("{") && get) {
					pages.add(pattern);
				}
			}
		}
		assertThat(pages).contains("/admin/posts/new", "/admin/categories");
		int forms = 0;
		for (String page : pages) {
			MvcResult shown = this.mvc.perform(get(page).with(admin())).andReturn();
			if (shown.getResponse().getStatus() != 200 || !shown.getResponse().getContentType().startsWith("text/html")) {
				continue;
			}
			for (Element form : Jsoup.parse(shown.getResponse().getContentAsString()).select("form[method=post]")) {
				String action = form.attr("action");
				// forms on table rows act on existing posts, categories and accounts: leave those alone
				if (action.matches(".*/\\d+(/.*)?") || action.endsWith("/logout") || action.contains("trash")
						|| form.select("input[type=file]").size() > 0) {
					continue;
				}
				for (String value : PAYLOADS) {
					MockHttpServletRequestBuilder submit = post(action).contentType(MediaType.APPLICATION_FORM_URLENCODED)
						.with(admin())
						.with(csrf());
					for (Element field : form.select("input[name], textarea[name], select[name]")) {
						if (!field.attr("name").equals("_csrf")) {
							submit.param(field.attr("name"), value);
						}
					}
					MvcResult result = this.mvc.perform(submit).andReturn();
					assertThat(result.getResponse().getStatus()).as(action + " with " + value).isLessThan(500);
					assertInertHtml(action, result.getResponse().getContentAsString());
					forms++;
				}
			}
		}
		assertThat(forms).as("admin forms submitted").isGreaterThan(20);
	}

	@Test
	void everyAdminRouteWithHostilePathValuesIsAnsweredWithoutAServerError() throws Exception {
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/admin") || !pattern.contains("{")) {
					continue;
				}
				for (String value : List.of("abc", "-1", "0", "9223372036854775808", "1e3", "..", "%2F", " ")) {
					String path = pattern.replaceAll("\\{[^}]+}", value);
					for (RequestMethod method : info.getMethodsCondition().getMethods()) {
						if (method == RequestMethod.POST && !value.equals("abc") && !value.startsWith("9")) {
							continue; // a real id would act on real data
						}
						MvcResult result = this.mvc
							.perform(request(HttpMethod.valueOf(method.name()), path).with(admin()).with(csrf()))
							.andReturn();
						assertThat(result.getResponse().getStatus()).as(method + " " + path).isLessThan(500);
					}
				}
			}
		}
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user("hostile-admin").roles("ADMIN", "EDITOR");
	}

	private static void assertInert(String what, RawResponse response) {
		String type = response.contentType();
		if (type.contains("html")) {
			assertInertHtml(what, response.body());
		}
		else if (type.contains("xml")) {
			Document xml = Jsoup.parse(response.body(), "", Parser.xmlParser());
			assertThat(xml.select("script, img, svg, iframe")).as(what).isEmpty();
			// HTML escaped into XML (Atom type="html", RSS description): what a feed reader renders
			// must be inert too; Atom titles are type="text", shown as they are
			for (Element element : xml.getAllElements()) {
				boolean html = element.attr("type").equals("html") || element.tagName().equals("description");
				if (html && element.ownText().contains(MARK)) {
					assertInertHtml(what + " <" + element.tagName() + ">", element.ownText());
				}
			}
		}
	}

	private static void assertInertHtml(String what, String html) {
		Document page = Jsoup.parse(html);
		for (Element element : page.getAllElements()) {
			// the site's own: the theme button's icons
			boolean themeIcon = element.tagName().equals("svg") && element.hasClass("theme-icon")
					&& element.parent() != null && element.parent().hasClass("theme-toggle");
			if (!themeIcon) {
				assertThat(element.tagName()).as(what).doesNotContain(MARK).isNotIn("iframe", "svg", "object", "embed");
			}
			if (element.tagName().equals("script") && element.hasAttr("src")) {
				// the site's own script files (script-src 'self'), never inline code
				assertThat(element.attr("src")).as(what + ": only the site's own scripts").startsWith("/js/");
				assertThat(element.data()).as(what + ": no inline code").isEmpty();
			}
			else if (element.tagName().equals("script")) {
				assertThat(element.attr("type")).as(what + ": only JSON-LD scripts").isEqualTo("application/ld+json");
				JsonMapper.shared().readTree(element.data());
			}
			element.attributes().forEach((attribute) -> {
				assertThat(attribute.getKey()).as(what + ": " + element.cssSelector()).doesNotStartWith("on")
					.doesNotContain(MARK);
				if (attribute.getKey().equals("href") || attribute.getKey().equals("src")
						|| attribute.getKey().equals("action")) {
					assertThat(attribute.getValue().trim().toLowerCase(Locale.ROOT)).as(what)
						.doesNotStartWith("javascript:");
				}
			});
		}
	}

	private RawResponse send(String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			return RawResponse.parse(bytes.toString(StandardCharsets.UTF_8));
		}
	}

	/** A response read off the socket: HTTP/1.0, so the body is neither chunked nor kept open. */
	private record RawResponse(int status, String headers, String body) {

		static RawResponse parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String head = (end < 0) ? raw : raw.substring(0, end);
			String[] statusLine = head.split("\r\n", 2)[0].split(" ");
			int status = (statusLine.length > 1 && statusLine[1].matches("\\d{3}")) ? Integer.parseInt(statusLine[1])
					: 0;
			return new RawResponse(status, head, (end < 0) ? "" : raw.substring(end + 4));
		}

		String contentType() {
			for (String line : this.headers.split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
					return line.substring(13).trim().toLowerCase(Locale.ROOT);
				}
			}
			return "";
		}

	}

}
