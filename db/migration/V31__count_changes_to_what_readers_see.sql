-- V31: one number that changes whenever anything readers see changes.
--
-- Every statement that writes posts, their tags, categories, authors or tags adds one to
-- data_version.version, in the same transaction. A cache of rendered pages remembers the
-- version it rendered at and serves a page again only while the version is the same, so an
-- editor's change shows on the next request, on every instance that shares the database.

create table data_version (
    id      boolean primary key default true,
    version bigint  not null default 0,
    constraint data_version_one_row check (id)
);

insert into data_version default values;

create function bump_data_version() returns trigger
language plpgsql as $$
begin
    update data_version set version = version + 1;
    return null;
end
$$;

create trigger post_changes_version after insert or update or delete or truncate on post
    for each statement execute function bump_data_version();
create trigger post_tag_changes_version after insert or update or delete or truncate on post_tag
    for each statement execute function bump_data_version();
create trigger category_changes_version after insert or update or delete or truncate on category
    for each statement execute function bump_data_version();
create trigger author_changes_version after insert or update or delete or truncate on author
    for each statement execute function bump_data_version();
create trigger tag_changes_version after insert or update or delete or truncate on tag
    for each statement execute function bump_data_version();
