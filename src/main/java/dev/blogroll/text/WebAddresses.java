package dev.blogroll.text;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Web addresses that editors and imports may give (images, sources): absolute {@code http}
 * or {@code https} URLs with a host. Anything else, {@code javascript:} included, is refused.
 */
public final class WebAddresses {

	public static final int MAX_LENGTH = 2000;

	private WebAddresses() {
	}

	public static boolean isValid(String address) {
		if (address.length() > MAX_LENGTH) {
			return false;
		}
		try {
			URI uri = new URI(address);
			String scheme = uri.getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
