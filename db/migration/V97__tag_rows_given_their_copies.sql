-- V97: a new post_tag row whose writer gives its post's published_at and status itself is not
-- looked up again (V95's row trigger now fires only for rows that come without them).
--
-- Why: the importer writes a chunk's posts and their tags in one statement (ChunkWriter), and
-- the row trigger then looked up and locked each of those posts once per tag row: 2,574,954
-- calls and 20.4 s of PostgreSQL's time in a million-post import of 200 s
-- (pg_stat_user_functions). The importer has those posts' values at hand, from the rows the same
-- statement has just inserted or updated; those rows are locked by that statement's
-- transaction already, so no one can re-date or unpublish them before it commits, and the
-- copies it gives are the values it commits.
--
-- Who may give the copies: only a writer of the post in the same transaction, as the importer
-- is. Every other writer (Hibernate's Post.tags, feed ingest, bulk actions, tag merges, a site
-- restore) inserts post_id and tag_id alone, and the trigger copies and locks as before. A row
-- given one value and not the other is completed by the trigger too. Changing a row's post_id
-- always looks the post up.

drop trigger post_tag_copies_post on post_tag;

create trigger post_tag_copies_post before insert on post_tag
    for each row when (new.published_at is null or new.published is null)
    execute function post_tag_copies_post();

create trigger post_tag_moved_copies_post before update of post_id on post_tag
    for each row execute function post_tag_copies_post();
