package dev.blogroll.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which proxies are believed, and which address of {@code X-Forwarded-For} is the client's.
 */
class TrustedProxiesTests {

	private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.5", "172.30.0.0/24", "::1", "fd00::/8"));

	@ParameterizedTest
	@CsvSource({ "10.0.0.5, true", "10.0.0.6, false", "172.30.0.1, true", "172.30.0.255, true", "172.30.1.1, false",
			"0:0:0:0:0:0:0:1, true", "::1, true", "127.0.0.1, false", "fd12:3456::1, true", "fe80::1, false",
			"::ffff:10.0.0.5, true", "evil.example, false", "'', false", "10.0.0.5.nip.io, false" })
	void onlyConfiguredAddressesAndNetworksAreTrusted(String address, boolean trusted) {
		assertThat(this.proxies.contains(address)).as(address).isEqualTo(trusted);
	}

	@Test
	void nothingIsTrustedByDefaultNotEvenLoopback() {
		TrustedProxies none = TrustedProxies.of(List.of());
		assertThat(none.isEmpty()).isTrue();
		assertThat(none.contains("127.0.0.1")).isFalse();
		assertThat(none.contains("0:0:0:0:0:0:0:1")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "'' | 10.0.0.5", "203.0.113.7 | 203.0.113.7",
			"1.2.3.4, 203.0.113.7 | 203.0.113.7", "203.0.113.7, 172.30.0.9 | 203.0.113.7",
			"6.6.6.6, 203.0.113.7, 172.30.0.9, 10.0.0.5 | 203.0.113.7", "<script>, 172.30.0.9 | 172.30.0.9",
			"172.30.0.8, 172.30.0.9 | 172.30.0.8", "not an address | 10.0.0.5" })
	void theClientIsTheRightmostAddressThatIsNotATrustedProxy(String forwardedFor, String client) {
		assertThat(this.proxies.client("10.0.0.5", forwardedFor)).isEqualTo(client);
	}

	@Test
	void entriesThatAreNotAddressesAreRefusedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("proxy.internal")))
			.withMessageContaining("proxy.internal");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
			.withMessageContaining("prefix");
	}

}
