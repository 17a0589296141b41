-- V95: tag listings counted by month and day, like every post and each category (V30, V36).
--
-- Why: a tag's pages were read with count(*) and OFFSET (V30 left tags out as small listings).
-- In the benchmark's million posts a tag has up to 86,525 of them: its first page took
-- 1.25-3.68 s (the count) and pages 500 to 5,000 0.8-1.8 s each (the OFFSET), against 0.05 s
-- for any page of a category of a million posts (bench/RESULTS.md).
--
-- What a counted listing needs is an index that yields its published posts newest first, so
-- that a page is read from the end of its day (ListingQueries). A tag's posts are rows of
-- post_tag, and their dates and status are on post: no index spans both tables. So post_tag
-- keeps a copy of its post's published_at and whether it is PUBLISHED, and a partial index,
-- post_tag_listing, yields a tag's published posts by date. The copies are kept by triggers,
-- whoever writes (Hibernate's Post.tags inserts only post_id and tag_id, the importer, feed
-- ingest, bulk actions, tag merges, a site restore):
--
-- * a new post_tag row takes its post's values (a row trigger: one index probe per tag row).
--   It locks the post as an update of the post would (for no key update): otherwise a tag
--   added while another transaction re-dates or unpublishes the post would copy the values
--   before that change and keep them, since the other transaction's trigger cannot see the
--   new row. A weaker "for share" lock would let two transactions that tag a post and then
--   update it (PostBulk.tag does) each wait for the other. The posts a transaction inserted
--   or updated itself are locked already or seen by no one else: no wait.
-- * a statement updating posts updates the post_tag rows of the posts whose published_at or
--   status it changed (one statement-level trigger; a statement that changes neither, such as
--   the touch of a tag's posts after a rename, joins its old and new rows and writes nothing).
--
-- The counts of a tag ('tag', tag_id) are then kept by statement-level triggers on post_tag
-- alone, as V30 keeps those of posts: a row inserted counts +1 if published, a row deleted -1
-- (a post deleted takes its tag rows with it, through the cascade), a row updated -1 for its old
-- values and +1 for its new ones. They are noted in listing_count_pending and
-- listing_change_pending (V36): no writer waits for another over a count, and folding moves
-- them as it moves the others. Scheduled posts are counted, and readers subtract them.
--
-- Not chosen: reading a tag's pages from the index of every post, filtered by the tag: each page
-- would read (all posts / the tag's posts) times its size, 12 times for the benchmark's tags,
-- thousands of times for a rare tag.
--
-- The index post_tag_by_tag (tag_id, post_id) stays: deleting, counting and merging a tag's rows
-- reads every one of them, drafts included.

alter table post_tag
    add column published_at timestamptz,
    add column published    boolean;

-- The rows already there. The triggers that note changed posts for a search index (V94) would
-- note every tagged post (an index outside PostgreSQL would then read them all again), and no
-- post changed: they are off while the copies are filled. The two indexes are built again
-- afterwards rather than kept up to date row by row: 19 s instead of 45 s for the benchmark's
-- 2,574,963 rows.
alter table post_tag drop constraint post_tag_pkey;
drop index post_tag_by_tag;
alter table post_tag disable trigger post_tag_updated_for_search;
update post_tag pt set published_at = p.published_at, published = (p.status = 'PUBLISHED')
from post p where p.id = pt.post_id;
alter table post_tag enable trigger post_tag_updated_for_search;

alter table post_tag
    alter column published_at set not null,
    alter column published set not null,
    add constraint post_tag_pkey primary key (post_id, tag_id);
create index post_tag_by_tag on post_tag (tag_id, post_id);

comment on column post_tag.published_at is 'The post''s published_at, kept by triggers (V95): orders a tag''s listing.';
comment on column post_tag.published is 'Whether the post is PUBLISHED, kept by triggers (V95).';

create index post_tag_listing on post_tag (tag_id, published_at desc, post_id desc) where published;

create function post_tag_copies_post() returns trigger
language plpgsql as $$
begin
    select p.published_at, p.status = 'PUBLISHED' into new.published_at, new.published
    from post p where p.id = new.post_id
    for no key update;
    if not found then
        -- as the foreign key would, had this not come first
        raise exception 'post % does not exist', new.post_id using errcode = 'foreign_key_violation';
    end if;
    return new;
end
$$;

create trigger post_tag_copies_post before insert or update of post_id on post_tag
    for each row execute function post_tag_copies_post();

create function post_tags_follow_post() returns trigger
language plpgsql as $$
begin
    update post_tag pt set published_at = n.published_at, published = (n.status = 'PUBLISHED')
    from new_posts n join old_posts o on o.id = n.id
    where pt.post_id = n.id
      and (n.published_at, n.status) is distinct from (o.published_at, o.status)
      and (pt.published_at, pt.published) is distinct from (n.published_at, n.status = 'PUBLISHED');
    return null;
end
$$;

create trigger post_updated_tags_follow after update on post
    referencing old table as old_posts new table as new_posts for each statement execute function post_tags_follow_post();

alter table listing_count_folded
    drop constraint listing_count_kind_known,
    add constraint listing_count_kind_known check (kind in ('all', 'category', 'tag'));

-- One change to a tag's counts: a post entering (+1) or leaving (-1) the tag's published posts.
create type tag_count_change as (tag_id bigint, published_at timestamptz, delta integer);

-- The net change to each tag, month and day that changes touch (as listing_count_deltas, V30).
create function tag_count_deltas(changes tag_count_change[])
returns table (kind varchar, listing_id bigint, unit varchar, starts_at timestamptz, ends_at timestamptz, delta integer)
language sql stable rows 100 as $$
    select 'tag', c.tag_id, u.unit,
           date_trunc(u.unit, c.published_at at time zone 'UTC') at time zone 'UTC',
           (date_trunc(u.unit, c.published_at at time zone 'UTC') + ('1 ' || u.unit)::interval) at time zone 'UTC',
           sum(c.delta)::integer
    from unnest(changes) c
    cross join (values ('month'), ('day')) as u (unit)
    group by 1, 2, 3, 4, 5
    having sum(c.delta) <> 0
$$;

create function count_tag_listing_posts() returns trigger
language plpgsql as $$
declare
    changes tag_count_change[] := '{}';
begin
    if tg_op in ('INSERT', 'UPDATE') then
        changes := changes || array(select row(tag_id, published_at, 1)::tag_count_change
                                    from new_tags where published);
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        changes := changes || array(select row(tag_id, published_at, -1)::tag_count_change
                                    from old_tags where published);
    end if;
    if cardinality(changes) > 0 then
        with deltas as (
            select * from tag_count_deltas(changes)
        ), counted as (
            insert into listing_count_pending (kind, listing_id, unit, starts_at, ends_at, delta)
            select * from deltas
        )
        insert into listing_change_pending (kind, listing_id, changed_at)
        select distinct d.kind, d.listing_id, now() from deltas d;
    end if;
    return null;
end
$$;

create trigger post_tag_inserted_counts after insert on post_tag
    referencing new table as new_tags for each statement execute function count_tag_listing_posts();
create trigger post_tag_updated_counts after update on post_tag
    referencing old table as old_tags new table as new_tags for each statement execute function count_tag_listing_posts();
create trigger post_tag_deleted_counts after delete on post_tag
    referencing old table as old_tags for each statement execute function count_tag_listing_posts();

-- A truncate of post forgets every count already (V30, V36), tags' too; one of post_tag alone
-- forgets the tags'.
create function forget_tag_listing_counts() returns trigger
language plpgsql as $$
begin
    delete from listing_count_pending where kind = 'tag';
    delete from listing_count_folded where kind = 'tag';
    return null;
end
$$;

create trigger post_tag_truncated_counts after truncate on post_tag
    for each statement execute function forget_tag_listing_counts();

-- The counts of the rows already there, grouped here rather than passed through an array of
-- 2.5 million changes.
insert into listing_count_folded (kind, listing_id, unit, starts_at, ends_at, posts)
select 'tag', pt.tag_id, u.unit,
       date_trunc(u.unit, pt.published_at at time zone 'UTC') at time zone 'UTC',
       (date_trunc(u.unit, pt.published_at at time zone 'UTC') + ('1 ' || u.unit)::interval) at time zone 'UTC',
       count(*)
from post_tag pt
cross join (values ('month'), ('day')) as u (unit)
where pt.published
group by 1, 2, 3, 4, 5;

insert into listing_change_folded (kind, listing_id, changed_at)
select distinct kind, listing_id, now() from listing_count_folded where kind = 'tag';
