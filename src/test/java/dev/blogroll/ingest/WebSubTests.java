package dev.blogroll.ingest;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableClock;
import dev.blogroll.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WebSub against a hub run here ({@link TestHub}): a feed that names a hub is subscribed to it,
 * the hub's verification is answered, signed pushes become posts, unsigned, badly signed and
 * oversized pushes are refused, the subscription is renewed before its lease ends, and a hub
 * that fails leaves the source polled as usual.
 */
@BlogrollTest
class WebSubTests {

	private static final String SITE = "https://blogroll.example";

	@Autowired
	private FeedFetcher fetcher;

	@Autowired
	private FetchScheduler scheduler;

	@Autowired
	private FeedSources sources;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@LocalServerPort
	private int port;

	private FeedServer feeds;

	private TestHub hub;

	private long categoryId;

	@BeforeEach
	void start() {
		this.feeds = new FeedServer();
		this.hub = new TestHub(SITE, "http://127.0.0.1:" + this.port);
		this.jdbc.sql("insert into category (slug, name) values ('websub-test', 'WebSub Test') on conflict do nothing")
			.update();
		this.categoryId = this.jdbc.sql("select id from category where slug = 'websub-test'").query(Long.class).single();
	}

	@AfterEach
	void cleanUp() {
		this.feeds.close();
		this.hub.close();
		this.jdbc.sql("delete from post where category_id = :id").param("id", this.categoryId).update();
		this.jdbc.sql("delete from feed_source where name like 'WS %'").update();
		this.jdbc.sql("delete from category where slug = 'websub-test'").update();
	}

	/** An Atom feed naming the hub and itself, with {@code entries} entries. */
	private String feed(int entries) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Pushed Engineering</title>
				<link rel="alternate" href="https://pushed.example.com/"/>
				""");
		xml.append("<link rel=\"hub\" href=\"").append(this.hub.url()).append("\"/>\n");
		xml.append("<link rel=\"self\" href=\"").append(topic()).append("\"/>\n");
		xml.append("<updated>2026-03-01T10:00:00Z</updated><id>urn:pushed</id>\n");
		for (int i = 1; i <= entries; i++) {
			xml.append("<entry><title>Pushed post ").append(i).append("</title>")
				.append("<link href=\"https://pushed.example.com/posts/").append(i).append("\"/>")
				.append("<id>urn:pushed:").append(i).append("</id><updated>2026-03-0").append(i)
				.append("T10:00:00Z</updated><summary>Entry number ").append(i).append(" of the pushed blog.</summary></entry>\n");
		}
		return xml.append("</feed>").toString();
	}

	private String topic() {
		return this.feeds.url("/feed.atom");
	}

	private long source() {
		this.feeds.serve("/feed.atom", feed(2), "Content-Type", "application/atom+xml");
		long id = this.sources.create("WS Pushed", "https://pushed.example.com/", topic(), this.categoryId, "", true, 60);
		assertThat(this.fetcher.fetchNow(id).orElseThrow().success()).isTrue();
		return id;
	}

	private Map<String, Object> subscription(long id) {
		return this.jdbc.sql("select * from websub_subscription where source_id = :id").param("id", id).query()
			.singleRow();
	}

	private long posts() {
		return this.jdbc.sql("select count(*) from post where category_id = :id").param("id", this.categoryId)
			.query(Long.class).single();
	}

	@Test
	void aFeedNamingAHubIsSubscribedVerifiedPushedToAndRenewed() {
		long id = source();

		assertThat(this.hub.requests).hasSize(1);
		Map<String, String> request = this.hub.lastRequest();
		assertThat(request.get("Content-Type")).startsWith("application/x-www-form-urlencoded");
		assertThat(request.get("hub.mode")).isEqualTo("subscribe");
		assertThat(request.get("hub.topic")).isEqualTo(topic());
		assertThat(request.get("hub.callback")).startsWith(SITE + "/websub/" + id + "/").hasSize(
				(SITE + "/websub/" + id + "/").length() + 32);
		assertThat(request.get("hub.secret")).hasSize(64);
		assertThat(request.get("hub.lease_seconds")).isEqualTo("604800");
		assertThat(subscription(id).get("state")).isEqualTo("REQUESTED");

		// verification: a topic Blogroll did not ask for is refused, the right one answered
		assertThat(this.hub.verify("https://elsewhere.example/feed", "c1", 108_000).statusCode()).isEqualTo(404);
		HttpResponse<String> verified = this.hub.verify(topic(), "challenge-12345", 108_000);
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).isEqualTo("challenge-12345");
		assertThat(verified.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(value) -> assertThat(value).contains("no-store"));
		assertThat(subscription(id).get("state")).isEqualTo("ACTIVE");
		Instant expires = ((Timestamp) subscription(id).get("expires_at")).toInstant();
		assertThat(expires).isBetween(this.clock.instant().plus(Duration.ofHours(29)),
				this.clock.instant().plus(Duration.ofHours(31)));

		// a signed push becomes posts, with either signature the spec names
		HttpResponse<String> pushed = this.hub.pushSigned(feed(3), "sha256");
		assertThat(pushed.statusCode()).isEqualTo(204);
		assertThat(posts()).isEqualTo(3);
		assertThat(this.hub.pushSigned(feed(4), "sha1").statusCode()).isEqualTo(204);
		assertThat(posts()).isEqualTo(4);
		assertThat(this.sources.recentFetches(id, 1).get(0).outcome()).isEqualTo("PUSHED");
		assertThat(subscription(id).get("pushes")).isEqualTo(2);

		// the next poll: the hub pushes, so the source waits until a day before the lease ends
		this.feeds.serve("/feed.atom", feed(4), "Content-Type", "application/atom+xml");
		Instant polled = this.clock.instant();
		this.fetcher.fetchNow(id).orElseThrow();
		FeedSource state = this.sources.findById(id).orElseThrow();
		assertThat(state.nextFetchAt()).isBetween(expires.minus(Duration.ofDays(1)).minusSeconds(5),
				expires.minus(Duration.ofDays(1)).plusSeconds(5));
		assertThat(state.nextFetchAt()).isAfter(polled.plus(Duration.ofHours(5)));
		assertThat(state.scheduleNote()).contains("renewed");
		assertThat(this.hub.requests).as("no renewal yet").hasSize(1);

		// then: due, polled, and the subscription renewed with the same callback and secret
		this.clock.advance(Duration.ofHours(6).plusMinutes(1));
		assertThat(this.scheduler.poll()).isOne();
		assertThat(this.hub.requests).hasSize(2);
		assertThat(this.hub.lastRequest().get("hub.callback")).isEqualTo(request.get("hub.callback"));
		assertThat(this.hub.lastRequest().get("hub.secret")).isEqualTo(request.get("hub.secret"));
		assertThat(subscription(id).get("state")).as("still verified while renewing").isEqualTo("ACTIVE");
		assertThat(this.hub.verify(topic(), "renewed", 604_800).body()).isEqualTo("renewed");
		assertThat(((Timestamp) subscription(id).get("expires_at")).toInstant())
			.isAfter(this.clock.instant().plus(Duration.ofDays(6)));
	}

	@Test
	void aSubscriptionIsRenewedWhenThePollBringsA304() {
		long id = source();
		String callback = this.hub.lastRequest().get("hub.callback");
		this.hub.verify(topic(), "ok", 108_000);
		// from now on the feed is unchanged: a 304 names no hub
		this.feeds.on("/feed.atom", (exchange) -> FeedServer.respond(exchange, 304, ""));

		// 25 h later the 30 h lease ends within renew-before (a day)
		this.clock.advance(Duration.ofHours(25));
		this.fetcher.fetchNow(id).orElseThrow();

		assertThat(this.sources.recentFetches(id, 1).get(0).outcome()).isEqualTo("NOT_MODIFIED");
		assertThat(this.hub.requests).as("renewed").hasSize(2);
		assertThat(this.hub.lastRequest().get("hub.callback")).isEqualTo(callback);
		assertThat(this.hub.lastRequest().get("hub.topic")).isEqualTo(topic());
	}

	@Test
	void unsignedBadlySignedAndOversizedPushesAreRefused() {
		long id = source();
		this.hub.verify(topic(), "ok", 86_400);
		String callback = this.hub.lastRequest().get("hub.callback");
		String secret = this.hub.lastRequest().get("hub.secret");
		String body = feed(3);

		assertThat(this.hub.push(callback, body, null).statusCode()).as("unsigned").isEqualTo(403);
		assertThat(this.hub.push(callback, body, "sha256=" + TestHub.hmac("sha256", "not-the-secret", body))
			.statusCode()).as("another secret").isEqualTo(403);
		assertThat(this.hub.push(callback, body, "sha256=" + TestHub.hmac("sha256", secret, feed(4))).statusCode())
			.as("the signature of another body").isEqualTo(403);
		assertThat(this.hub.push(callback, body, "md5=" + TestHub.hmac("sha256", secret, body)).statusCode())
			.as("an unknown method").isEqualTo(403);
		assertThat(this.hub.push(callback, body, "sha256=zz").statusCode()).as("not hex").isEqualTo(403);
		assertThat(posts()).as("nothing of them was written").isEqualTo(2);

		// announces 6 MB and sends the first bytes: refused unread, on its Content-Length
		String path = callback.substring(SITE.length());
		RawHttp.Response huge = RawHttp.send(this.port, "POST " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n"
				+ "Content-Type: application/atom+xml\r\nX-Hub-Signature: sha256=00\r\nContent-Length: "
				+ (6 * 1024 * 1024) + "\r\n\r\n<feed>");
		assertThat(huge.status()).as("over max-push-size (5 MB)").isEqualTo(413);

		String wrongToken = callback.substring(0, callback.lastIndexOf('/') + 1) + "0".repeat(32);
		assertThat(this.hub.push(wrongToken, body, "sha256=" + TestHub.hmac("sha256", secret, body)).statusCode())
			.isEqualTo(404);
		assertThat(this.hub.verify(wrongToken, "subscribe", topic(), "x", 60).statusCode()).isEqualTo(404);
		assertThat(this.hub.push(SITE + "/websub/not-a-number/x", body, null).statusCode()).isEqualTo(404);
		assertThat(this.hub.verify(callback, "unsubscribe", topic(), "x", 60).statusCode())
			.as("an unsubscription Blogroll did not ask for").isEqualTo(404);
		assertThat(posts()).isEqualTo(2);
		assertThat(id).isPositive();
	}

	@Test
	void aHubThatFailsLeavesTheSourcePolledAsUsual() {
		this.hub.answer(500);
		long id = source();

		assertThat(this.hub.requests).hasSize(1);
		Map<String, Object> failed = subscription(id);
		assertThat(failed.get("state")).isEqualTo("FAILED");
		assertThat((String) failed.get("last_error")).contains("HTTP 500");
		FeedSource state = this.sources.findById(id).orElseThrow();
		assertThat(state.nextFetchAt()).as("polled as usual, not once a day")
			.isBefore(this.clock.instant().plus(Duration.ofHours(9)));

		// not asked again at every poll, but a day later
		this.hub.answer(202);
		this.fetcher.fetchNow(id).orElseThrow();
		assertThat(this.hub.requests).hasSize(1);
		this.clock.advance(Duration.ofHours(25));
		this.fetcher.fetchNow(id).orElseThrow();
		assertThat(this.hub.requests).hasSize(2);

		// the hub denies it: polled as usual
		assertThat(this.hub.verify(this.hub.lastRequest().get("hub.callback"), "denied", topic(), "", 0).statusCode())
			.isEqualTo(200);
		assertThat(subscription(id).get("state")).isEqualTo("FAILED");
	}

	@Test
	void aPollThatFindsPostsTheHubDidNotPushEndsTheSubscription() {
		long id = source();
		this.hub.verify(topic(), "ok", 604_800);
		this.feeds.serve("/feed.atom", feed(3), "Content-Type", "application/atom+xml");

		FeedSources.FetchRecord poll = this.fetcher.fetchNow(id).orElseThrow();

		assertThat(poll.newPosts()).isOne();
		Map<String, Object> subscription = subscription(id);
		assertThat(subscription.get("state")).isEqualTo("FAILED");
		assertThat((String) subscription.get("last_error")).isEqualTo("A poll found 1 post the hub had not pushed");
		assertThat(this.sources.findById(id).orElseThrow().nextFetchAt()).as("polled as usual again")
			.isBefore(this.clock.instant().plus(Duration.ofHours(9)));
	}

}
