package dev.blogroll.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import dev.blogroll.BlogrollProperties;

/**
 * Fetches sources: claims one (a lease in PostgreSQL, so no other instance fetches it at the
 * same time), fetches and parses its feed, writes its entries, and records the outcome with
 * the time of the next fetch: the source's interval after a success, {@code Retry-After} after
 * a 429 or 503, and an exponential back-off capped at {@code maxBackoff} after other failures.
 * A 410 Gone pauses the source.
 * <p>
 * Metrics: {@code blogroll.feed.fetches} (by outcome, timed) and {@code blogroll.feed.entries}
 * (posts created and updated). While shutting down ({@link FetchShutdown}) no new source is
 * claimed; the fetches under way are known by their sources, so their leases can be released
 * if they do not finish in time.
 */
@Service
class FeedFetcher {

	private static final Logger log = LoggerFactory.getLogger(FeedFetcher.class);

	private final FeedSources sources;

	private final FeedClient client;

	private final EntryWriter writer;

	private final Clock clock;

	private final BlogrollProperties.Ingest settings;

	/** The sources being fetched by this instance now (their leases are this instance's). */
	private final Set<Long> fetching = ConcurrentHashMap.newKeySet();

	/** Claims and fetches under way, counted from before the claim, so none is missed at shutdown. */
	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile boolean stopping;

	private final Map<FeedClient.Outcome, Timer> fetches = new EnumMap<>(FeedClient.Outcome.class);

	private final Counter created;

	private final Counter updated;

	FeedFetcher(FeedSources sources, EntryWriter writer, BlogrollProperties properties, Clock clock,
			MeterRegistry registry) {
		this.sources = sources;
		this.writer = writer;
		this.clock = clock;
		this.settings = properties.ingest();
		this.client = new FeedClient(properties,
				new AddressGuard(this.settings.allowLoopback(), this.settings.allowPrivateAddresses()), clock);
		for (FeedClient.Outcome outcome : FeedClient.Outcome.values()) {
			this.fetches.put(outcome, Timer.builder("blogroll.feed.fetches")
				.description("Feed fetches, by outcome (FAILED also when the entries could not be parsed or stored)")
				.tag("outcome", outcome.name())
				.register(registry));
		}
		this.created = Counter.builder("blogroll.feed.entries").tag("result", "created")
			.description("Posts created and updated from fetched feeds").register(registry);
		this.updated = Counter.builder("blogroll.feed.entries").tag("result", "updated")
			.description("Posts created and updated from fetched feeds").register(registry);
	}

	/** Fetches every source that is due and not being fetched elsewhere; returns how many. */
	int fetchDue() {
		int fetched = 0;
		while (!this.stopping) {
			this.inFlight.incrementAndGet();
			try {
				Optional<FeedSource> source = this.sources.claimDue(lease());
				if (source.isEmpty()) {
					return fetched;
				}
				fetchClaimed(source.get());
				fetched++;
			}
			finally {
				this.inFlight.decrementAndGet();
			}
		}
		return fetched;
	}

	/** Fetches one source now, due or not; empty when another fetch of it is under way. */
	Optional<FeedSources.FetchRecord> fetchNow(long sourceId) {
		if (this.stopping) {
			return Optional.empty();
		}
		this.inFlight.incrementAndGet();
		try {
			return this.sources.claim(sourceId, lease()).map(this::fetchClaimed);
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	/**
	 * Claims one source for a fetch that runs later, on another thread ({@link FetchNow}); empty
	 * when another fetch of it is under way or the application is stopping. The claim counts as
	 * under way until {@link #fetchLater} has fetched it or {@link #giveUp} has let it go.
	 */
	Optional<FeedSource> claimForLater(long sourceId) {
		if (this.stopping) {
			return Optional.empty();
		}
		this.inFlight.incrementAndGet();
		Optional<FeedSource> claimed = Optional.empty();
		try {
			claimed = this.sources.claim(sourceId, lease());
			return claimed;
		}
		finally {
			if (claimed.isEmpty()) {
				this.inFlight.decrementAndGet();
			}
		}
	}

	/** Fetches a source claimed by {@link #claimForLater}; a fetch that fails outright lets the source go. */
	FeedSources.FetchRecord fetchLater(FeedSource source) {
		try {
			return fetchClaimed(source);
		}
		catch (RuntimeException ex) {
			this.sources.release(source.id());
			throw ex;
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	/** Lets go of a source claimed by {@link #claimForLater} that will not be fetched after all. */
	void giveUp(FeedSource source) {
		try {
			this.sources.release(source.id());
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	/** From now on no source is claimed: the application is shutting down. */
	void stopClaiming() {
		this.stopping = true;
	}

	/** Sources may be claimed again: the application was started again after a stop. */
	void resumeClaiming() {
		this.stopping = false;
	}

	/** The sources this instance is fetching now. */
	Set<Long> fetching() {
		return Set.copyOf(this.fetching);
	}

	/** Whether a claim or a fetch is under way. */
	boolean busy() {
		return this.inFlight.get() > 0;
	}

	private FeedSources.FetchRecord fetchClaimed(FeedSource source) {
		this.fetching.add(source.id());
		try {
			return fetch(source);
		}
		finally {
			this.fetching.remove(source.id());
		}
	}

	/** Long enough for the slowest fetch: every redirect hop timing out. */
	private Duration lease() {
		return this.settings.connectTimeout()
			.plus(this.settings.readTimeout())
			.multipliedBy(this.settings.maxRedirects() + 1L)
			.plusMinutes(1);
	}

	private FeedSources.FetchRecord fetch(FeedSource source) {
		Instant started = this.clock.instant();
		this.sources.progress(source.id(), "downloading the feed");
		FeedClient.Result result = this.client.fetch(URI.create(source.feedUrl()), source.etag(), source.lastModified());
		String movedTo = movedTo(source, result.movedTo());
		Duration interval = Duration.ofMinutes(source.fetchIntervalMinutes());
		int created = 0;
		int updated = 0;
		String outcome = result.outcome().name();
		String error = null;
		String message = result.message();
		Instant next = started.plus(interval);
		boolean success = false;
		switch (result.outcome()) {
			case NOT_MODIFIED -> success = true;
			case OK -> {
				try {
					URI base = URI.create((movedTo != null) ? movedTo : source.feedUrl());
					this.sources.progress(source.id(), "reading the feed (" + result.body().length / 1024 + " KB)");
					FeedParser.ParsedFeed parsed = FeedParser.parse(result.body(), result.contentType(), base);
					List<FeedParser.FeedEntry> entries = parsed.entries();
					List<FeedParser.FeedEntry> taken = newest(entries, this.settings.maxEntriesPerFetch());
					int publishable = Math.max(0,
							this.settings.maxPostsPerSourcePerDay() - this.sources.publishedInTheLastDay(source.id()));
					this.sources.progress(source.id(), "writing " + taken.size() + " of " + entries.size() + " entries");
					EntryWriter.Written written = this.writer.write(source, taken, started, publishable);
					this.sources.describe(source.id(), parsed.feed());
					created = written.created();
					updated = written.updated();
					message = describe(entries.size(), taken.size(), written) + repairs(parsed.repairs());
					success = true;
				}
				catch (FeedParser.WebPageException ex) {
					outcome = "FAILED";
					message = ex.getMessage();
					String feed = discovered(source, ex);
					if (feed != null) {
						// a source that never worked was given its blog's address: follow the feed the page names
						movedTo = feed;
						message = "The address is a web page; it names the feed " + feed
								+ ", which is now the source's feed and is fetched next.";
						next = started;
					}
					else {
						next = started.plus(backoff(interval, source.consecutiveFailures() + 1));
					}
				}
				catch (FeedParser.InvalidFeedException ex) {
					outcome = "FAILED";
					message = ex.getMessage();
					next = started.plus(backoff(interval, source.consecutiveFailures() + 1));
				}
				catch (RuntimeException ex) {
					log.warn("Could not store the entries of {}", source.feedUrl(), ex);
					outcome = "FAILED";
					message = "Could not store the entries: " + ex.getMessage();
				}
			}
			case RETRY_LATER -> {
				Instant backoff = started.plus(backoff(interval, source.consecutiveFailures() + 1));
				next = (result.retryAt() != null && result.retryAt().isAfter(started)) ? result.retryAt() : backoff;
			}
			case GONE, FAILED, REFUSED -> next = started.plus(backoff(interval, source.consecutiveFailures() + 1));
		}
		if (!success) {
			error = message;
		}
		if (movedTo != null && message != null && success) {
			message = message + "; the feed moved permanently to " + movedTo;
		}
		int duration = (int) Math.min(Integer.MAX_VALUE, Duration.between(started, this.clock.instant()).toMillis());
		FeedSources.FetchRecord record = new FeedSources.FetchRecord(source.id(), started, duration, result.status(),
				outcome, success, result.outcome() == FeedClient.Outcome.GONE, movedTo,
				success ? result.etag() : null, success ? result.lastModified() : null, error, message, created,
				updated, next);
		this.sources.finish(record);
		FeedClient.Outcome counted = "FAILED".equals(outcome) ? FeedClient.Outcome.FAILED : result.outcome();
		this.fetches.get(counted).record(duration, TimeUnit.MILLISECONDS);
		this.created.increment(created);
		this.updated.increment(updated);
		log.info("Fetched {}: {} ({} new, {} updated){}", source.feedUrl(), outcome, created, updated,
				(error != null) ? " " + error : "");
		return record;
	}

	/**
	 * The newest {@code max} entries, newest first by publication (else update) date; entries
	 * without a date come after, in the feed's order.
	 */
	static List<FeedParser.FeedEntry> newest(List<FeedParser.FeedEntry> entries, int max) {
		if (entries.size() <= max) {
			return entries;
		}
		return entries.stream()
			.sorted(Comparator.comparing(FeedFetcher::date, Comparator.nullsLast(Comparator.reverseOrder())))
			.limit(max)
			.toList();
	}

	private static @Nullable Instant date(FeedParser.FeedEntry entry) {
		return (entry.published() != null) ? entry.published() : entry.updated();
	}

	/**
	 * The feed a web page names, for a source that has never been fetched successfully (its
	 * address was the blog's, as in many OPML files), unless another source follows it already.
	 */
	private @Nullable String discovered(FeedSource source, FeedParser.WebPageException page) {
		if (source.lastSuccessAt() != null || page.feeds().isEmpty()) {
			return null;
		}
		String feed = page.feeds().get(0).url();
		return (feed.length() <= 2000 && this.sources.findByFeedUrl(feed).isEmpty()) ? feed : null;
	}

	private static String repairs(List<String> repairs) {
		return repairs.isEmpty() ? "" : "; read after repairs: " + String.join("; ", repairs);
	}

	private String describe(int entries, int taken, EntryWriter.Written written) {
		int held = written.held();
		StringBuilder message = new StringBuilder().append(entries).append(" entries");
		if (written.withoutLink() > 0) {
			message.append("; ").append(written.withoutLink()).append(written.withoutLink() == 1 ? " has" : " have")
				.append(" no link to an original and became no post");
		}
		if (taken < entries) {
			message.append("; only the newest ").append(taken).append(" were read (at most ")
				.append(this.settings.maxEntriesPerFetch()).append(" a fetch)");
		}
		if (held > 0) {
			message.append("; ").append(held).append((held == 1) ? " new post was" : " new posts were")
				.append(" kept as drafts for an editor to publish: the source published ")
				.append(this.settings.maxPostsPerSourcePerDay()).append(" posts in the last 24 hours");
		}
		return message.toString();
	}

	/** The feed's new URL after permanent redirects, unless another source already has it. */
	private @Nullable String movedTo(FeedSource source, @Nullable URI movedTo) {
		if (movedTo == null || movedTo.toString().equals(source.feedUrl()) || movedTo.toString().length() > 2000) {
			return null;
		}
		return this.sources.findByFeedUrl(movedTo.toString()).isPresent() ? null : movedTo.toString();
	}

	/** The interval doubled for each failure, at most {@code maxBackoff}. */
	Duration backoff(Duration interval, int failures) {
		Duration cap = this.settings.maxBackoff();
		Duration wait = interval;
		for (int i = 0; i < failures && wait.compareTo(cap) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(cap) > 0) ? cap : wait;
	}

}
