-- V96: a tag's posts are counted by month only, not by month and day (V95).
--
-- Why: a day is a small bucket for a tag. The benchmark's 30 tags over twenty years have about
-- 219,000 tag-days against 7,200 tag-months, and an import chunk of 20,000 posts (about 50,000
-- tag rows) touches some 45,000 of those days: four fifths of the rows noted in
-- listing_count_pending and then folded into listing_count_folded were tags' days. A million
-- posts imported in 200 s, of which PostgreSQL spent 87 s folding counts and 33 s noting tags'
-- counts (pg_stat_user_functions), against 128 s for the whole import before V95.
--
-- What readers lose: nothing they see. A counted listing's page is found from its buckets
-- (ListingQueries): the bucket where the running total passes the page's first position, then
-- that many index entries of the bucket skipped. With months, the skip reads up to a month of
-- the tag's index entries (post_tag_listing, index only) instead of up to a day's: 360 for the
-- benchmark's biggest tag, an average of about 9 million posts a year for a tag to reach what a
-- day of the benchmark's one-million-post category costs. A tag's buckets are also read in 240
-- rows instead of 7,000. Categories and every post stay counted by day: their months hold
-- thousands of posts.
--
-- The month rows are already there and right; only the day rows go.

create or replace function tag_count_deltas(changes tag_count_change[])
returns table (kind varchar, listing_id bigint, unit varchar, starts_at timestamptz, ends_at timestamptz, delta integer)
language sql stable rows 100 as $$
    select 'tag', c.tag_id, 'month',
           date_trunc('month', c.published_at at time zone 'UTC') at time zone 'UTC',
           (date_trunc('month', c.published_at at time zone 'UTC') + interval '1 month') at time zone 'UTC',
           sum(c.delta)::integer
    from unnest(changes) c
    group by 1, 2, 3, 4, 5
    having sum(c.delta) <> 0
$$;

delete from listing_count_pending where kind = 'tag' and unit = 'day';
delete from listing_count_folded where kind = 'tag' and unit = 'day';
