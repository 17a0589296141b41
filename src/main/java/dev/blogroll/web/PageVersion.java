package dev.blogroll.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.WebRequest;

/**
 * The HTTP validators of one response, computed from exactly the data the page shows, before
 * anything is rendered: the {@code ETag} is a hash of that data, {@code Last-Modified} the
 * latest change time among it. An HTML page gets one from {@code SiteChrome#versionOf}, made of
 * the chrome every page shows and the page's {@link PageModel}; a feed or sitemap, which shows no
 * chrome, starts with {@link #start(String)} and adds what it lists.
 * <p>
 * Records are hashed component by component and collections element by element, each value
 * as its text: the same data as the records' {@code toString()}, without building that text.
 * On Java 17 a record's {@code toString()} goes through {@code String.format}; for a listing
 * page (15 cards, the pagination, the head) that made {@code versionOf} 5–8 % of a cold page's
 * request-thread samples and a fifth of the bytes it allocated (JFR, bench/README.md, round 5).
 * Numbers, dates and instants, most of a card's values besides its texts, are hashed as their
 * fixed-size values, not as their text: formatting 15 cards' instants was a seventh of
 * {@code versionOf} (async-profiler, round 7).
 */
public final class PageVersion {

	/** Each record class's component accessors, looked up once. */
	private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
		@Override
		protected Method[] computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			Method[] accessors = new Method[components.length];
			for (int i = 0; i < components.length; i++) {
				accessors[i] = components[i].getAccessor();
				// records nested in a package's own classes are not public
				accessors[i].setAccessible(true);
			}
			return accessors;
		}
	};

	/**
	 * The byte before each text (then its length, then its UTF-8), the bytes that open a record
	 * (then its class name) and a list, the one that closes either, and the one for {@code null}:
	 * no two different models feed the digest the same bytes, whatever their texts hold.
	 */
	private static final byte TEXT = 0;

	private static final byte NULL = 1;

	private static final byte CLOSE = 2;

	private static final byte RECORD = 3;

	private static final byte LIST = 4;

	/** The byte before a whole number (then its 8 bytes), a date (its day number) or an instant (then its nanoseconds). */
	private static final byte NUMBER = 5;

	private static final byte DATE = 6;

	private static final byte INSTANT = 7;

	private static final byte TRUE = 8;

	private static final byte FALSE = 9;

	/** Room for one fixed-size value before it goes to the digest. */
	private final byte[] scratch = new byte[12];

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

	/**
	 * Adds what a page shows to the entity tag: records by their components, collections by
	 * their elements, anything else by its text; {@code null} counts as a value of its own.
	 */
	public PageVersion with(@Nullable Object... parts) {
		for (Object part : parts) {
			add(part);
		}
		return this;
	}

	private void add(@Nullable Object value) {
		if (value == null) {
			this.digest.update(NULL);
		}
		else if (value instanceof Record record) {
			this.digest.update(RECORD);
			text(record.getClass().getName());
			for (Method accessor : ACCESSORS.get(record.getClass())) {
				add(component(accessor, record));
			}
			this.digest.update(CLOSE);
		}
		else if (value instanceof Collection<?> values) {
			this.digest.update(LIST);
			for (Object element : values) {
				add(element);
			}
			this.digest.update(CLOSE);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			this.digest.update(NUMBER);
			fixed(((Number) value).longValue(), 8);
		}
		else if (value instanceof Instant instant) {
			this.digest.update(INSTANT);
			fixed(instant.getEpochSecond(), 8);
			fixed(instant.getNano(), 4);
		}
		else if (value instanceof LocalDate date) {
			this.digest.update(DATE);
			fixed(date.toEpochDay(), 8);
		}
		else if (value instanceof Boolean bool) {
			this.digest.update(bool ? TRUE : FALSE);
		}
		else {
			text(value.toString());
		}
	}

	private void text(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		this.digest.update(TEXT);
		fixed(bytes.length, 4);
		this.digest.update(bytes);
	}

	/** The last {@code size} bytes of {@code value}, most significant first. */
	private void fixed(long value, int size) {
		for (int i = 0; i < size; i++) {
			this.scratch[i] = (byte) (value >>> (8 * (size - 1 - i)));
		}
		this.digest.update(this.scratch, 0, size);
	}

	private static @Nullable Object component(Method accessor, Record record) {
		try {
			return accessor.invoke(record);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("Could not read " + accessor + " for a page's validators", ex.getCause());
		}
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
