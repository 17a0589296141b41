-- V81: what an editor typed into a post's form and has not saved yet, sent by the form's
-- script after a few seconds without typing (dev.blogroll.post.Autosaves). One per post and
-- editor, replaced by the next; saving the post removes it. It never touches the post or its
-- version, so it never causes an edit conflict. Not content: never exported.
create table post_autosave (
    post_id   bigint      not null references post (id) on delete cascade,
    username  text        not null,
    -- the form's fields as the browser sent them (application/x-www-form-urlencoded), minus the CSRF token
    fields    text        not null,
    saved_at  timestamptz not null,
    primary key (post_id, username)
);
