package dev.blogroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.util.unit.DataSize;

import dev.blogroll.BlogrollProperties;
import dev.blogroll.BlogrollTest;

/**
 * Open connections hold heap whether or not they send anything, so how many Tomcat keeps open
 * is bounded to what the deployed heap can hold. Tomcat's default (8,192) is not: one client
 * holding 4,500 connections, each after asking for a page it never read, ran the 128 MB heap
 * out and killed the acceptor thread, after which Blogroll answered nothing (ops/connection-flood.sh shows it with the real
 * jar in that heap; this test keeps the setting from drifting back).
 */
@BlogrollTest
class ConnectionLimitTests {

	/**
	 * Heap one open connection holds once it has asked for a page whose answer it never reads
	 * (ops/connection-flood.sh: 500 such connections took 19 MB; an idle one takes 22 KB).
	 */
	private static final DataSize PER_CONNECTION = DataSize.ofKilobytes(38);

	/** The heap Blogroll is deployed with (deploy/Dockerfile, bench/jvm-options.sh). */
	private static final DataSize DEPLOYED_HEAP = DataSize.ofMegabytes(128);

	@Autowired
	private WebServerApplicationContext context;

	@Autowired
	private BlogrollProperties properties;

	@Test
	void theServerKeepsAtMostTheConfiguredConnectionsOpenAndTheyFitInAFifthOfTheHeap() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		int maxConnections = this.properties.limits().maxConnections();
		assertThat(connector.getProperty("maxConnections")).isEqualTo(maxConnections);
		assertThat(maxConnections * PER_CONNECTION.toBytes()).isLessThanOrEqualTo(DEPLOYED_HEAP.toBytes() / 5);
	}

}
