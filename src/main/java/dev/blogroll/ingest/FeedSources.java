package dev.blogroll.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.blogroll.text.Slugs;

/**
 * Feed sources and their fetch log in PostgreSQL. Claiming a source takes a lease on it with
 * {@code for update skip locked}, so that two Blogroll instances on one database never fetch
 * the same source at the same time, and each due source is fetched once. "Now" is the
 * application's {@link Clock}, as for the next fetch times {@link FeedFetcher} writes, so that
 * due times and leases are all measured by one clock.
 */
@Repository
class FeedSources {

	private static final String SELECT = """
			select s.id, s.name, s.site_url, s.feed_url, s.category_id, c.name as category_name, s.default_tags,
			       s.active, s.fetch_interval_minutes, s.etag, s.last_modified, s.last_fetched_at,
			       s.last_success_at, s.last_error, s.last_new_posts, s.consecutive_failures, s.next_fetch_at,
			       case when s.fetching_until > cast(:now as timestamptz) then s.fetch_progress end as fetch_progress,
			       s.feed_host, s.newest_entry_at, s.typical_gap_minutes, s.feed_ttl_minutes, s.schedule_note,
			       s.slug, s.description, s.last_new_post_at, s.awaiting_review
			from feed_source s join category c on c.id = s.category_id
			""";

	/**
	 * Claims are taken one at a time across all instances (this transaction-scoped advisory
	 * lock), so that each claim counts the leases the others took on a host before it; the
	 * claim itself takes a moment, the fetches it starts run in parallel.
	 */
	private static final long CLAIM_LOCK = 0x626c6f67726f6c6cL; // "blogroll"

	/**
	 * The sources due longest that may be fetched now: not leased, and on a host with fewer
	 * than {@code :perHost} leases, counting the ones this claim takes (the oldest due of each
	 * host first).
	 */
	private static final String CLAIM_DUE = """
			with ranked as (
			    select d.id, d.next_fetch_at,
			           row_number() over (partition by d.feed_host order by d.next_fetch_at, d.id)
			               + coalesce(busy.leases, 0) as place
			    from feed_source d
			    left join (select feed_host, count(*) as leases from feed_source
			               where fetching_until > :now group by feed_host) busy on busy.feed_host = d.feed_host
			    where d.active and d.next_fetch_at <= :now and (d.fetching_until is null or d.fetching_until <= :now)
			), chosen as (
			    select f.id from feed_source f
			    where f.id in (select id from ranked where place <= :perHost order by next_fetch_at, id limit :max)
			      and f.active and (f.fetching_until is null or f.fetching_until <= :now)
			    for update skip locked
			)
			update feed_source s set fetching_until = cast(:now as timestamptz) + make_interval(secs => :lease),
			    fetch_progress = 'waiting to start'
			from chosen
			where s.id = chosen.id
			returning s.id""";

	private final JdbcClient jdbc;

	private final Clock clock;

	FeedSources(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	List<FeedSource> findAll() {
		return this.jdbc.sql(SELECT + " order by lower(s.name), s.id").param("now", now()).query(FeedSources::map).list();
	}

	/** How many reviewed sources the filter lets through. */
	long count(SourceFilter filter) {
		return this.jdbc.sql("select count(*) from feed_source s where not s.awaiting_review" + filter.sql())
			.param("pattern", filter.pattern()).query(Long.class).single();
	}

	/** One page of the reviewed sources the filter lets through, in its order. */
	List<FeedSource> page(SourceFilter filter, int page, int size) {
		return this.jdbc.sql(SELECT + " where not s.awaiting_review" + filter.sql() + " order by " + filter.orderBy()
				+ " limit :limit offset :offset")
			.param("now", now()).param("pattern", filter.pattern()).param("limit", size)
			.param("offset", (long) (page - 1) * size)
			.query(FeedSources::map).list();
	}

	/** The sources of these ids, by name. */
	List<FeedSource> findAllById(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where s.id in (:ids) order by lower(s.name), s.id").param("now", now())
			.param("ids", ids).query(FeedSources::map).list();
	}

	/** How many imported sources wait for an editor's review. */
	long countAwaitingReview() {
		return this.jdbc.sql("select count(*) from feed_source where awaiting_review").query(Long.class).single();
	}

	/** The imported sources that wait for review, the oldest first, {@code size} a page. */
	List<FeedSource> awaitingReview(int page, int size) {
		return this.jdbc.sql(SELECT + " where s.awaiting_review order by s.id limit :limit offset :offset")
			.param("now", now()).param("limit", size).param("offset", (long) (page - 1) * size)
			.query(FeedSources::map).list();
	}

	/** An imported source the editor keeps: into that category, fetched from now on. */
	boolean accept(long id, long categoryId) {
		return this.jdbc.sql("""
				update feed_source set awaiting_review = false, active = true, category_id = :category, next_fetch_at = :now
				where id = :id and awaiting_review""")
			.param("id", id).param("category", categoryId).param("now", now()).update() == 1;
	}

	/** An imported source the editor does not want. */
	boolean reject(long id) {
		return this.jdbc.sql("delete from feed_source where id = :id and awaiting_review").param("id", id).update() == 1;
	}

	Optional<FeedSource> findById(long id) {
		return this.jdbc.sql(SELECT + " where s.id = :id").param("now", now()).param("id", id).query(FeedSources::map)
			.optional();
	}

	Optional<FeedSource> findByFeedUrl(String feedUrl) {
		return this.jdbc.sql(SELECT + " where s.feed_url = :url").param("now", now()).param("url", feedUrl)
			.query(FeedSources::map)
			.optional();
	}

	/** Adds a source with a slug made from its name. */
	long create(String name, String siteUrl, String feedUrl, long categoryId, String defaultTags, boolean active,
			int intervalMinutes) {
		return create(name, null, siteUrl, feedUrl, categoryId, defaultTags, active, intervalMinutes, false);
	}

	/**
	 * Adds a source. Without a slug, one is made from the name ({@code -2}, {@code -3}, … when
	 * taken); a slug given and taken is a {@link DuplicateKeyException}, as a feed URL taken is.
	 * @param awaitingReview whether it waits for an editor's review (OPML imports) before it is fetched
	 */
	long create(String name, @Nullable String slug, String siteUrl, String feedUrl, long categoryId,
			String defaultTags, boolean active, int intervalMinutes, boolean awaitingReview) {
		for (int attempt = 1;; attempt++) {
			String tried = (slug != null) ? slug : slugFor(name, attempt);
			Optional<Long> id = this.jdbc.sql("""
					insert into feed_source (name, slug, site_url, feed_url, category_id, default_tags, active,
					                         fetch_interval_minutes, next_fetch_at, awaiting_review)
					values (:name, :slug, :site, :feed, :category, :tags, :active, :interval, :now, :review)
					on conflict (slug) do nothing returning id""")
				.param("name", name).param("slug", tried).param("site", siteUrl).param("feed", feedUrl)
				.param("category", categoryId).param("tags", defaultTags).param("now", now()).param("active", active)
				.param("interval", intervalMinutes).param("review", awaitingReview)
				.query(Long.class).optional();
			if (id.isPresent()) {
				return id.get();
			}
			if (slug != null) {
				throw new DuplicateKeyException("The slug " + slug + " is taken");
			}
		}
	}

	/**
	 * The slug of a blog called {@code name}: made by {@link Slugs#slugify}, "blog" if the name
	 * has no letters or digits; attempt 2, 3, … add {@code -2}, {@code -3}, ….
	 */
	static String slugFor(String name, int attempt) {
		String base = Slugs.slugify(name);
		if (base.isEmpty()) {
			base = "blog";
		}
		if (attempt == 1) {
			return base;
		}
		String suffix = "-" + attempt;
		String head = (base.length() + suffix.length() <= Slugs.MAX_LENGTH) ? base
				: base.substring(0, Slugs.MAX_LENGTH - suffix.length());
		while (head.endsWith("-")) {
			head = head.substring(0, head.length() - 1);
		}
		return head + suffix;
	}

	Optional<FeedSource> findBySlug(String slug) {
		return this.jdbc.sql(SELECT + " where s.slug = :slug").param("now", now()).param("slug", slug)
			.query(FeedSources::map)
			.optional();
	}

	/** Remembers what the feed says about its blog (its description), when it changed. */
	void describe(long id, FeedParser.FeedInfo feed) {
		String description = (feed.description() != null) ? truncate(feed.description()) : "";
		this.jdbc.sql("update feed_source set description = :description where id = :id and description <> :description")
			.param("id", id).param("description", (description != null) ? description : "").update();
	}

	void update(long id, String name, String slug, String siteUrl, String feedUrl, long categoryId,
			String defaultTags, boolean active, int intervalMinutes) {
		this.jdbc.sql("""
				update feed_source set name = :name, slug = :slug, site_url = :site,
				    -- a new feed URL starts afresh: its validators belong to the old one
				    etag = case when feed_url = :feed then etag end,
				    last_modified = case when feed_url = :feed then last_modified end,
				    feed_url = :feed, category_id = :category, default_tags = :tags,
				    consecutive_failures = case when :active and not active then 0 else consecutive_failures end,
				    next_fetch_at = case when :active and not active then :now else next_fetch_at end,
				    active = :active, fetch_interval_minutes = :interval
				where id = :id""")
			.param("now", now()).param("id", id).param("name", name).param("slug", slug).param("site", siteUrl)
			.param("feed", feedUrl).param("category", categoryId).param("tags", defaultTags).param("active", active)
			.param("interval", intervalMinutes).update();
	}

	void setActive(long id, boolean active) {
		this.jdbc.sql("""
				update feed_source set active = :active,
				    consecutive_failures = case when :active then 0 else consecutive_failures end,
				    next_fetch_at = case when :active then :now else next_fetch_at end
				where id = :id""").param("now", now()).param("id", id).param("active", active).update();
	}

	void delete(long id) {
		this.jdbc.sql("delete from feed_source where id = :id").param("id", id).update();
	}

	/**
	 * Takes the leases on at most {@code max} of the sources due longest, never more than
	 * {@code perHost} leases on one host counting those other fetches (on any instance) hold.
	 * Sources an editor or another claim has locked this moment are left for the next claim.
	 */
	@Transactional
	List<FeedSource> claimDue(Duration lease, int max, int perHost) {
		this.jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", CLAIM_LOCK).query().listOfRows();
		List<Long> ids = this.jdbc.sql(CLAIM_DUE)
			.param("now", now())
			.param("lease", lease.toSeconds())
			.param("perHost", perHost)
			.param("max", max)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where s.id in (:ids) order by s.next_fetch_at, s.id")
			.param("now", now())
			.param("ids", ids)
			.query(FeedSources::map)
			.list();
	}

	/** Whether a source is due that no fetch holds (it may wait for its host to be free). */
	boolean anyDue() {
		return this.jdbc.sql("""
				select exists (select 1 from feed_source where active and next_fetch_at <= :now
				               and (fetching_until is null or fetching_until <= :now))""")
			.param("now", now()).query(Boolean.class).single();
	}

	/** Makes the source due now (a hub pushed while it was being fetched). */
	void dueNow(long id) {
		this.jdbc.sql("update feed_source set next_fetch_at = :now where id = :id and active").param("now", now())
			.param("id", id).update();
	}

	/** Takes the lease on one source, due or not; empty if another fetch holds it. */
	Optional<FeedSource> claim(long id, Duration lease) {
		return this.jdbc.sql("""
				update feed_source set fetching_until = cast(:now as timestamptz) + make_interval(secs => :lease),
				    fetch_progress = 'waiting to start'
				where id = (select id from feed_source
				            where id = :id and (fetching_until is null or fetching_until < :now)
				            for update skip locked)
				returning id""").param("now", now()).param("id", id).param("lease", lease.toSeconds()).query(Long.class).optional()
			.flatMap(this::findById);
	}

	/** Says what the fetch under way is doing, for the source's page. */
	void progress(long id, String progress) {
		this.jdbc.sql("update feed_source set fetch_progress = :progress where id = :id and fetching_until is not null")
			.param("id", id).param("progress", truncate200(progress)).update();
	}

	/**
	 * Gives up the lease of a fetch that broke off unexpectedly (the database failed mid-way),
	 * and leaves the source alone until {@code next}, so it is not claimed again at once.
	 */
	void postpone(long id, Instant next) {
		this.jdbc.sql("""
				update feed_source set fetching_until = null, fetch_progress = null, next_fetch_at = :next
				where id = :id""").param("id", id).param("next", Timestamp.from(next)).update();
	}

	/** Gives up a lease taken for a fetch that will not run after all. */
	void release(long id) {
		this.jdbc.sql("update feed_source set fetching_until = null, fetch_progress = null where id = :id")
			.param("id", id).update();
	}

	/** How many posts of the source were published (not held) in the 24 hours before {@code now}. */
	int publishedInTheLastDay(long id) {
		return this.jdbc.sql("""
				select count(*) from post where source_id = :id and created_at > now() - interval '1 day'
				and status = 'PUBLISHED'""").param("id", id).query(Integer.class).single();
	}

	/**
	 * Releases the leases of fetches that will not finish (the application is stopping), so
	 * another instance may fetch those sources at once instead of when the lease runs out.
	 */
	int release(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("update feed_source set fetching_until = null, fetch_progress = null where id in (:ids)").param("ids", ids)
			.update();
	}

	/** Writes the outcome of a fetch, releases the lease and logs the fetch. */
	void finish(FetchRecord record) {
		this.jdbc.sql("""
				update feed_source set fetching_until = null, fetch_progress = null, last_fetched_at = :started,
				    feed_url = coalesce(:movedTo, feed_url),
				    etag = case when :success then :etag else etag end,
				    last_modified = case when :success then :lastModified else last_modified end,
				    last_success_at = case when :success then :now else last_success_at end,
				    last_error = :error, last_new_posts = :newPosts,
				    consecutive_failures = case when :success then 0 else consecutive_failures + 1 end,
				    active = active and not :gone,
				    next_fetch_at = :next,
				    newest_entry_at = case when :read then :newestEntry else newest_entry_at end,
				    typical_gap_minutes = case when :read then :gap else typical_gap_minutes end,
				    feed_ttl_minutes = case when :read then :ttl else feed_ttl_minutes end,
				    schedule_note = :note,
				    last_new_post_at = case when :newPosts > 0 then :now else last_new_post_at end
				where id = :id""")
			.param("now", now()).param("id", record.sourceId()).param("started", Timestamp.from(record.startedAt()))
			.param("movedTo", record.movedTo()).param("success", record.success()).param("etag", record.etag())
			.param("lastModified", record.lastModified()).param("error", truncate(record.error()))
			.param("newPosts", record.newPosts()).param("gone", record.gone())
			.param("next", Timestamp.from(record.nextFetchAt()))
			.param("read", record.feedRead() != null)
			.param("newestEntry", (record.feedRead() != null && record.feedRead().newestEntryAt() != null)
					? Timestamp.from(record.feedRead().newestEntryAt()) : null, java.sql.Types.TIMESTAMP)
			.param("gap", (record.feedRead() != null) ? record.feedRead().typicalGapMinutes() : null, java.sql.Types.INTEGER)
			.param("ttl", (record.feedRead() != null) ? record.feedRead().feedTtlMinutes() : null, java.sql.Types.INTEGER)
			.param("note", truncate300(record.scheduleNote()))
			.update();
		this.jdbc.sql("""
				insert into feed_fetch (source_id, started_at, duration_ms, http_status, outcome, new_posts, updated_posts, message)
				values (:id, :started, :duration, :status, :outcome, :newPosts, :updatedPosts, :message)""")
			.param("id", record.sourceId()).param("started", Timestamp.from(record.startedAt()))
			.param("duration", record.durationMillis()).param("status", record.httpStatus())
			.param("outcome", record.outcome()).param("newPosts", record.newPosts())
			.param("updatedPosts", record.updatedPosts()).param("message", truncate(record.message())).update();
		this.jdbc.sql("""
				insert into feed_fetch_day (source_id, day, fetches, failures, new_posts, total_ms)
				values (:id, (cast(:started as timestamptz) at time zone 'UTC')::date, 1, :failed, :newPosts, :duration)
				on conflict (source_id, day) do update set fetches = feed_fetch_day.fetches + 1,
				    failures = feed_fetch_day.failures + excluded.failures,
				    new_posts = feed_fetch_day.new_posts + excluded.new_posts,
				    total_ms = feed_fetch_day.total_ms + excluded.total_ms""")
			.param("id", record.sourceId()).param("started", Timestamp.from(record.startedAt()))
			.param("failed", record.success() ? 0 : 1).param("newPosts", record.newPosts())
			.param("duration", record.durationMillis()).update();
		// keep the log short: the last 100 fetches of each source
		this.jdbc.sql("""
				delete from feed_fetch where source_id = :id and id < (
				    select min(id) from (select id from feed_fetch where source_id = :id order by id desc limit 100) recent)""")
			.param("id", record.sourceId()).update();
	}

	List<Fetch> recentFetches(long sourceId, int limit) {
		return this.jdbc.sql("""
				select started_at, duration_ms, http_status, outcome, new_posts, updated_posts, message
				from feed_fetch where source_id = :id order by id desc limit :limit""")
			.param("id", sourceId).param("limit", limit)
			.query((rs, row) -> new Fetch(rs.getTimestamp(1).toInstant(), rs.getInt(2), (Integer) rs.getObject(3),
					rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7)))
			.list();
	}

	private static @Nullable String truncate300(@Nullable String text) {
		return (text == null || text.length() <= 300) ? text : text.substring(0, 299) + "…";
	}

	private static String truncate200(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 199) + "…";
	}

	private static @Nullable String truncate(@Nullable String text) {
		return (text == null || text.length() <= 1000) ? text : text.substring(0, 999) + "…";
	}

	private static FeedSource map(ResultSet rs, int row) throws SQLException {
		return new FeedSource(rs.getLong("id"), rs.getString("name"), rs.getString("site_url"),
				rs.getString("feed_url"), rs.getLong("category_id"), rs.getString("category_name"),
				rs.getString("default_tags"), rs.getBoolean("active"), rs.getInt("fetch_interval_minutes"),
				rs.getString("etag"), rs.getString("last_modified"), instant(rs.getTimestamp("last_fetched_at")),
				instant(rs.getTimestamp("last_success_at")), rs.getString("last_error"), rs.getInt("last_new_posts"),
				rs.getInt("consecutive_failures"), rs.getTimestamp("next_fetch_at").toInstant(),
				rs.getString("fetch_progress"), rs.getString("feed_host"), instant(rs.getTimestamp("newest_entry_at")),
				(Integer) rs.getObject("typical_gap_minutes"), (Integer) rs.getObject("feed_ttl_minutes"),
				rs.getString("schedule_note"), rs.getString("slug"), rs.getString("description"),
				instant(rs.getTimestamp("last_new_post_at")), rs.getBoolean("awaiting_review"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The outcome of one fetch, as stored.
	 * @param feedRead what the schedule keeps of the feed, when the fetch read one (else the
	 * last one read is kept)
	 * @param scheduleNote why the next fetch is when it is, for editors
	 */
	record FetchRecord(long sourceId, Instant startedAt, int durationMillis, @Nullable Integer httpStatus,
			String outcome, boolean success, boolean gone, @Nullable String movedTo, @Nullable String etag,
			@Nullable String lastModified, @Nullable String error, @Nullable String message, int newPosts,
			int updatedPosts, Instant nextFetchAt, @Nullable FeedRead feedRead, @Nullable String scheduleNote) {
	}

	/**
	 * What the schedule remembers of the last feed read, for the fetches that bring none (304).
	 * @param newestEntryAt the newest entry's date
	 * @param typicalGapMinutes the median time between its newest entries
	 * @param feedTtlMinutes how long the feed asks to be cached ({@code <ttl>}, {@code sy:*})
	 */
	record FeedRead(@Nullable Instant newestEntryAt, @Nullable Integer typicalGapMinutes,
			@Nullable Integer feedTtlMinutes) {
	}

	/** One line of a source's fetch log. */
	record Fetch(Instant startedAt, int durationMillis, @Nullable Integer httpStatus, String outcome, int newPosts,
			int updatedPosts, @Nullable String message) {
	}

}
