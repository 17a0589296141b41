package dev.blogroll.ingest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses feed URLs whose host resolves to an address that is not on the public internet
 * (loopback, private, link-local, unique-local, multicast, carrier-grade NAT, "this network"),
 * so that a source added by an editor cannot make Blogroll fetch from the internal network or
 * a cloud metadata service. Every redirect hop is checked again.
 */
class AddressGuard {

	private final boolean allowLoopback;

	private final boolean allowPrivate;

	AddressGuard(boolean allowLoopback, boolean allowPrivate) {
		this.allowLoopback = allowLoopback;
		this.allowPrivate = allowPrivate;
	}

	/** Throws {@link RefusedAddressException} unless every address of the URL's host may be fetched. */
	void check(URI uri) throws RefusedAddressException {
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw new RefusedAddressException("only http and https URLs are fetched, not " + uri);
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw new RefusedAddressException("the URL " + uri + " has no host");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new RefusedAddressException("the host " + host + " is unknown");
		}
		for (InetAddress address : addresses) {
			if (address.isLoopbackAddress()) {
				if (!this.allowLoopback && !this.allowPrivate) {
					throw new RefusedAddressException(host + " is a loopback address (" + address.getHostAddress() + ")");
				}
			}
			else if (!isPublic(address) && !this.allowPrivate) {
				throw new RefusedAddressException(
						host + " resolves to a non-public address (" + address.getHostAddress() + ")");
			}
		}
	}

	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local; ::ffff:0:0/96 mapped IPv4 is unwrapped by the JDK already
			return (bytes[0] & 0xfe) != 0xfc;
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		return first != 0 // "this network"
				&& !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
				&& !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
				&& !(first == 198 && (second == 18 || second == 19)) // benchmarking
				&& first < 240; // reserved and broadcast
	}

	/** A feed URL that may not be fetched, with the reason. */
	static class RefusedAddressException extends Exception {

		RefusedAddressException(String message) {
			super(message);
		}

	}

}
