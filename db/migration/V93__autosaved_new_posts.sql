-- V93: what an editor typed into the form of a post not yet created, sent by the form's script
-- like the autosaves of existing posts (V81, dev.blogroll.post.Autosaves). Kept for the editor,
-- not as a post: nothing is created, no slug is taken, nothing can show on the public site. One
-- per editor, replaced by the next; creating the post removes it. Not content: never exported.
create table new_post_autosave (
    username  text        primary key,
    -- the form's fields as the browser sent them (application/x-www-form-urlencoded), minus the CSRF token
    fields    text        not null,
    saved_at  timestamptz not null
);
