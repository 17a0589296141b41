package dev.blogroll.listing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.blogroll.web.NotFoundException;
import dev.blogroll.web.PermanentRedirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageNumberTests {

	@ParameterizedTest
	@ValueSource(strings = { "2", "17", "999999999" })
	void plainPositiveNumbersArePages(String segment) {
		assertThat(PageNumber.parse(segment, "/blog")).isEqualTo(Integer.parseInt(segment));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "abc", "1e3", "017", "+2", " 2", "2.0", "", "1000000000",
			"99999999999999999999", "9223372036854775808" })
	void anythingElseIsNotFound(String segment) {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> PageNumber.parse(segment, "/blog"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/blog", "/blog/engineering", "/blog/tag/api-gateway" })
	void pageOneRedirectsToTheListingItself(String base) {
		assertThatExceptionOfType(PermanentRedirect.class).isThrownBy(() -> PageNumber.parse("1", base))
			.satisfies((redirect) -> assertThat(redirect.getLocation()).isEqualTo(base));
	}

}
