package dev.blogroll.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * Refuses feed URLs whose host resolves to an address that is not on the public internet
 * (loopback, private, link-local, unique-local, multicast, carrier-grade NAT, documentation,
 * "this network"), so that a source added by an editor cannot make Blogroll fetch from the
 * internal network or a cloud metadata service. Every redirect hop is checked again.
 * <p>
 * An IPv6 address that carries an IPv4 address is judged by the IPv4 address it carries, since
 * that is where a translating network delivers it: IPv4-mapped ({@code ::ffff:a.b.c.d}),
 * IPv4-compatible ({@code ::a.b.c.d}), IPv4-translated ({@code ::ffff:0:a.b.c.d}), NAT64
 * ({@code 64:ff9b::/96}), 6to4 ({@code 2002::/16}) and Teredo ({@code 2001::/32}, whose client
 * address is stored inverted). {@code [::127.0.0.1]}, {@code [64:ff9b::7f00:1]} and
 * {@code [2002:a9fe:a9fe::]} are loopback and link-local, not public.
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
			throw new UnknownHostRefusal(host);
		}
		for (InetAddress address : addresses) {
			InetAddress effective = unwrap(address);
			if (effective.isLoopbackAddress()) {
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
		InetAddress effective = unwrap(address);
		if (effective.isLoopbackAddress() || effective.isAnyLocalAddress() || effective.isLinkLocalAddress()
				|| effective.isSiteLocalAddress() || effective.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = effective.getAddress();
		return (effective instanceof Inet6Address) ? isPublicIpv6(bytes) : isPublicIpv4(bytes);
	}

	private static boolean isPublicIpv4(byte[] bytes) {
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		int third = bytes[2] & 0xff;
		return first != 0 // "this network"
				&& !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
				&& !(first == 192 && second == 0 && third == 0) // IETF protocol assignments
				&& !(first == 192 && second == 0 && third == 2) // documentation (TEST-NET-1)
				&& !(first == 198 && second == 51 && third == 100) // documentation (TEST-NET-2)
				&& !(first == 203 && second == 0 && third == 113) // documentation (TEST-NET-3)
				&& !(first == 192 && second == 88 && third == 99) // 6to4 relay anycast
				&& !(first == 198 && (second == 18 || second == 19)) // benchmarking
				&& first < 240; // reserved and broadcast
	}

	private static boolean isPublicIpv6(byte[] bytes) {
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		int word0 = (first << 8) | second;
		int word1 = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
		return (first & 0xfe) != 0xfc // fc00::/7 unique local
				&& !(word0 == 0x0064 && word1 == 0xff9b) // 64:ff9b::/32: NAT64, well-known and local-use
				&& !(word0 == 0x0100 && word1 == 0 && isZero(bytes, 4, 8)) // 100::/64 discard-only
				&& !(word0 == 0x2001 && (bytes[2] & 0xfe) == 0) // 2001::/23 IETF protocol assignments
				&& !(word0 == 0x2001 && word1 == 0x0db8) // 2001:db8::/32 documentation
				&& !(word0 == 0x3fff && (bytes[2] & 0xf0) == 0) // 3fff::/20 documentation
				&& !(word0 == 0x2002) // 6to4 that carried no address worth unwrapping
				&& first != 0; // ::/8 reserved (the embedded forms were unwrapped already)
	}

	/**
	 * The IPv4 address an IPv6 address carries, for the forms that carry one, else the address
	 * itself. {@code ::} and {@code ::1} carry none: they are "unspecified" and loopback.
	 */
	static InetAddress unwrap(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address;
		}
		byte[] b = address.getAddress();
		byte[] embedded = null;
		if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
			embedded = slice(b, 12); // ::ffff:a.b.c.d, mapped
		}
		else if (isZero(b, 0, 12) && !(isZero(b, 12, 15) && (b[15] & 0xfe) == 0)) {
			embedded = slice(b, 12); // ::a.b.c.d, compatible (not :: or ::1)
		}
		else if (isZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && isZero(b, 10, 12)) {
			embedded = slice(b, 12); // ::ffff:0:a.b.c.d, translated
		}
		else if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
				&& isZero(b, 4, 12)) {
			embedded = slice(b, 12); // 64:ff9b::a.b.c.d, NAT64
		}
		else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
			embedded = slice(b, 2); // 2002:aabb:ccdd::, 6to4
		}
		else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && isZero(b, 2, 4)) {
			embedded = slice(b, 12); // 2001:0:server:flags:port:client, Teredo; the client is inverted
			for (int i = 0; i < 4; i++) {
				embedded[i] = (byte) ~embedded[i];
			}
		}
		Inet4Address ipv4 = (embedded != null) ? ipv4(embedded) : null;
		return (ipv4 != null) ? ipv4 : address;
	}

	private static @Nullable Inet4Address ipv4(byte[] bytes) {
		try {
			return (Inet4Address) InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static byte[] slice(byte[] bytes, int from) {
		byte[] slice = new byte[4];
		System.arraycopy(bytes, from, slice, 0, 4);
		return slice;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/** A feed URL that may not be fetched, with the reason. */
	static class RefusedAddressException extends Exception {

		RefusedAddressException(String message) {
			super(message);
		}

	}

	/** The host has no address at all: a typo or a domain gone, not an address refused. */
	static class UnknownHostRefusal extends RefusedAddressException {

		UnknownHostRefusal(String host) {
			super("the host " + host + " is unknown");
		}

	}

}
