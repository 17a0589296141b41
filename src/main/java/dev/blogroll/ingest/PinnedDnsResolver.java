package dev.blogroll.ingest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to turn a host name into addresses: the {@link AddressGuard}
 * resolves the name once, checks every address, and the client connects to those addresses
 * and no others. Checking and connecting are one lookup, so DNS rebinding (a public address
 * for the check, {@code 127.0.0.1} for the connection) has no second lookup to answer. TLS is
 * untouched: the client still sends the host name for SNI and verifies the certificate against
 * it, and the {@code Host} header is the URL's.
 * <p>
 * Apache HttpClient 5 was chosen for this hook: the JDK's {@code HttpClient} resolves names by
 * itself, with no way to hand it addresses, and connecting to an IP literal instead would send
 * the wrong {@code Host}, SNI and certificate name.
 */
final class PinnedDnsResolver implements DnsResolver {

	private final AddressGuard guard;

	PinnedDnsResolver(AddressGuard guard) {
		this.guard = guard;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		return this.guard.addresses(host);
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		List<InetSocketAddress> addresses = new ArrayList<>();
		for (InetAddress address : resolve(host)) {
			addresses.add(new InetSocketAddress(address, port));
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		// only asked for Kerberos (SPNEGO), which feeds never use: no second lookup
		return host;
	}

}
