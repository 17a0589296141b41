package dev.blogroll.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.WebRequest;

/**
 * The HTTP validators of one response, computed from exactly the data the page shows, before
 * anything is rendered: the {@code ETag} is a hash of that data, {@code Last-Modified} the
 * latest change time among it. An HTML page gets one from {@code SiteChrome#versionOf}, made of
 * the chrome every page shows and the page's {@link PageModel}; a feed or sitemap, which shows no
 * chrome, starts with {@link #start(String)} and adds what it lists.
 */
public final class PageVersion {

	private final MessageDigest digest;

	private Instant lastModified = Instant.EPOCH;

	PageVersion() {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private PageVersion(MessageDigest digest, Instant lastModified) {
		this.digest = digest;
		this.lastModified = lastModified;
	}

	/**
	 * Another version that starts where this one is: what is added to it leaves this one as it
	 * is, so a part every page shares (the chrome) is hashed once and copied for each page.
	 */
	public PageVersion copy() {
		return new PageVersion(digestCopy(), this.lastModified);
	}

	/** Validators for a document of this kind ({@code "atom"}, {@code "sitemap"}) without site chrome. */
	public static PageVersion start(String kind) {
		return new PageVersion().with(kind);
	}

	/** Adds what a page shows to the entity tag; {@code null} counts as a value of its own. */
	public PageVersion with(@Nullable Object... parts) {
		for (Object part : parts) {
			this.digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
			this.digest.update((byte) 0);
		}
		return this;
	}

	/** Moves {@code Last-Modified} forward to {@code changedAt} if it is later. */
	public PageVersion changedAt(@Nullable Instant changedAt) {
		if (changedAt != null && changedAt.isAfter(this.lastModified)) {
			this.lastModified = changedAt;
		}
		return this;
	}

	/**
	 * Sets {@code ETag} and {@code Last-Modified} on the response and tells whether the client
	 * already has this version; if so the response is a {@code 304} and the caller must render
	 * nothing (a handler returns {@code null}).
	 */
	public boolean isNotModified(WebRequest request) {
		return request.checkNotModified(etag(), this.lastModified.toEpochMilli());
	}

	/** A weak entity tag: the same page compressed or not is the same version. */
	String etag() {
		return "W/\"" + HexFormat.of().formatHex(digestCopy().digest(), 0, 16) + "\"";
	}

	private MessageDigest digestCopy() {
		try {
			return (MessageDigest) this.digest.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Instant lastModified() {
		return this.lastModified;
	}

}
