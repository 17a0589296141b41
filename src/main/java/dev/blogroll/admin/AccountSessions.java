package dev.blogroll.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import dev.blogroll.web.SiteLocale;

/**
 * The sessions of an account, found through Spring Session's index of sessions by principal
 * name ({@code spring_session.principal_name}, in PostgreSQL, so every instance sees the same):
 * listed for their owner, and ended when the owner asks or when access is taken away (disabled,
 * demoted, password reset or changed). Ending a session deletes it from the store: the next
 * request with its cookie, on any instance, is a visitor's.
 * <p>
 * Each session remembers, from its sign-in, the browser and address it signed in from and
 * when ({@link #remember}). Sessions are shown by a digest of their id, never the id itself,
 * which is what the cookie holds.
 */
@Component
class AccountSessions {

	static final String SIGNED_IN_AT = "blogroll.signedInAt";

	static final String USER_AGENT = "blogroll.userAgent";

	static final String ADDRESS = "blogroll.address";

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

	private final SiteLocale siteLocale;

	AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository,
			SiteLocale siteLocale) {
		this.repository = repository;
		this.siteLocale = siteLocale;
	}

	/** Notes in the new session where and when it signed in. */
	static void remember(HttpServletRequest request, Instant now) {
		HttpSession session = request.getSession();
		String agent = request.getHeader("User-Agent");
		session.setAttribute(SIGNED_IN_AT, now.toEpochMilli());
		session.setAttribute(USER_AGENT, (agent == null) ? "" : agent.substring(0, Math.min(300, agent.length())));
		session.setAttribute(ADDRESS, request.getRemoteAddr());
	}

	/** When the session signed in, if it did through the sign-in page. */
	static @Nullable Instant signedInAt(@Nullable HttpSession session) {
		Object millis = (session != null) ? session.getAttribute(SIGNED_IN_AT) : null;
		return (millis instanceof Long value) ? Instant.ofEpochMilli(value) : null;
	}

	/** The account's sessions, the current one first, then by last use. */
	List<SessionInfo> list(String username, @Nullable String currentId) {
		return sessions(username).values()
			.stream()
			.map((session) -> SessionInfo.of(session, session.getId().equals(currentId), this.siteLocale))
			.sorted(Comparator.comparing(SessionInfo::current)
				.reversed()
				.thenComparing(SessionInfo::lastUsed, Comparator.reverseOrder()))
			.toList();
	}

	/** Ends every session of the account; returns how many there were. */
	int endAll(String username) {
		return endOthers(username, null);
	}

	/** Ends every session of the account but the current one; returns how many were ended. */
	int endOthers(String username, @Nullable String currentId) {
		int ended = 0;
		for (String id : sessions(username).keySet()) {
			if (!id.equals(currentId)) {
				delete(id);
				ended++;
			}
		}
		return ended;
	}

	/** Ends the account's session with this handle, unless it is the current one; whether it did. */
	boolean end(String username, String handle, @Nullable String currentId) {
		for (String id : sessions(username).keySet()) {
			if (handle(id).equals(handle) && !id.equals(currentId)) {
				delete(id);
				return true;
			}
		}
		return false;
	}

	private Map<String, ? extends Session> sessions(String username) {
		FindByIndexNameSessionRepository<? extends Session> sessions = this.repository.getIfAvailable();
		return (sessions != null) ? sessions.findByPrincipalName(username) : Map.of();
	}

	private void delete(String id) {
		FindByIndexNameSessionRepository<? extends Session> sessions = this.repository.getIfAvailable();
		if (sessions != null) {
			sessions.deleteById(id);
		}
	}

	/** What a page may show of a session id: a digest that cannot be used as a cookie. */
	static String handle(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * One session, as its owner sees it.
	 *
	 * @param handle a digest of its id, to end it by
	 * @param browser the browser and system it signed in from, in words
	 * @param address the address it signed in from
	 * @param signedIn when it signed in, if known
	 * @param lastUsed when it was last used
	 * @param current whether it is the session looking at the list
	 */
	record SessionInfo(String handle, String browser, String address, @Nullable Instant signedIn, Instant lastUsed,
			boolean current) {

		static SessionInfo of(Session session, boolean current, SiteLocale words) {
			String agent = session.getAttribute(USER_AGENT);
			String address = session.getAttribute(ADDRESS);
			Long signedIn = session.getAttribute(SIGNED_IN_AT);
			return new SessionInfo(AccountSessions.handle(session.getId()), Browsers.describe(agent, words),
					(address != null) ? address : words.text("admin.address.unknown"), (signedIn != null) ? Instant.ofEpochMilli(signedIn) : null,
					session.getLastAccessedTime(), current);
		}

	}

}
