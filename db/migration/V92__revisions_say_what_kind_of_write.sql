-- V92: a revision (V82) says what kind of write made it: a save of the edit form, a bulk
-- action on the post table (publish, unpublish, move, tag), the trash and taking a post out of
-- it, an undo, an import; with a note in words ("Moved to Operations"). Revisions kept before
-- this migration were all saves of the form.
alter table post_revision add column kind text not null default 'save'
    check (kind in ('save', 'publish', 'unpublish', 'move', 'tag', 'trash', 'restore', 'undo', 'import'));
alter table post_revision add column note text not null default '';
