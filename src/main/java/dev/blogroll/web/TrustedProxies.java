package dev.blogroll.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.blogroll.text.IpAddresses;

/**
 * The proxies whose forwarded headers are believed ({@code blogroll.trusted-proxies}): single
 * addresses or networks in CIDR notation, IPv4 or IPv6. Nothing is trusted by default, not even
 * the loopback address: a client on the same machine is as much a stranger as any other until
 * the setting says otherwise.
 * <p>
 * Only IP literals are ever parsed, never host names, so reading a header never causes a DNS
 * lookup.
 */
final class TrustedProxies {

	private final List<Network> networks;

	private TrustedProxies(List<Network> networks) {
		this.networks = networks;
	}

	/**
	 * Parses the setting.
	 * @throws IllegalArgumentException naming an entry that is not an address or network
	 */
	static TrustedProxies of(List<String> entries) {
		List<Network> networks = new ArrayList<>();
		for (String entry : entries) {
			if (!entry.isBlank()) {
				networks.add(Network.parse(entry.strip()));
			}
		}
		return new TrustedProxies(List.copyOf(networks));
	}

	boolean isEmpty() {
		return this.networks.isEmpty();
	}

	/** Whether the address (an IP literal as Tomcat reports it) is one of the trusted proxies. */
	boolean contains(@Nullable String address) {
		if (this.networks.isEmpty()) {
			// the default: no address is parsed at all (every request asks, the valve first)
			return false;
		}
		byte[] bytes = IpAddresses.literal(address);
		if (bytes == null) {
			return false;
		}
		for (Network network : this.networks) {
			if (network.contains(bytes)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The client's address for a request that came from a trusted proxy: the rightmost address
	 * of {@code X-Forwarded-For} that is not itself a trusted proxy. Each proxy appends the
	 * address it was connected from, so everything left of the first stranger was written by
	 * the client and proves nothing. An entry that is not an address stops the walk: the last
	 * address known good is the answer.
	 * @param peer the address the connection came from, a trusted proxy
	 * @param forwardedFor the header's values, comma-separated, or null
	 */
	String client(String peer, @Nullable String forwardedFor) {
		if (forwardedFor == null || forwardedFor.isBlank()) {
			return peer;
		}
		String client = peer;
		String[] hops = forwardedFor.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (IpAddresses.literal(hop) == null) {
				return client;
			}
			client = hop;
			if (!contains(hop)) {
				return hop;
			}
		}
		return client;
	}

	/** One address or network: the first {@code prefix} bits of {@code address}. */
	private record Network(byte[] address, int prefix) {

		static Network parse(String entry) {
			int slash = entry.indexOf('/');
			String host = (slash < 0) ? entry : entry.substring(0, slash);
			byte[] address = IpAddresses.literal(host);
			if (address == null) {
				throw new IllegalArgumentException("blogroll.trusted-proxies: '" + entry
						+ "' is not an IP address or network (such as 10.0.0.5, 172.30.0.0/24 or ::1)");
			}
			int bits = address.length * 8;
			int prefix = bits;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(entry.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					prefix = -1;
				}
				if (prefix < 0 || prefix > bits) {
					throw new IllegalArgumentException(
							"blogroll.trusted-proxies: '" + entry + "' has a prefix length outside 0–" + bits);
				}
			}
			return new Network(address, prefix);
		}

		boolean contains(byte[] other) {
			if (other.length != this.address.length) {
				return false;
			}
			int whole = this.prefix / 8;
			for (int i = 0; i < whole; i++) {
				if (other[i] != this.address[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (other[whole] & mask) == (this.address[whole] & mask);
		}

	}

}
