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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import dev.blogroll.BlogrollProperties;

/**
 * Fetches one source whose lease the caller holds ({@link FeedSources#claim}, or a claim of
 * {@link FetchPool}): downloads and parses its feed, writes its entries, subscribes it to its
 * WebSub hub, and records the outcome with the time of the next fetch ({@link FetchSchedule}).
 * A 410 Gone pauses the source. Also takes the feeds hubs push ({@link #pushed}).
 * <p>
 * Metrics: {@code blogroll.feed.fetches} (by outcome, timed) and {@code blogroll.feed.entries}
 * (posts created and updated). While shutting down ({@link FetchShutdown}) no new source is
 * claimed, by the pool, "Fetch now" or a push; the fetches under way are known by their
 * sources, so their leases can be released if they do not finish in time.
 */
@Service
class FeedFetcher {

	private static final Logger log = LoggerFactory.getLogger(FeedFetcher.class);

	private final FeedSources sources;

	private final FeedClient client;

	private final EntryWriter writer;

	private final WebSubscriber webSub;

	private final WebSubscriptions subscriptions;

	private final Clock clock;

	private final BlogrollProperties.Ingest settings;

	private final FetchSchedule.Limits limits;

	/** The sources being fetched by this instance now (their leases are this instance's). */
	private final Set<Long> fetching = ConcurrentHashMap.newKeySet();

	/** Claims and fetches under way, counted from before the claim, so none is missed at shutdown. */
	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile boolean stopping;

	/**
	 * Fetches writing entries and outcomes at once ({@code blogroll.ingest.writers}): the
	 * others wait here, not for one of the connection pool's connections, whose short timeout is
	 * meant for readers' pages; so a round of thousands of feeds leaves the pool to the site.
	 */
	private final Semaphore writers;

	private final Map<FeedClient.Outcome, Timer> fetches = new EnumMap<>(FeedClient.Outcome.class);

	private final Counter created;

	private final Counter updated;

	FeedFetcher(FeedSources sources, FeedClient client, EntryWriter writer, WebSubscriber webSub,
			WebSubscriptions subscriptions, BlogrollProperties properties, Clock clock, MeterRegistry registry) {
		this.sources = sources;
		this.client = client;
		this.writer = writer;
		this.webSub = webSub;
		this.subscriptions = subscriptions;
		this.clock = clock;
		this.settings = properties.ingest();
		this.limits = FetchSchedule.Limits.of(this.settings);
		this.writers = new Semaphore(this.settings.writers(), true);
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

	/**
	 * Claims at most {@code max} due sources for the pool ({@link FetchPool}), never more than
	 * {@code perHost} fetches of one host at once; each counts as under way until
	 * {@link #fetchLater} has fetched it. Empty while the application is stopping.
	 */
	List<FeedSource> claimDue(int max, int perHost) {
		if (this.stopping) {
			return List.of();
		}
		this.inFlight.incrementAndGet();
		try {
			List<FeedSource> claimed = this.sources.claimDue(lease(), max, perHost);
			this.inFlight.addAndGet(claimed.size());
			return claimed;
		}
		finally {
			this.inFlight.decrementAndGet();
		}
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
	 * Claims one source for a fetch or a push that runs later, on another thread
	 * ({@link FetchNow}, {@link WebSubController}); empty when another fetch of it is under way
	 * or the application is stopping. The claim counts as under way until {@link #fetchLater}
	 * or {@link #pushed} has run or {@link #giveUp} has let it go.
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

	/**
	 * Fetches a source claimed by {@link #claimForLater} or {@link #claimDue}; a fetch that
	 * fails outright lets the source go.
	 */
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

	/** Whether the application is shutting down (nothing is claimed). */
	boolean stopping() {
		return this.stopping;
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
	Duration lease() {
		return this.settings.connectTimeout()
			.plus(this.settings.readTimeout())
			.multipliedBy(this.settings.maxRedirects() + 1L)
			.plusMinutes(1);
	}

	private FeedSources.FetchRecord fetch(FeedSource source) {
		Instant started = this.clock.instant();
		progress(source, "downloading the feed");
		FeedClient.Result result = this.client.fetch(URI.create(source.feedUrl()), source.etag(), source.lastModified());
		String movedTo = movedTo(source, result.movedTo());
		Duration interval = Duration.ofMinutes(source.fetchIntervalMinutes());
		int created = 0;
		int updated = 0;
		String outcome = result.outcome().name();
		String message = result.message();
		boolean success = false;
		FeedSources.FeedRead read = null;
		FeedHints hints = FeedHints.NONE;
		boolean followsDiscoveredFeed = false;
		switch (result.outcome()) {
			case NOT_MODIFIED -> success = true;
			case OK -> {
				try {
					URI base = URI.create((movedTo != null) ? movedTo : source.feedUrl());
					progress(source, "reading the feed (" + result.body().length / 1024 + " KB)");
					FeedParser.ParsedFeed parsed = FeedParser.parse(result.body(), result.contentType(), base);
					List<FeedParser.FeedEntry> entries = parsed.entries();
					hints = FeedHints.read(result.body(), base, result.links());
					read = feedRead(entries, hints, started);
					List<FeedParser.FeedEntry> taken = newest(entries, this.settings.maxEntriesPerFetch());
					int publishable = Math.max(0,
							this.settings.maxPostsPerSourcePerDay() - this.sources.publishedInTheLastDay(source.id()));
					progress(source, "writing " + taken.size() + " of " + entries.size() + " entries");
					EntryWriter.Written written = writing(() -> this.writer.write(source, taken, started, publishable));
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
						message = "The address is a web page; it names the feed " + feed + ", which is now the source's feed";
						followsDiscoveredFeed = true;
					}
				}
				catch (FeedParser.InvalidFeedException ex) {
					// backed off like any other failure (plan, below)
					outcome = "FAILED";
					message = ex.getMessage();
				}
				catch (RuntimeException ex) {
					log.warn("Could not store the entries of {}", source.feedUrl(), ex);
					outcome = "FAILED";
					message = "Could not store the entries: " + ex.getMessage();
				}
			}
			default -> {
				// a failure: scheduled below
			}
		}
		Instant pushedUntil = this.subscriptions.pushedUntil(source.id());
		if (pushedUntil != null && created > 0) {
			this.webSub.hubMissed(source, created);
			pushedUntil = null;
		}
		FetchSchedule.Plan plan = followsDiscoveredFeed
				? new FetchSchedule.Plan(started, "at once")
				: plan(source, result, success, outcome, interval, read, pushedUntil, started);
		String error = success ? null : message;
		if (movedTo != null && message != null && success) {
			message = message + "; the feed moved permanently to " + movedTo;
		}
		message = ((message != null) ? message + "; " : "") + "next fetch " + plan.reason();
		int duration = (int) Math.min(Integer.MAX_VALUE, Duration.between(started, this.clock.instant()).toMillis());
		FeedSources.FetchRecord record = new FeedSources.FetchRecord(source.id(), started, duration, result.status(),
				outcome, success, result.outcome() == FeedClient.Outcome.GONE, movedTo,
				success ? result.etag() : null, success ? result.lastModified() : null, error, message, created,
				updated, plan.at(), read, plan.reason());
		writing(() -> {
			this.sources.finish(record);
			return null;
		});
		FeedClient.Outcome counted = "FAILED".equals(outcome) ? FeedClient.Outcome.FAILED : result.outcome();
		this.fetches.get(counted).record(duration, TimeUnit.MILLISECONDS);
		this.created.increment(created);
		this.updated.increment(updated);
		log.info("Fetched {}: {} ({} new, {} updated){}", source.feedUrl(), outcome, created, updated,
				(error != null) ? " " + error : "");
		if (success && result.outcome() == FeedClient.Outcome.OK) {
			subscribe(source, hints);
		}
		else if (success) {
			// a 304 names no hub: a subscription due for renewal is renewed as it was asked
			renew(source);
		}
		return record;
	}

	private FetchSchedule.Plan plan(FeedSource source, FeedClient.Result result, boolean success, String outcome,
			Duration interval, FeedSources.@Nullable FeedRead read, @Nullable Instant pushedUntil, Instant now) {
		if (success) {
			Instant newest = (read != null) ? read.newestEntryAt() : source.newestEntryAt();
			Integer gap = (read != null) ? read.typicalGapMinutes() : source.typicalGapMinutes();
			Integer ttl = (read != null) ? read.feedTtlMinutes() : source.feedTtlMinutes();
			FetchSchedule.Publishing publishing = new FetchSchedule.Publishing(newest,
					(gap != null) ? Duration.ofMinutes(gap) : null);
			return FetchSchedule.afterSuccess(now,
					new FetchSchedule.Success(interval, publishing, result.freshFor(),
							(ttl != null) ? Duration.ofMinutes(ttl) : null, pushedUntil,
							this.settings.webSub().renewBefore()),
					this.limits);
		}
		int failures = source.consecutiveFailures() + 1;
		if ("RETRY_LATER".equals(outcome)) {
			return FetchSchedule.afterRetryLater(now, interval, failures, result.retryAt(), this.limits);
		}
		return FetchSchedule.afterFailure(now, interval, failures, this.limits);
	}

	/** What the schedule keeps of a feed read: how often it publishes, how long it asks to wait. */
	private static FeedSources.FeedRead feedRead(List<FeedParser.FeedEntry> entries, FeedHints hints, Instant now) {
		FetchSchedule.Publishing publishing = FetchSchedule.Publishing
			.of(entries.stream().map(FeedFetcher::date).toList(), now);
		Duration ttl = hints.ttl();
		if (hints.updatePeriod() != null && (ttl == null || hints.updatePeriod().compareTo(ttl) > 0)) {
			ttl = hints.updatePeriod();
		}
		return new FeedSources.FeedRead(publishing.newest(),
				(publishing.typicalGap() != null) ? (int) Math.min(Integer.MAX_VALUE, publishing.typicalGap().toMinutes())
						: null,
				(ttl != null) ? (int) ttl.toMinutes() : null);
	}

	/** Runs database writes of a fetch, at most {@code writers} fetches at once. */
	private <T> T writing(java.util.function.Supplier<T> write) {
		this.writers.acquireUninterruptibly();
		try {
			return write.get();
		}
		finally {
			this.writers.release();
		}
	}

	/** Shows editors how far the fetch is; a busy database does not fail the fetch for it. */
	private void progress(FeedSource source, String progress) {
		try {
			this.sources.progress(source.id(), progress);
		}
		catch (DataAccessException ex) {
			log.debug("Could not show the progress of {}: {}", source.feedUrl(), ex.getMessage());
		}
	}

	private void renew(FeedSource source) {
		try {
			this.webSub.renewIfDue(source);
		}
		catch (RuntimeException ex) {
			log.warn("Could not renew the subscription of {} to its hub", source.feedUrl(), ex);
		}
	}

	private void subscribe(FeedSource source, FeedHints hints) {
		try {
			this.webSub.afterRead(source, hints);
		}
		catch (RuntimeException ex) {
			log.warn("Could not subscribe {} to its hub", source.feedUrl(), ex);
		}
	}

	/**
	 * Gives up on a fetch that broke off with an unexpected exception: its lease is released
	 * and the source left alone for {@code min-interval}, rather than claimed again at once.
	 */
	void brokeOff(FeedSource source, RuntimeException ex) {
		log.warn("Fetching {} broke off; trying again in {}", source.feedUrl(), this.settings.minInterval(), ex);
		try {
			this.sources.postpone(source.id(), this.clock.instant().plus(this.settings.minInterval()));
		}
		catch (RuntimeException again) {
			// the database is away: the lease runs out by itself
			log.warn("Could not postpone {}: {}", source.feedUrl(), again.getMessage());
		}
	}

	/**
	 * Writes the entries of a feed its hub pushed (WebSub), for a source claimed by
	 * {@link #claimForLater}; logged like a fetch, as {@code PUSHED}. The next poll stays when
	 * it was.
	 * @param topic the feed's URL as subscribed, against which relative links are resolved
	 */
	FeedSources.FetchRecord pushed(FeedSource source, byte[] body, URI topic) {
		this.fetching.add(source.id());
		try {
			return writePushed(source, body, topic);
		}
		catch (RuntimeException ex) {
			this.sources.release(source.id());
			throw ex;
		}
		finally {
			this.fetching.remove(source.id());
			this.inFlight.decrementAndGet();
		}
	}

	private FeedSources.FetchRecord writePushed(FeedSource source, byte[] body, URI topic) {
		Instant started = this.clock.instant();
		int created = 0;
		int updated = 0;
		String message;
		boolean success = false;
		try {
			List<FeedParser.FeedEntry> entries = FeedParser.parse(body, null, topic).entries();
			List<FeedParser.FeedEntry> taken = newest(entries, this.settings.maxEntriesPerFetch());
			EntryWriter.Written written = writing(() -> this.writer.write(source, taken, started,
					Math.max(0, this.settings.maxPostsPerSourcePerDay() - this.sources.publishedInTheLastDay(source.id()))));
			created = written.created();
			updated = written.updated();
			message = "pushed by the hub: " + describe(entries.size(), taken.size(), written);
			success = true;
		}
		catch (FeedParser.InvalidFeedException ex) {
			message = "The hub pushed something that is not a feed: " + ex.getMessage();
		}
		int duration = (int) Math.min(Integer.MAX_VALUE, Duration.between(started, this.clock.instant()).toMillis());
		FeedSources.FetchRecord record = new FeedSources.FetchRecord(source.id(), started, duration, null,
				success ? "PUSHED" : "FAILED", success, false, null, source.etag(), source.lastModified(),
				success ? null : message, message, created, updated, source.nextFetchAt(), null, source.scheduleNote());
		this.sources.finish(record);
		log.info("Pushed {}: {} new, {} updated", source.feedUrl(), created, updated);
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
		return FetchSchedule.backoff(interval, failures, this.settings.maxBackoff());
	}

}
