-- V32: when each counted listing (every post, each category) last gained or lost a post.
--
-- Pages send Last-Modified; for a listing it is the later of this time and the newest
-- visible post's date (a scheduled post joins its listing when its time comes, without any
-- write). Both are one-row reads, so a 1,000,000-post category costs no scan. The time is
-- kept by the same trigger function that keeps listing_count (V30), which is redefined here
-- to record it for every listing whose counts change.

create table listing_change (
    kind       varchar(8)  not null,
    listing_id bigint      not null,
    changed_at timestamptz not null,
    primary key (kind, listing_id)
);

create or replace function apply_listing_count_changes(changes listing_count_change[]) returns void
language plpgsql as $$
begin
    if exists (select 1 from unnest(changes) c where c.delta < 0) then
        update listing_count lc set posts = lc.posts + d.delta
        from (select * from listing_count_deltas(changes) where delta < 0 order by 1, 2, 3, 4) d
        where lc.kind = d.kind and lc.listing_id = d.listing_id and lc.unit = d.unit and lc.starts_at = d.starts_at;
    end if;
    insert into listing_count as lc (kind, listing_id, unit, starts_at, ends_at, posts)
    select * from listing_count_deltas(changes) where delta > 0 order by 1, 2, 3, 4
    on conflict (kind, listing_id, unit, starts_at) do update set posts = lc.posts + excluded.posts;
    insert into listing_change as lc (kind, listing_id, changed_at)
    select distinct d.kind, d.listing_id, now() from listing_count_deltas(changes) d order by 1, 2
    on conflict (kind, listing_id) do update set changed_at = excluded.changed_at;
end
$$;

insert into listing_change (kind, listing_id, changed_at)
select distinct kind, listing_id, now() from listing_count;
