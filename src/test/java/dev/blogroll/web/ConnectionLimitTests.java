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
	 * Heap one open connection holds once it has asked for a page whose answer it never reads,
	 * rounded up: ops/connection-flood.sh measured 500 such connections at 7.5 MB of old
	 * generation with their buffers outside the heap (19 MB when they were on it).
	 */
	private static final DataSize PER_CONNECTION = DataSize.ofKilobytes(24);

	/** The heap Blogroll is deployed with (deploy/Dockerfile, bench/jvm-options.sh). */
	private static final DataSize DEPLOYED_HEAP = DataSize.ofMegabytes(128);

	/** The memory outside the heap it is deployed with ({@code -XX:MaxDirectMemorySize}). */
	private static final DataSize DEPLOYED_DIRECT_MEMORY = DataSize.ofMegabytes(32);

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

	/**
	 * Each open connection's read and write buffers are outside the heap (so the heap figure
	 * above holds), and all of them together leave a third of the deployed direct memory free.
	 */
	@Test
	void theConnectionsBuffersAreOutsideTheHeapAndFitInTwoThirdsOfItsDirectMemory() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		assertThat(connector.getProperty("socket.directBuffer")).hasToString("true");
		assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString(Integer.toString(WebServerSetup.WRITE_BUFFER));
		long perConnection = Long.parseLong(connector.getProperty("socket.appReadBufSize").toString())
				+ Long.parseLong(connector.getProperty("socket.appWriteBufSize").toString());
		assertThat(this.properties.limits().maxConnections() * perConnection)
			.isLessThanOrEqualTo(DEPLOYED_DIRECT_MEMORY.toBytes() * 2 / 3);
	}

}
