-- V51: the health of every source over the last 30 days, for the sources page's charts:
-- per source and day (in UTC), how many fetches, how many failed, how many new posts, and
-- their total duration (for the mean response time). One row per source and day, written by
-- each fetch as it finishes (an upsert), so the charts of a page of 50 sources read at most
-- 1,500 small rows; feed_fetch keeps only the last 100 fetches of a source, which for a
-- source fetched every few minutes is less than a day.

create table feed_fetch_day (
    source_id   bigint  not null references feed_source (id) on delete cascade,
    day         date    not null,
    fetches     integer not null default 0,
    failures    integer not null default 0,
    new_posts   integer not null default 0,
    total_ms    bigint  not null default 0,
    primary key (source_id, day),
    constraint feed_fetch_day_counts check (fetches >= 0 and failures between 0 and fetches and new_posts >= 0 and total_ms >= 0)
);

-- the chart of all sources together reads every row of the last 30 days
create index feed_fetch_day_by_day on feed_fetch_day (day) include (fetches, failures, new_posts, total_ms);

insert into feed_fetch_day (source_id, day, fetches, failures, new_posts, total_ms)
select source_id, (started_at at time zone 'UTC')::date, count(*),
       count(*) filter (where outcome not in ('OK', 'NOT_MODIFIED')), sum(new_posts), sum(duration_ms)
from feed_fetch
group by source_id, (started_at at time zone 'UTC')::date;
