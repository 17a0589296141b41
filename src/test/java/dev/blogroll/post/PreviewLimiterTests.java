package dev.blogroll.post;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewLimiterTests {

	private final PreviewLimiter limiter = new PreviewLimiter(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void anEditorHasOneRenderAtATime() {
		PreviewLimiter.Answer first = this.limiter.acquire("ada");
		assertThat(first).isInstanceOf(PreviewLimiter.Granted.class);
		PreviewLimiter.Answer second = this.limiter.acquire("ada");
		assertThat(second).isInstanceOf(PreviewLimiter.Refused.class);
		assertThat(((PreviewLimiter.Refused) second).code()).isEqualTo("admin.preview.busy");
		assertThat(this.limiter.acquire("bob")).as("another editor is not held up").isInstanceOf(PreviewLimiter.Granted.class);
		((PreviewLimiter.Granted) first).close();
		assertThat(this.limiter.acquire("ada")).isInstanceOf(PreviewLimiter.Granted.class);
	}

}
