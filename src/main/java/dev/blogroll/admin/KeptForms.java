package dev.blogroll.admin;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forms an editor sent when they could not be saved because the editor was no longer signed
 * in (the session had ended, by idle timeout, its maximum age or signing out in another tab)
 * or the form's CSRF token was stale (the editor signed in again in another tab). The input
 * is kept in PostgreSQL (so every instance finds it) for the browser that sent it, named by a
 * cookie of its own that outlives the session; after signing in, the form comes back with
 * the input, ready to save.
 * <p>
 * Request data fills this table, so it is bounded: {@value #MAX_BYTES_PER_BROWSER} bytes of
 * fields per browser (a larger form is not kept, and the sign-in page says so), at most
 * {@value #MAX_FORMS_PER_ADDRESS} forms per client address (so one client cannot push out
 * everybody else's), {@value #MAX_BYTES_IN_ALL} bytes in all (the oldest go first), and each
 * form for {@link #LIFETIME}. Never kept: a password (the form would come back in a page's
 * HTML), an upload (it can be a gigabyte), and a form another site's page sent
 * ({@code Sec-Fetch-Site: cross-site}): a forged form must not come back looking like the
 * editor's own.
 */
@Component
public class KeptForms {

	/** The cookie that names a browser's kept forms. */
	static final String COOKIE = "blogroll_kept";

	static final int MAX_BYTES_PER_BROWSER = 1024 * 1024;

	static final int MAX_FORMS_PER_ADDRESS = 8;

	static final long MAX_BYTES_IN_ALL = 64L * 1024 * 1024;

	static final Duration LIFETIME = Duration.ofHours(24);

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	KeptForms(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What became of a form that could not be saved. */
	enum Outcome {

		/** Kept: it comes back after signing in. */
		KEPT,

		/** Larger than a browser may keep. */
		TOO_LARGE,

		/** Not a form that is kept (an upload, a password, another site's). */
		NOT_KEPT,

		/** Nothing typed: a button (trash, sign out everywhere) or a request that is no form. */
		NOTHING_TO_KEEP

	}

	/** Whether the request is an admin form whose input could be kept. */
	static boolean isKeepable(HttpServletRequest request) {
		String path = request.getRequestURI();
		String type = request.getContentType();
		String site = request.getHeader("Sec-Fetch-Site");
		return "POST".equals(request.getMethod()) && path.startsWith("/admin/")
				&& !path.startsWith(SecurityConfiguration.LOGIN_PAGE) && !path.equals("/admin/logout")
				&& !path.endsWith("/autosave") // the form's script; the editor's Save keeps the same input
				&& !path.equals("/admin/posts/preview") // the form's script too; nothing to save
				&& type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				&& (site == null || site.equals("same-origin") || site.equals("none"))
				&& request.getParameterMap().keySet().stream().noneMatch(KeptForms::isSecret);
	}

	private static boolean isSecret(String field) {
		return field.toLowerCase(Locale.ROOT).contains("password");
	}

	/**
	 * Keeps the request's fields (all but the CSRF token) for its browser, replacing what the
	 * browser kept for the same address before, and sets the browser's cookie if it has none.
	 */
	Outcome keep(HttpServletRequest request, HttpServletResponse response) {
		String type = request.getContentType();
		if (type == null || (type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				&& request.getParameterMap().keySet().stream().allMatch("_csrf"::equals))) {
			return Outcome.NOTHING_TO_KEEP;
		}
		if (!isKeepable(request)) {
			return Outcome.NOT_KEPT;
		}
		Optional<Encoded> encoded = encode(request.getParameterMap(), MAX_BYTES_PER_BROWSER);
		if (encoded.isEmpty()) {
			return Outcome.TOO_LARGE;
		}
		String cookie = cookie(request);
		if (cookie == null) {
			byte[] secret = new byte[32];
			random.nextBytes(secret);
			cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		}
		Cookie sent = new Cookie(COOKIE, cookie);
		sent.setPath("/admin");
		sent.setHttpOnly(true);
		sent.setSecure(request.isSecure());
		sent.setMaxAge((int) LIFETIME.toSeconds());
		sent.setAttribute("SameSite", "Lax");
		response.addCookie(sent);
		Instant now = this.clock.instant();
		String browser = hash(cookie);
		this.jdbc.sql("""
				insert into kept_form (browser, action, fields, bytes, address, kept_at)
				values (:browser, :action, :fields, :bytes, :address, :now)
				on conflict (browser, action) do update set fields = excluded.fields, bytes = excluded.bytes,
				    address = excluded.address, kept_at = excluded.kept_at""")
			.param("browser", browser)
			.param("action", request.getRequestURI())
			.param("fields", encoded.get().fields())
			.param("bytes", encoded.get().bytes())
			.param("address", request.getRemoteAddr())
			.param("now", Timestamp.from(now))
			.update();
		bound(browser, request.getRemoteAddr(), now);
		return Outcome.KEPT;
	}

	/** Drops what is over the bounds, oldest first, and what has expired. */
	private void bound(String browser, String address, Instant now) {
		this.jdbc.sql("delete from kept_form where kept_at < :oldest")
			.param("oldest", Timestamp.from(now.minus(LIFETIME)))
			.update();
		this.jdbc.sql("""
				delete from kept_form where (browser, action) in (
				    select browser, action from (
				        select browser, action, sum(bytes) over (order by kept_at desc, action) as running
				        from kept_form where browser = :browser) mine
				    where running > :limit)""")
			.param("browser", browser)
			.param("limit", MAX_BYTES_PER_BROWSER)
			.update();
		this.jdbc.sql("""
				delete from kept_form where (browser, action) in (
				    select browser, action from kept_form where address = :address
				    order by kept_at desc, action offset :limit)""")
			.param("address", address)
			.param("limit", MAX_FORMS_PER_ADDRESS)
			.update();
		this.jdbc.sql("""
				delete from kept_form where (browser, action) in (
				    select browser, action from (
				        select browser, action, sum(bytes) over (order by kept_at desc, browser, action) as running
				        from kept_form) everyone
				    where running > :limit)""")
			.param("limit", MAX_BYTES_IN_ALL)
			.update();
	}

	/** The address of the form this browser kept last, if any is kept. */
	Optional<String> latest(HttpServletRequest request) {
		String cookie = cookie(request);
		if (cookie == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select action from kept_form where browser = :browser and kept_at >= :oldest
				order by kept_at desc limit 1""")
			.param("browser", hash(cookie))
			.param("oldest", Timestamp.from(this.clock.instant().minus(LIFETIME)))
			.query(String.class)
			.optional();
	}

	/** Takes (reads and forgets) what this browser kept for the form sent to {@code action}. */
	public Optional<Kept> take(HttpServletRequest request, String action) {
		String cookie = cookie(request);
		if (cookie == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				delete from kept_form where browser = :browser and action = :action
				returning fields, kept_at""")
			.param("browser", hash(cookie))
			.param("action", action)
			.query((rs, row) -> new Kept(action, decode(rs.getString("fields")),
					rs.getTimestamp("kept_at").toInstant()))
			.optional()
			.filter((kept) -> !kept.keptAt().isBefore(this.clock.instant().minus(LIFETIME)));
	}

	private static @Nullable String cookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static String hash(String cookie) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(cookie.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Form fields (all but the CSRF token) as {@code application/x-www-form-urlencoded}, or
	 * empty if their names and values come to more than {@code maxBytes} bytes of UTF-8.
	 */
	public static Optional<Encoded> encode(Map<String, String[]> parameters, int maxBytes) {
		StringJoiner fields = new StringJoiner("&");
		int bytes = 0;
		for (Map.Entry<String, String[]> field : parameters.entrySet()) {
			if (field.getKey().equals("_csrf")) {
				continue;
			}
			for (String value : field.getValue()) {
				bytes += field.getKey().getBytes(StandardCharsets.UTF_8).length
						+ value.getBytes(StandardCharsets.UTF_8).length;
				if (bytes > maxBytes) {
					return Optional.empty();
				}
				fields.add(encode(field.getKey()) + "=" + encode(value));
			}
		}
		return Optional.of(new Encoded(fields.toString(), bytes));
	}

	/**
	 * Encoded form fields.
	 *
	 * @param fields urlencoded
	 * @param bytes the UTF-8 bytes of their names and values
	 */
	public record Encoded(String fields, int bytes) {
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** The fields of {@link #encode}'s output, in order. */
	public static List<Field> decode(String fields) {
		List<Field> decoded = new ArrayList<>();
		if (fields.isEmpty()) {
			return decoded;
		}
		for (String pair : fields.split("&")) {
			int equals = pair.indexOf('=');
			decoded.add(new Field(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)));
		}
		return decoded;
	}

	/**
	 * A form kept for a browser.
	 *
	 * @param action the path it was sent to
	 * @param fields its fields in the order sent
	 * @param keptAt when it was sent
	 */
	public record Kept(String action, List<Field> fields, Instant keptAt) {

		/** The first value of the named field, or null. */
		public @Nullable String value(String name) {
			return this.fields.stream().filter((field) -> field.name().equals(name)).map(Field::value).findFirst()
				.orElse(null);
		}

	}

	/**
	 * One field of a kept form.
	 *
	 * @param name its name
	 * @param value what was sent
	 */
	public record Field(String name, String value) {

		/** Fields the editor did not type, such as the version a post form started from. */
		public boolean hidden() {
			return this.name.startsWith("_") || this.name.equals("version");
		}

		public boolean multiline() {
			return this.value.contains("\n") || this.value.length() > 80;
		}

	}

}
