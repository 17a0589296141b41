-- V36: the content version and the listing counts without rows every writer queues on.
--
-- Before: every statement writing posts, post tags, categories, authors or tags added one to
-- the single row of data_version (V31) and so held that row's lock until its commit. Every
-- writer queued behind every other, however unrelated (an editor's save waited seconds behind
-- an import's chunks), and transactions of several statements deadlocked on it and the rows
-- they had already written. Under REPEATABLE READ or SERIALIZABLE, any two such writers
-- conflicted (40001).
--
-- Now: a writing transaction inserts one row into data_change (the first of its statements
-- that writes content does, once per transaction), and takes no lock anyone else waits for:
-- nothing reads data_change under a lock, no two inserts conflict, and the row has no key
-- another insert could collide with. The content version readers compare is
--
--     data_version.version + (select count(*) from data_change)
--
-- read in one statement. Why it says "something changed" whenever something did, on every
-- instance, at the first request after the commit:
--
-- 1. A committed writing transaction has added at least one row, in the same transaction as
--    its content, so a snapshot sees its content exactly when it sees its row(s).
-- 2. Rows are never removed except by folding them into data_version.version, which one
--    statement does atomically (below): version + count is the same before and after a fold.
--    So the version a snapshot sees is the number of rows ever added by the transactions it
--    sees committed.
-- 3. A later snapshot sees every transaction an earlier one saw, plus those committed in
--    between. Its version is therefore at least as large, and larger exactly when some writing
--    transaction committed in between (each adds at least one row). Equal versions at two
--    moments mean no content was committed between them.
-- 4. Readers read the version first and the content afterwards, so a page kept under version v
--    shows at least everything committed when v was read; once anything more commits, every
--    later request sees a larger version and renders again.
--
-- What this avoids: a number taken from a sequence (or a counter bumped) before commit can
-- become visible out of order (T1 takes 100, T2 takes 101 and commits first, a reader keeps a
-- page under 101, T1 commits and the number stays 101: the page never changes). Counting rows
-- has no order to get wrong: T1's commit adds one whenever it comes.
--
-- What it assumes: committed transactions stay committed. A database taken back to an earlier
-- state (restored to a point in time, a failover to a replica that was behind, a crash with
-- synchronous_commit off) can count again to a version instances have seen with other content;
-- restart the instances after such a restore, as their caches are then older than the data.
--
-- Folding keeps the count small: when readers find more than a few hundred rows, one of them
-- runs the fold (ContentVersion). Two folds at once are safe: the second one's delete waits for
-- the first's rows, finds them gone and folds only what remains.

create table data_change (
    changed_at timestamptz not null default now()
);

comment on table data_change is
    'One row per committed transaction that changed what readers see, until folded into data_version (V36).';

create function note_data_change() returns trigger
language plpgsql as $$
begin
    -- once per transaction: the flag is transaction-local, and a savepoint rolled back takes
    -- both the row and the flag with it
    if current_setting('blogroll.data_change_noted', true) is distinct from 'yes' then
        insert into data_change default values;
        perform set_config('blogroll.data_change_noted', 'yes', true);
    end if;
    return null;
end
$$;

drop trigger post_changes_version on post;
drop trigger post_tag_changes_version on post_tag;
drop trigger category_changes_version on category;
drop trigger author_changes_version on author;
drop trigger tag_changes_version on tag;
drop function bump_data_version();

create trigger post_changes_version after insert or update or delete or truncate on post
    for each statement execute function note_data_change();
create trigger post_tag_changes_version after insert or update or delete or truncate on post_tag
    for each statement execute function note_data_change();
create trigger category_changes_version after insert or update or delete or truncate on category
    for each statement execute function note_data_change();
create trigger author_changes_version after insert or update or delete or truncate on author
    for each statement execute function note_data_change();
create trigger tag_changes_version after insert or update or delete or truncate on tag
    for each statement execute function note_data_change();

-- Listing counts (V30, V32), the same way: writers add rows, nobody waits.
--
-- Before: each transaction that published, unpublished, moved or re-dated a post updated the
-- rows of listing_count (its listings' months and days) and listing_change (every post's
-- listing, 'all', is one row), holding them until its commit. Every such writer queued behind
-- every other: an editor's publish waited for each chunk of an import to commit. And a
-- transaction's changes came in several passes (decrements, increments, listing_change; again
-- for each statement), each in key order but not in one order overall, so two transactions
-- could each hold a row the other needed next: only the data_version trigger, firing first
-- because its name sorts first, kept the importer's two writers apart.
--
-- Now the counts are kept as V36 keeps the content version: a writer inserts its net changes
-- into listing_count_pending and listing_change_pending (no key, no row anyone else writes),
-- and the tables readers have always read, listing_count and listing_change, are views that
-- add those to what was folded so far (listing_count_folded, listing_change_folded). A reader's
-- statement sees a transaction's posts exactly when it sees its pending rows (same
-- transaction), so the counts it reads are the posts it sees, as before. Nothing depends on the
-- order triggers fire in: no two writers lock the same count.
--
-- fold_listing_counts() moves the pending rows into the folded tables in one statement each,
-- in one transaction (every snapshot sees both or neither, so the views do not change), one
-- folder at a time (a try-lock: a second folder returns at once). Blogroll runs it every few
-- seconds and the importer after each chunk, so the pending rows stay few.

alter table listing_count rename to listing_count_folded;
alter table listing_change rename to listing_change_folded;

create table listing_count_pending (
    kind       varchar(8)  not null,
    listing_id bigint      not null,
    unit       varchar(5)  not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    delta      integer     not null
);

create index listing_count_pending_by_listing on listing_count_pending (kind, listing_id, unit, starts_at);

create table listing_change_pending (
    kind       varchar(8)  not null,
    listing_id bigint      not null,
    changed_at timestamptz not null
);

create index listing_change_pending_by_listing on listing_change_pending (kind, listing_id);

create view listing_count as
select kind, listing_id, unit, starts_at, min(ends_at) as ends_at, sum(posts)::integer as posts
from (select kind, listing_id, unit, starts_at, ends_at, posts from listing_count_folded
      union all
      select kind, listing_id, unit, starts_at, ends_at, delta from listing_count_pending) as counted
group by kind, listing_id, unit, starts_at;

create view listing_change as
select kind, listing_id, max(changed_at) as changed_at
from (select kind, listing_id, changed_at from listing_change_folded
      union all
      select kind, listing_id, changed_at from listing_change_pending) as changed
group by kind, listing_id;

create or replace function apply_listing_count_changes(changes listing_count_change[]) returns void
language plpgsql as $$
begin
    insert into listing_count_pending (kind, listing_id, unit, starts_at, ends_at, delta)
    select * from listing_count_deltas(changes);
    insert into listing_change_pending (kind, listing_id, changed_at)
    select distinct d.kind, d.listing_id, now() from listing_count_deltas(changes) d;
end
$$;

create or replace function forget_listing_counts() returns trigger
language plpgsql as $$
begin
    delete from listing_count_pending;
    delete from listing_count_folded;
    return null;
end
$$;

-- Moves the pending rows into the folded tables; returns how many count rows it moved, or -1
-- if another transaction is folding.
create function fold_listing_counts() returns integer
language plpgsql as $$
declare
    moved integer;
begin
    if not pg_try_advisory_xact_lock(hashtext('blogroll.fold_listing_counts')) then
        return -1;
    end if;
    with taken as (
        delete from listing_count_pending returning kind, listing_id, unit, starts_at, ends_at, delta
    ), summed as (
        select kind, listing_id, unit, starts_at, min(ends_at) as ends_at, sum(delta)::integer as delta, count(*) as rows
        from taken group by kind, listing_id, unit, starts_at
    ), updated as (
        -- every statement in a WITH runs, referred to or not; both see the rows as they were,
        -- so a key is either updated (it was there) or inserted (it was not)
        update listing_count_folded f set posts = f.posts + s.delta
        from summed s
        where f.kind = s.kind and f.listing_id = s.listing_id and f.unit = s.unit and f.starts_at = s.starts_at
          and s.delta <> 0
        returning f.kind, f.listing_id, f.unit, f.starts_at
    ), inserted as (
        insert into listing_count_folded (kind, listing_id, unit, starts_at, ends_at, posts)
        select s.kind, s.listing_id, s.unit, s.starts_at, s.ends_at, s.delta
        from summed s
        where s.delta <> 0
          and not exists (select from listing_count_folded f
                          where f.kind = s.kind and f.listing_id = s.listing_id and f.unit = s.unit
                            and f.starts_at = s.starts_at)
    )
    select coalesce(sum(rows), 0) into moved from summed;
    with taken as (
        delete from listing_change_pending returning kind, listing_id, changed_at
    )
    insert into listing_change_folded as f (kind, listing_id, changed_at)
    select kind, listing_id, max(changed_at) from taken group by kind, listing_id
    on conflict (kind, listing_id) do update set changed_at = greatest(f.changed_at, excluded.changed_at);
    return moved;
end
$$;
