package dev.blogroll.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTests {

	@Test
	void titlesBecomeLowerCaseHyphenatedAscii() {
		assertThat(Slugs.slugify("Kong Gateway Tutorial: Running With a GUI in <15 Minutes"))
			.isEqualTo("kong-gateway-tutorial-running-with-a-gui-in-15-minutes");
	}

	@Test
	void accentsAreTransliterated() {
		assertThat(Slugs.slugify("Café Crème à Zürich, Straße, Łódź, Ørsted")).isEqualTo(
				"cafe-creme-a-zurich-strasse-lodz-orsted");
	}

	@Test
	void nothingUsableLeavesAnEmptySlug() {
		assertThat(Slugs.slugify("!!! — ???")).isEmpty();
		assertThat(Slugs.slugify("日本語")).isEmpty();
	}

	@Test
	void longTitlesAreCutAtAHyphenWithinEightyCharacters() {
		String slug = Slugs.slugify("A very long title that goes on and on about API gateways, service meshes, "
				+ "observability and everything else");
		assertThat(slug).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-");
		assertThat(Slugs.isValid(slug)).isTrue();
		assertThat(slug).isEqualTo("a-very-long-title-that-goes-on-and-on-about-api-gateways-service-meshes");
	}

	@Test
	void validSlugsAreRecognised() {
		assertThat(Slugs.isValid("kong-gateway-oauth2")).isTrue();
		assertThat(Slugs.isValid("Kong")).isFalse();
		assertThat(Slugs.isValid("double--hyphen")).isFalse();
		assertThat(Slugs.isValid("-leading")).isFalse();
		assertThat(Slugs.isValid("../etc")).isFalse();
		assertThat(Slugs.isValid("a".repeat(81))).isFalse();
	}

	@Test
	void aNameWrittenLikeASlugIsMadeReadable() {
		assertThat(Slugs.readable("api-security")).isEqualTo("Api Security");
		assertThat(Slugs.readable("engineering")).isEqualTo("Engineering");
		assertThat(Slugs.readable("web3-and-ai")).isEqualTo("Web3 And Ai");
		assertThat(Slugs.readable("API Security")).isEqualTo("API Security");
		assertThat(Slugs.readable("Kong's blog")).isEqualTo("Kong's blog");
	}

}
