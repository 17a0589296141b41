package dev.blogroll.ingest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.blogroll.BlogrollProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address the guard checked is the address connected to: the host is resolved once, by
 * the guard, and the HTTP client connects to what that lookup answered. A resolver plays a DNS
 * server that rebinds (a public address first, {@code 127.0.0.1} after); the sockets the client
 * opens record where they connect, and nothing here leaves this machine: a socket asked for an
 * address that is not loopback refuses before sending anything.
 */
class AddressPinningTests {

	private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

	private final List<String> requestsSeenBy = new CopyOnWriteArrayList<>();

	/** Where the client's sockets were asked to connect, in order. */
	private final List<InetSocketAddress> connections = new CopyOnWriteArrayList<>();

	private final AtomicInteger lookups = new AtomicInteger();

	@AfterEach
	void stopServers() {
		this.servers.forEach((server) -> server.stop(0));
	}

	@Test
	void aRebindingDnsServerCannotSendTheConnectionToLoopback() throws Exception {
		int port = serve("127.0.0.1", 0);
		AddressGuard.HostResolver rebinding = (host) -> new InetAddress[] {
				(this.lookups.incrementAndGet() == 1) ? InetAddress.getByName("93.184.216.34")
						: InetAddress.getLoopbackAddress() };
		FeedClient client = client(new AddressGuard(false, false, rebinding));

		FeedClient.Result result = client.fetch(URI.create("http://feeds.rebind.test:" + port + "/feed.xml"), null,
				null);

		assertThat(this.lookups).as("one lookup, by the guard").hasValue(1);
		assertThat(this.connections).as("the connection went to the address the guard checked")
			.containsExactly(new InetSocketAddress(InetAddress.getByName("93.184.216.34"), port));
		assertThat(this.requestsSeenBy).as("requests that reached 127.0.0.1").isEmpty();
		assertThat(result.outcome()).isEqualTo(FeedClient.Outcome.FAILED);
		assertThat(result.message()).startsWith("Could not connect to feeds.rebind.test");
	}

	@Test
	void theConnectionGoesToTheAnswerOfTheOneLookupWithTheHostNameKept() throws Exception {
		// two servers on one port: 127.0.0.2 is what the lookup answers, 127.0.0.1 what a second one would
		int port = serve("127.0.0.2", 0);
		serve("127.0.0.1", port);
		AddressGuard.HostResolver rebinding = (host) -> new InetAddress[] {
				InetAddress.getByName((this.lookups.incrementAndGet() == 1) ? "127.0.0.2" : "127.0.0.1") };
		FeedClient client = client(new AddressGuard(true, false, rebinding));

		FeedClient.Result result = client.fetch(URI.create("http://feeds.rebind.test:" + port + "/feed.xml"), null,
				null);

		assertThat(result.outcome()).isEqualTo(FeedClient.Outcome.OK);
		assertThat(this.lookups).hasValue(1);
		assertThat(this.requestsSeenBy).containsExactly("127.0.0.2 Host: feeds.rebind.test:" + port);
	}

	@Test
	void everyAddressOfTheAnswerIsCheckedBeforeAnyConnection() throws Exception {
		int port = serve("127.0.0.1", 0);
		AddressGuard.HostResolver mixed = (host) -> {
			this.lookups.incrementAndGet();
			return new InetAddress[] { InetAddress.getByName("93.184.216.34"), InetAddress.getLoopbackAddress() };
		};
		FeedClient client = client(new AddressGuard(false, false, mixed));

		FeedClient.Result result = client.fetch(URI.create("http://feeds.mixed.test:" + port + "/feed.xml"), null,
				null);

		assertThat(result.outcome()).isEqualTo(FeedClient.Outcome.REFUSED);
		assertThat(result.message()).isEqualTo("Refused: feeds.mixed.test is a loopback address (127.0.0.1)");
		assertThat(this.connections).isEmpty();
		assertThat(this.requestsSeenBy).isEmpty();
		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void aRedirectsTargetIsResolvedAndCheckedLikeTheFeed() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		this.servers.add(server);
		server.createContext("/", (exchange) -> {
			try (exchange) {
				FeedServer.respond(exchange, 302, "", "Location", "http://metadata.rebind.test/latest/");
			}
		});
		server.start();
		AddressGuard.HostResolver resolver = (host) -> new InetAddress[] {
				InetAddress.getByName(host.startsWith("metadata") ? "169.254.169.254" : "127.0.0.1") };
		FeedClient client = client(new AddressGuard(true, false, resolver));

		FeedClient.Result result = client.fetch(
				URI.create("http://feeds.rebind.test:" + server.getAddress().getPort() + "/feed.xml"), null, null);

		assertThat(result.outcome()).isEqualTo(FeedClient.Outcome.REFUSED);
		assertThat(result.message()).contains("metadata.rebind.test resolves to a non-public address (169.254.169.254)");
		assertThat(this.connections).extracting(InetSocketAddress::getHostString).containsExactly("127.0.0.1");
	}

	private int serve(String address, int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 0);
		this.servers.add(server);
		server.createContext("/", (exchange) -> {
			this.requestsSeenBy.add(address + " Host: " + exchange.getRequestHeaders().getFirst("Host"));
			try (exchange) {
				FeedServer.respond(exchange, 200, FeedServer.resource("atom-xhtml.xml"));
			}
		});
		server.start();
		return server.getAddress().getPort();
	}

	private FeedClient client(AddressGuard guard) {
		BlogrollProperties properties = new Binder(new MapConfigurationPropertySource(
				Map.of("blogroll.ingest.connect-timeout", "1s", "blogroll.ingest.read-timeout", "2s")))
			.bindOrCreate("blogroll", BlogrollProperties.class);
		return new FeedClient(properties, guard, Clock.systemUTC(), (Proxy proxy) -> new RecordingSocket());
	}

	/** Records where it is asked to connect, and connects only to this machine. */
	private final class RecordingSocket extends Socket {

		@Override
		public void connect(SocketAddress endpoint, int timeout) throws IOException {
			InetSocketAddress target = (InetSocketAddress) endpoint;
			AddressPinningTests.this.connections.add(target);
			if (!target.getAddress().isLoopbackAddress()) {
				throw new ConnectException("(the test does not leave this machine) " + target);
			}
			super.connect(endpoint, timeout);
		}

	}

}
