-- V30: exact post counts per listing, by month and by day, kept by triggers.
--
-- Why: "page N" with OFFSET makes PostgreSQL read and throw away every post before the page,
-- so page 60,000 of a big category reads 900,000 rows. With these counts a listing page
-- finds its month (summing a few hundred month rows), then its day (summing at most 31 day
-- rows), and reads the index from the end of that day, skipping only the posts of that one
-- day that come before the page. The listing's size is the sum of its months.
--
-- A row counts the PUBLISHED posts of one listing whose published_at falls in one UTC month
-- or day, whether or not that time has come yet: scheduled posts are counted too, so that a
-- post becomes visible by itself when its time comes, with no job to run. Readers subtract
-- the posts dated after "now" (few, and found with an index range read from the top).
--
-- The listings counted: every post ('all', listing_id 0) and each category ('category').
-- Author and tag listings are small next to them and are not counted here: their pages are
-- read with count(*) and OFFSET on their own index.

create table listing_count (
    kind       varchar(8)  not null,
    listing_id bigint      not null,
    unit       varchar(5)  not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    posts      integer     not null,
    primary key (kind, listing_id, unit, starts_at),
    constraint listing_count_kind_known check (kind in ('all', 'category')),
    constraint listing_count_unit_known check (unit in ('month', 'day')),
    constraint listing_count_not_negative check (posts >= 0),
    constraint listing_count_ends_after_start check (ends_at > starts_at)
);

-- One change to the counts: a post entering (+1) or leaving (-1) the published listings.
create type listing_count_change as (category_id bigint, published_at timestamptz, delta integer);

-- The net change to each listing, month and day that changes touch.
create function listing_count_deltas(changes listing_count_change[])
returns table (kind varchar, listing_id bigint, unit varchar, starts_at timestamptz, ends_at timestamptz, delta integer)
language sql stable rows 100 as $$
    select l.kind, l.listing_id, u.unit,
           date_trunc(u.unit, c.published_at at time zone 'UTC') at time zone 'UTC',
           (date_trunc(u.unit, c.published_at at time zone 'UTC') + ('1 ' || u.unit)::interval) at time zone 'UTC',
           sum(c.delta)::integer
    from unnest(changes) c
    cross join lateral (values ('all', 0::bigint), ('category', c.category_id))
        as l (kind, listing_id)
    cross join (values ('month'), ('day')) as u (unit)
    group by 1, 2, 3, 4, 5
    having sum(c.delta) <> 0
$$;

-- Applies changes: decrements first (their rows exist), then increments, creating rows as
-- needed; both in key order, so that two transactions updating the same rows wait for each
-- other instead of deadlocking.
create function apply_listing_count_changes(changes listing_count_change[]) returns void
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
end
$$;

-- One trigger function for the three statement-level triggers below: the rows a statement
-- inserted, deleted or changed arrive as transition tables, so a batch of 1,000 posts costs
-- one call, not 1,000.
create function count_listing_posts() returns trigger
language plpgsql as $$
declare
    changes listing_count_change[] := '{}';
begin
    if tg_op in ('INSERT', 'UPDATE') then
        changes := changes || array(select row(category_id, published_at, 1)::listing_count_change
                                    from new_posts where status = 'PUBLISHED');
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        changes := changes || array(select row(category_id, published_at, -1)::listing_count_change
                                    from old_posts where status = 'PUBLISHED');
    end if;
    if cardinality(changes) > 0 then
        perform apply_listing_count_changes(changes);
    end if;
    return null;
end
$$;

create trigger post_inserted_counts after insert on post
    referencing new table as new_posts for each statement execute function count_listing_posts();
create trigger post_updated_counts after update on post
    referencing old table as old_posts new table as new_posts for each statement execute function count_listing_posts();
create trigger post_deleted_counts after delete on post
    referencing old table as old_posts for each statement execute function count_listing_posts();

create function forget_listing_counts() returns trigger
language plpgsql as $$
begin
    delete from listing_count;
    return null;
end
$$;

create trigger post_truncated_counts after truncate on post
    for each statement execute function forget_listing_counts();

-- The posts already there.
select apply_listing_count_changes(array(
    select row(category_id, published_at, 1)::listing_count_change from post where status = 'PUBLISHED'));
