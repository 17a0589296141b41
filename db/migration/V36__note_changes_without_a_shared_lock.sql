-- V36: the content version without a row every writer queues on, and listing counts changed
-- by one transaction at a time on purpose rather than by the order triggers happen to fire in.
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

-- Listing counts (V30, V32): one transaction at a time changes them, by holding a
-- transaction-level advisory lock from its first change of the counts to its commit.
--
-- Why: a transaction's changes to listing_count and listing_change come in several passes
-- (decrements, then increments, then listing_change; and again for each statement), each in
-- key order but not in one order overall, so two transactions could each hold a row the other
-- needs next. Until now the data_version row, updated by a trigger that fires before the
-- counting triggers only because its name sorts first, made every writer wait before touching
-- any count. Now the lock is taken here, explicitly, before any count row: rows of
-- listing_count and listing_change are only ever locked by the holder of this lock, so no two
-- transactions can wait for each other on them.
--
-- What waits: only transactions whose net change to the counts is not zero (a post published,
-- unpublished, trashed, restored, deleted, moved to another category or re-dated into another
-- day). An edit of a title or body, a new tag or a category's description takes no lock here.
-- The "every post" listing's rows are shared by every such transaction anyway.
create or replace function apply_listing_count_changes(changes listing_count_change[]) returns void
language plpgsql as $$
begin
    if not exists (select from listing_count_deltas(changes)) then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtext('blogroll.listing_count'));
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

create or replace function forget_listing_counts() returns trigger
language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('blogroll.listing_count'));
    delete from listing_count;
    return null;
end
$$;
