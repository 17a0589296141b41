package dev.blogroll.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What feeds say about themselves, in the shapes publishers write it: RSS {@code <ttl>}, the
 * syndication module, Atom and {@code atom:link} hubs, undeclared prefixes, and the HTTP
 * {@code Link} header, which wins over the body.
 */
class FeedHintsTests {

	private static final URI FEED = URI.create("https://blog.example.com/feed.xml");

	private static FeedHints read(String xml, String... linkHeaders) {
		return FeedHints.read(xml.getBytes(StandardCharsets.UTF_8), FEED, List.of(linkHeaders));
	}

	@Test
	void rssTtlAndTheSyndicationModule() {
		FeedHints hints = read("""
				<?xml version="1.0"?>
				<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
				<channel><title>T</title><link>https://blog.example.com/</link><ttl> 90 </ttl>
				<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>
				<item><title>x</title><ttl>5</ttl></item></channel></rss>""");
		assertThat(hints.ttl()).isEqualTo(Duration.ofMinutes(90));
		assertThat(hints.updatePeriod()).isEqualTo(Duration.ofMinutes(30));
		assertThat(hints.hub()).isNull();
	}

	@Test
	void syndicationModuleInRss1WithAnotherPrefixAndNoFrequency() {
		FeedHints hints = read("""
				<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
				    xmlns:syn="http://purl.org/rss/1.0/modules/syndication/">
				<channel rdf:about="https://blog.example.com/"><title>T</title>
				<syn:updatePeriod>daily</syn:updatePeriod></channel>
				<item rdf:about="https://blog.example.com/1"><title>x</title></item></rdf:RDF>""");
		assertThat(hints.updatePeriod()).isEqualTo(Duration.ofDays(1));
		assertThat(hints.ttl()).isNull();
	}

	@Test
	void atomHubAndSelfLinks() {
		FeedHints hints = read("""
				<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
				<link rel="alternate" href="https://blog.example.com/"/>
				<link rel="hub" href="https://pubsubhubbub.example.org/"/>
				<link rel="self" href="/feed.atom"/>
				<entry><link rel="hub" href="https://not-this-one.example/"/></entry></feed>""");
		assertThat(hints.hub()).hasToString("https://pubsubhubbub.example.org/");
		assertThat(hints.self()).as("relative, resolved against the feed's URL")
			.hasToString("https://blog.example.com/feed.atom");
	}

	@Test
	void rssWithAtomLinksEvenWhenTheirPrefixIsUndeclared() {
		FeedHints hints = read("""
				<rss version="2.0"><channel><title>T</title>
				<atom:link rel="hub" href="https://hub.example/"/>
				<atom:link rel="self" type="application/rss+xml" href="https://blog.example.com/feed.xml"/>
				<item><title>x &nbsp; y</title></item></channel></rss>""");
		assertThat(hints.hub()).hasToString("https://hub.example/");
		assertThat(hints.self()).hasToString("https://blog.example.com/feed.xml");
	}

	@Test
	void theLinkHeaderWinsOverTheBody() {
		FeedHints hints = read("""
				<feed xmlns="http://www.w3.org/2005/Atom"><link rel="hub" href="https://body-hub.example/"/>
				<link rel="self" href="https://blog.example.com/feed.atom"/></feed>""",
				"<https://header-hub.example/>; rel=\"hub\", <https://blog.example.com/feed>; rel=\"self\"",
				"<https://blog.example.com/>; rel=alternate");
		assertThat(hints.hub()).hasToString("https://header-hub.example/");
		assertThat(hints.self()).hasToString("https://blog.example.com/feed");
	}

	@Test
	void whatIsNotAFeedOrNotHttpHasNoHints() {
		assertThat(read("<html><body>not a feed")).isEqualTo(FeedHints.NONE);
		assertThat(read("""
				<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<rss><channel><ttl>&x;</ttl><atom:link rel="hub" href="javascript:alert(1)"/></channel></rss>""").hub())
			.isNull();
		assertThat(read("<rss><channel><ttl>soon</ttl><ttl>-5</ttl></channel></rss>").ttl()).isNull();
	}

}
