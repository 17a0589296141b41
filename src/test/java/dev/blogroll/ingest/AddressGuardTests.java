package dev.blogroll.ingest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SSRF guard against every way of writing an address that is not on the public internet,
 * IPv6 forms that carry an IPv4 address included: each is judged by where it leads.
 */
class AddressGuardTests {

	@ParameterizedTest(name = "{0} is public: {1}")
	@CsvSource({
			// IPv4
			"127.0.0.1, false", "10.1.2.3, false", "172.16.0.1, false", "192.168.1.1, false",
			"169.254.169.254, false", "100.64.0.1, false", "0.0.0.0, false", "224.0.0.1, false",
			"255.255.255.255, false", "192.0.2.1, false", "198.51.100.1, false", "203.0.113.1, false",
			"198.18.0.1, false", "93.184.216.34, true", "8.8.8.8, true",
			// IPv6 of its own
			"::1, false", "::, false", "fe80::1, false", "fec0::1, false", "fd00::1, false", "fc00::1, false",
			"ff02::1, false", "2001:db8::1, false", "100::1, false", "3fff::1, false", "2606:4700::1, true",
			"2a00:1450:4001:80b::200e, true",
			// IPv4-mapped: the JDK hands these over as IPv4
			"::ffff:127.0.0.1, false", "::ffff:169.254.169.254, false", "::ffff:93.184.216.34, true",
			// IPv4-compatible
			"::127.0.0.1, false", "::169.254.169.254, false", "::10.0.0.1, false", "::93.184.216.34, true",
			// IPv4-translated (SIIT)
			"::ffff:0:127.0.0.1, false", "::ffff:0:93.184.216.34, true",
			// NAT64: well-known prefix, and the local-use prefix (never public)
			"64:ff9b::7f00:1, false", "64:ff9b::169.254.169.254, false", "64:ff9b::5db8:d822, true",
			"64:ff9b:1::5db8:d822, false",
			// 6to4
			"2002:a9fe:a9fe::, false", "2002:7f00:1::, false", "2002:c0a8:101::1, false", "2002:5db8:d822::1, true",
			// Teredo: the client address is the last 32 bits, inverted
			"2001:0:4136:e378:8000:63bf:80ff:fffe, false", "2001:0:4136:e378:8000:63bf:a247:27dd, true",
			// other IETF assignments in 2001::/23
			"2001:10::1, false", "2001:2::1, false" })
	void everyFormIsJudgedByWhereItLeads(String literal, boolean expected) throws UnknownHostException {
		assertThat(AddressGuard.isPublic(InetAddress.getByName(literal))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "http://[::127.0.0.1]/feed", "http://[::169.254.169.254]/latest/meta-data/",
			"http://[64:ff9b::7f00:1]/feed", "http://[2002:a9fe:a9fe::]/feed", "http://[::ffff:7f00:1]/feed",
			"http://[0:0:0:0:0:ffff:169.254.169.254]/feed" })
	void urlsThatLeadInsideAreRefused(String url) {
		assertThatExceptionOfType(AddressGuard.RefusedAddressException.class)
			.isThrownBy(() -> new AddressGuard(false, false).check(URI.create(url)));
	}

	@ParameterizedTest
	@CsvSource({ "http://[::127.0.0.1]:8080/feed", "http://[64:ff9b::7f00:1]:8080/feed" })
	void embeddedLoopbackCountsAsLoopbackWhereLoopbackIsAllowed(String url) throws Exception {
		new AddressGuard(true, false).check(URI.create(url));
		assertThatExceptionOfType(AddressGuard.RefusedAddressException.class)
			.isThrownBy(() -> new AddressGuard(true, false).check(URI.create("http://[64:ff9b::a9fe:a9fe]/feed")));
	}

}
