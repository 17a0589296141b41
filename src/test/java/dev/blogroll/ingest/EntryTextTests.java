package dev.blogroll.ingest;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Links, HTML and addresses from feeds.
 */
class EntryTextTests {

	@Test
	void trackingParametersAreRemovedAndFragmentsKept() {
		assertThat(EntryText.withoutTracking("https://a.example/p?utm_source=x&id=3&fbclid=y&UTM_Medium=z#top"))
			.isEqualTo("https://a.example/p?id=3#top");
		assertThat(EntryText.linkKey("https://www.a.example/day/#a090000")).isEqualTo("a.example/day#a090000");
		assertThat(EntryText.withoutTracking("https://a.example/p?utm_source=x")).isEqualTo("https://a.example/p");
		assertThat(EntryText.withoutTracking("javascript:alert(1)")).isNull();
	}

	@Test
	void linkKeysIgnoreSchemeWwwAndTrailingSlash() {
		assertThat(EntryText.linkKey("https://www.A.example/post/?utm_campaign=1"))
			.isEqualTo(EntryText.linkKey("http://a.example/post"));
	}

	@Test
	void sanitizedHtmlHasNoScriptsHandlersPixelsOrRelativeUrls() {
		String html = EntryText.sanitize("""
				<p onclick="x()">Hi <a href="/about">us</a> <a href="javascript:alert(1)">bad</a></p>
				<script>alert(1)</script><iframe src="https://e.example"></iframe>
				<img src="/t.gif" width="1" height="1"><img src="img/a.png" alt="a">""", "https://blog.example/posts/one");
		assertThat(html).doesNotContain("script", "onclick", "iframe", "javascript", "t.gif")
			.contains("href=\"https://blog.example/about\"", "src=\"https://blog.example/posts/img/a.png\"");
	}

	@Test
	void onlyPublicAddressesArePublic() throws Exception {
		for (String address : new String[] { "127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
				"0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "fd00::1", "fe80::1" }) {
			assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		}
		assertThat(AddressGuard.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
		assertThat(AddressGuard.isPublic(InetAddress.getByName("2606:4700::1"))).isTrue();
	}

	@Test
	void loopbackIsRefusedUnlessAllowed() throws Exception {
		assertThatExceptionOfType(AddressGuard.RefusedAddressException.class)
			.isThrownBy(() -> new AddressGuard(false, false).check(URI.create("http://127.0.0.1:8080/feed")));
		assertThatExceptionOfType(AddressGuard.RefusedAddressException.class)
			.isThrownBy(() -> new AddressGuard(true, false).check(URI.create("http://[fd00::1]/feed")));
		assertThatExceptionOfType(AddressGuard.RefusedAddressException.class)
			.isThrownBy(() -> new AddressGuard(true, true).check(URI.create("file:///etc/passwd")));
		new AddressGuard(true, false).check(URI.create("http://127.0.0.1:8080/feed"));
	}

}
