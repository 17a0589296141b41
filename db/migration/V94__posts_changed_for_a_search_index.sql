-- V94: which posts changed, for search indexes kept outside PostgreSQL (the Lucene engine,
-- BLOGROLL_SEARCH_ENGINE=lucene).
--
-- Every statement that writes post or post_tag rows notes the ids of the posts it wrote, with
-- the id of its transaction. An index outside the database remembers the snapshot
-- (pg_current_snapshot()) it last read under and, next time, reads the rows of exactly the
-- transactions that snapshot did not see: those whose xid is not visible in it. Unlike a
-- sequence or a time, this never misses a transaction that took its number first and committed
-- last (a long import next to a quick edit): a transaction still running when the index read
-- is, by definition, not visible in that snapshot, and is read the next time.
--
-- A truncate notes one row without a post: the index then reads every post again.
-- Rows older than a few days are deleted every hour (SearchChangeNotes; an index that has been
-- away longer reads every post again); statement-level triggers keep a bulk import to one
-- insert per statement.

create table post_search_change (
    post_id    bigint,
    xid        xid8        not null default pg_current_xact_id(),
    changed_at timestamptz not null default now()
);

create index post_search_change_by_xid on post_search_change (xid);
create index post_search_change_by_time on post_search_change (changed_at);

comment on table post_search_change is
    'Ids of posts written, by transaction, for search indexes outside PostgreSQL (V94); post_id null: every post.';

create function note_post_search_change() returns trigger
language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        insert into post_search_change (post_id) values (null);
    elsif tg_table_name = 'post' and tg_op = 'DELETE' then
        insert into post_search_change (post_id) select distinct id from old_rows;
    elsif tg_table_name = 'post' then
        insert into post_search_change (post_id) select distinct id from new_rows;
    elsif tg_op = 'DELETE' then
        insert into post_search_change (post_id) select distinct post_id from old_rows;
    else
        insert into post_search_change (post_id) select distinct post_id from new_rows;
    end if;
    return null;
end $$;

create trigger post_inserted_for_search after insert on post
    referencing new table as new_rows for each statement execute function note_post_search_change();
create trigger post_updated_for_search after update on post
    referencing new table as new_rows for each statement execute function note_post_search_change();
create trigger post_deleted_for_search after delete on post
    referencing old table as old_rows for each statement execute function note_post_search_change();
create trigger post_truncated_for_search after truncate on post
    for each statement execute function note_post_search_change();
create trigger post_tag_inserted_for_search after insert on post_tag
    referencing new table as new_rows for each statement execute function note_post_search_change();
create trigger post_tag_updated_for_search after update on post_tag
    referencing new table as new_rows for each statement execute function note_post_search_change();
create trigger post_tag_deleted_for_search after delete on post_tag
    referencing old table as old_rows for each statement execute function note_post_search_change();
create trigger post_tag_truncated_for_search after truncate on post_tag
    for each statement execute function note_post_search_change();
