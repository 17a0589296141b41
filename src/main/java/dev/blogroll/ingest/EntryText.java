package dev.blogroll.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

import dev.blogroll.text.Excerpts;

/**
 * What a post keeps of a feed entry's HTML and link: sanitized HTML with absolute URLs, plain
 * text for the excerpt, the link without tracking parameters, and the keys deduplication
 * compares.
 */
final class EntryText {

	/** Query parameters that only say where a click came from. */
	private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid",
			"mc_eid", "_hsenc", "_hsmi", "mkt_tok", "igshid", "yclid", "ref_src", "oly_anon_id", "oly_enc_id",
			"vero_id", "wickedid", "__s");

	private static final Safelist SAFELIST = Safelist.relaxed().preserveRelativeLinks(false);

	private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private EntryText() {
	}

	/**
	 * The entry's HTML without scripts, iframes, styles, event handlers, {@code javascript:}
	 * URLs or tracking pixels, with every link and image made absolute against the base URL.
	 */
	static String sanitize(String html, String baseUrl) {
		Document dirty = Jsoup.parseBodyFragment(html, baseUrl);
		// tracking pixels: 1×1 images, or images from well-known beacons
		for (Element image : dirty.select("img")) {
			if (isPixel(image)) {
				image.remove();
			}
		}
		String clean = Jsoup.clean(dirty.body().html(), baseUrl, SAFELIST, OUTPUT);
		return clean;
	}

	static boolean isPixel(Element image) {
		String width = image.attr("width").strip();
		String height = image.attr("height").strip();
		String src = image.attr("src").toLowerCase(Locale.ROOT);
		return (width.equals("1") || width.equals("0")) && (height.equals("1") || height.equals("0"))
				|| src.contains("feeds.feedburner.com/~r/") || src.contains("/pixel") || src.contains("/beacon");
	}

	/** The readable text of (sanitized) HTML, code listings left out, whitespace collapsed. */
	static String plainText(String html) {
		Document document = Jsoup.parseBodyFragment(html);
		document.select("pre, script, style").remove();
		return WHITESPACE.matcher(document.text()).replaceAll(" ").strip();
	}

	/** Plain text cut at a word boundary to at most 300 characters with "…": a title for an entry without one. */
	static String excerpt(String plainText) {
		return Excerpts.cut(plainText);
	}

	/**
	 * The post's summary: the entry's readable text as every writer of posts derives it
	 * ({@link Excerpts}: blocks as sentences, tables, code and images left out), cut to at
	 * most 300 characters.
	 */
	static String excerptOf(String html) {
		return Excerpts.summarizeHtml(null, html);
	}

	/**
	 * The link without {@code utm_*} and other tracking parameters; {@code null} when it is
	 * not an absolute http(s) URL. The fragment stays: {@code /2025/03/04#a090000} and
	 * {@code #a120000} are two notes on one page, and readers should land on the right one.
	 */
	static @Nullable String withoutTracking(@Nullable String link) {
		if (link == null) {
			return null;
		}
		try {
			URI uri = new URI(link);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			String query = uri.getRawQuery();
			String kept = null;
			if (query != null) {
				kept = Stream.of(query.split("&"))
					.filter((parameter) -> !parameter.isEmpty() && !isTracking(parameter))
					.collect(Collectors.joining("&"));
				if (kept.isEmpty()) {
					kept = null;
				}
			}
			StringBuilder result = new StringBuilder();
			result.append(uri.getScheme().toLowerCase(Locale.ROOT)).append("://").append(uri.getRawAuthority());
			result.append((uri.getRawPath() == null) ? "" : uri.getRawPath());
			if (kept != null) {
				result.append('?').append(kept);
			}
			if (uri.getRawFragment() != null && !uri.getRawFragment().isEmpty()) {
				result.append('#').append(uri.getRawFragment());
			}
			String cleaned = result.toString();
			return (cleaned.length() <= 2000) ? cleaned : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static boolean isTracking(String parameter) {
		int equals = parameter.indexOf('=');
		String name = ((equals >= 0) ? parameter.substring(0, equals) : parameter).toLowerCase(Locale.ROOT);
		return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
	}

	/**
	 * The key under which two links count as the same article: no scheme, no {@code www.}, no
	 * trailing slash, host in lower case, no tracking parameters; the fragment is kept, since
	 * it may be all that tells two entries apart.
	 */
	static @Nullable String linkKey(@Nullable String link) {
		String clean = withoutTracking(link);
		if (clean == null) {
			return null;
		}
		URI uri = URI.create(clean);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (host.startsWith("www.")) {
			host = host.substring(4);
		}
		String path = (uri.getRawPath() == null) ? "" : uri.getRawPath();
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		String port = (uri.getPort() == -1) ? "" : ":" + uri.getPort();
		return host + port + path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "")
				+ ((uri.getRawFragment() != null) ? "#" + uri.getRawFragment() : "");
	}

	/** A hash of the title and text, both normalized, to recognise the same post under another URL. */
	static String contentHash(String title, String plainText) {
		String normalized = WHITESPACE.matcher((title + "\n" + plainText).toLowerCase(Locale.ROOT)).replaceAll(" ")
			.strip();
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(normalized.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
