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
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Forms an editor sent when they could not be saved because the editor was no longer signed
 * in (the session had ended, by idle timeout, its maximum age or signing out in another tab)
 * or the form's CSRF token was stale (the editor signed in again in another tab). The input
 * is kept in PostgreSQL (so every instance finds it) for the browser that sent it, named by a
 * cookie of its own that outlives the session, and for the account that was signed in there:
 * every sign-in notes which account signed in on the browser ({@link #signedIn}), and a form is
 * kept for that account (or the one still signed in, for a stale token). After that account
 * signs in again on that browser, the form comes back with the input, ready to save. Another
 * account signing in on the same browser never sees it; it stays kept for its owner until its
 * lifetime ends. A form sent by a browser on which no account signed in (its cookie gone) has
 * no owner and is not kept: the sign-in page says so.
 * <p>
 * Request data fills this table, so it is bounded: {@value #MAX_BYTES_PER_BROWSER} bytes of
 * fields per browser (a larger form is not kept, and the sign-in page says so), at most
 * {@value #MAX_FORMS_PER_BROWSER} forms per browser (one per address a form was sent to: sending
 * the same form again replaces it), at most {@value #MAX_FORMS_PER_ADDRESS} forms per client address (so one client cannot push out
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

	static final int MAX_FORMS_PER_BROWSER = 8;

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

		/** Not a form that is kept (an upload, a password, another site's, one with no known owner). */
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
	 * Notes that {@code account} signed in on this browser, giving the browser its cookie if it
	 * has none: a form this browser sends after the session ended is kept for that account.
	 */
	void signedIn(HttpServletRequest request, HttpServletResponse response, String account) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into kept_browser (browser, account, signed_in_at) values (:browser, :account, :now)
				on conflict (browser) do update set account = excluded.account, signed_in_at = excluded.signed_in_at""")
			.param("browser", hash(sendCookie(request, response)))
			.param("account", account)
			.param("now", Timestamp.from(now))
			.update();
		this.jdbc.sql("delete from kept_browser where signed_in_at < :oldest")
			.param("oldest", Timestamp.from(now.minus(LIFETIME)))
			.update();
	}

	/** The browser's cookie, a new one if it has none, (re)sent with the full lifetime. */
	private static String sendCookie(HttpServletRequest request, HttpServletResponse response) {
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
		return cookie;
	}

	/**
	 * The account a form from this browser belongs to: the one signed in (a stale token, a
	 * session past its age), else the one that signed in last on this browser.
	 */
	private Optional<String> owner(HttpServletRequest request) {
		Optional<String> signedIn = signedInAccount();
		if (signedIn.isPresent()) {
			return signedIn;
		}
		String cookie = cookie(request);
		if (cookie == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select account from kept_browser where browser = :browser and signed_in_at >= :oldest")
			.param("browser", hash(cookie))
			.param("oldest", Timestamp.from(this.clock.instant().minus(LIFETIME)))
			.query(String.class)
			.optional();
	}

	private static Optional<String> signedInAccount() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return Optional.of(authentication.getName());
	}

	/**
	 * Keeps the request's fields (all but the CSRF token) for its browser and the account that
	 * signed in on it, replacing what they kept for the same address before.
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
		Optional<String> owner = owner(request);
		if (owner.isEmpty()) {
			return Outcome.NOT_KEPT;
		}
		String browser = hash(sendCookie(request, response));
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into kept_form (browser, account, action, fields, bytes, address, kept_at)
				values (:browser, :account, :action, :fields, :bytes, :address, :now)
				on conflict (browser, account, action) do update set fields = excluded.fields, bytes = excluded.bytes,
				    address = excluded.address, kept_at = excluded.kept_at""")
			.param("browser", browser)
			.param("account", owner.get())
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
				delete from kept_form where (browser, account, action) in (
				    select browser, account, action from (
				        select browser, account, action,
				               sum(bytes) over (order by kept_at desc, account, action) as running,
				               row_number() over (order by kept_at desc, account, action) as place
				        from kept_form where browser = :browser) mine
				    where running > :limit or place > :forms)""")
			.param("browser", browser)
			.param("limit", MAX_BYTES_PER_BROWSER)
			.param("forms", MAX_FORMS_PER_BROWSER)
			.update();
		this.jdbc.sql("""
				delete from kept_form where (browser, account, action) in (
				    select browser, account, action from kept_form where address = :address
				    order by kept_at desc, account, action offset :limit)""")
			.param("address", address)
			.param("limit", MAX_FORMS_PER_ADDRESS)
			.update();
		this.jdbc.sql("""
				delete from kept_form where (browser, account, action) in (
				    select browser, account, action from (
				        select browser, account, action,
				               sum(bytes) over (order by kept_at desc, browser, account, action) as running
				        from kept_form) everyone
				    where running > :limit)""")
			.param("limit", MAX_BYTES_IN_ALL)
			.update();
	}

	/** The forms this browser kept for the signed-in account, newest first. */
	List<Summary> list(HttpServletRequest request) {
		String cookie = cookie(request);
		Optional<String> account = signedInAccount();
		if (cookie == null || account.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select action, kept_at, fields from kept_form
				where browser = :browser and account = :account and kept_at >= :oldest
				order by kept_at desc, action""")
			.param("browser", hash(cookie))
			.param("account", account.get())
			.param("oldest", Timestamp.from(this.clock.instant().minus(LIFETIME)))
			.query((rs, row) -> new Summary(rs.getString("action"), rs.getTimestamp("kept_at").toInstant(),
					new Kept(rs.getString("action"), decode(rs.getString("fields")), rs.getTimestamp("kept_at").toInstant())
						.label()))
			.list();
	}

	/**
	 * One kept form in a list of them.
	 *
	 * @param action the path it was sent to
	 * @param keptAt when it was sent
	 * @param title its {@code title} or {@code name} field, if it has one
	 */
	record Summary(String action, Instant keptAt, @Nullable String title) {
	}

	/**
	 * Takes (reads and forgets) what this browser kept for the form sent to {@code action}, if
	 * the account signed in now is the one it was kept for.
	 */
	public Optional<Kept> take(HttpServletRequest request, String action) {
		String cookie = cookie(request);
		Optional<String> account = signedInAccount();
		if (cookie == null || account.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				delete from kept_form where browser = :browser and account = :account and action = :action
				returning fields, kept_at""")
			.param("browser", hash(cookie))
			.param("account", account.get())
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

		/** What names it for the editor: its title (a post) or name (a category, tag, …), or null. */
		public @Nullable String label() {
			String title = value("title");
			return (title != null && !title.isBlank()) ? title : value("name");
		}

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
