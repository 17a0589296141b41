-- V71: what the adaptive schedule remembers of a feed between fetches, for the fetches that
-- bring no body (304): how often it publishes (the median time between its newest entries and
-- the date of the newest) and how long it asks readers to wait (RSS <ttl>, sy:updatePeriod and
-- sy:updateFrequency). Why the next fetch is when it is (schedule_note) is also written in each
-- fetch's log line, which editors see on the source's page.

alter table feed_source
    add column newest_entry_at     timestamptz,
    add column typical_gap_minutes integer check (typical_gap_minutes >= 0),
    add column feed_ttl_minutes    integer check (feed_ttl_minutes >= 0),
    add column schedule_note       varchar(300);
