package dev.blogroll.text;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * IP addresses written as text, read without ever asking DNS: {@code InetAddress.getByName}
 * looks up anything that is not an address literal, so text from a request (a forwarded
 * header, a client address) is checked to be one first.
 */
public final class IpAddresses {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private IpAddresses() {
	}

	/**
	 * The address's bytes (4 for IPv4, 16 for IPv6; an IPv4-mapped IPv6 address gives its 4)
	 * if the text is an IP literal, optionally in brackets, else null.
	 */
	public static byte @Nullable [] literal(@Nullable String text) {
		if (text == null || text.isEmpty() || text.length() > 47) {
			return null;
		}
		String candidate = (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1) : text;
		if (IPV4.matcher(candidate).matches()) {
			String[] parts = candidate.split("\\.");
			byte[] bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				int part = Integer.parseInt(parts[i]);
				if (part > 255) {
					return null;
				}
				bytes[i] = (byte) part;
			}
			return bytes;
		}
		// with a colon, the JDK reads an IPv6 literal or refuses it, and never asks DNS
		if (!IPV6.matcher(candidate).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(candidate).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
