-- V70: every instance fetches due sources in parallel (a pool of its own), and no host is
-- fetched more than blogroll.ingest.per-host times at once across all instances. The host is
-- kept beside the feed URL (lower case, without port or user), so a claim can count the leases
-- held on it. ShedLock's single poller is gone, and so is its table.

alter table feed_source add column feed_host varchar(2000) generated always as (
    lower(substring(feed_url from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?(\[[^]/?#]*\]|[^:/?#]*)'))) stored;

-- the leases held now, by host: a claim counts them (a finished fetch clears its lease)
create index feed_source_leased_by_host on feed_source (feed_host) where fetching_until is not null;

drop table if exists shedlock;
