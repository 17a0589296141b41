-- V82: every save of a post keeps a revision: who saved it, when, and the post as the form
-- showed it then (dev.blogroll.post.Revisions). The edit page lists them, compares any two and
-- restores one as a new save. Removed with their post.
create table post_revision (
    id        bigint generated always as identity primary key,
    post_id   bigint      not null references post (id) on delete cascade,
    -- the post's version this save produced
    version   bigint      not null,
    saved_by  text        not null,
    saved_at  timestamptz not null,
    -- the post's fields as the edit form shows them (application/x-www-form-urlencoded)
    fields    text        not null
);

create index post_revision_post on post_revision (post_id, id desc);
