-- V35: categories, tags and authors remember when they last changed.
--
-- Every page shows the categories and the featured tags, and its Last-Modified must move
-- when an editor renames one or changes a category's description; otherwise a client asking
-- with If-Modified-Since alone would be told 304 and keep the old names. category.updated_at
-- existed but nothing set it; tags and authors had no such column. A trigger sets it on every
-- update, whichever writer makes the change (the admin, an import, feed ingest).

alter table tag add column updated_at timestamptz not null default now();
alter table author add column updated_at timestamptz not null default now();

create function touch_updated_at() returns trigger
language plpgsql as $$
begin
    new.updated_at := now();
    return new;
end
$$;

create trigger category_touch_updated_at before update on category
    for each row when (old is distinct from new) execute function touch_updated_at();
create trigger tag_touch_updated_at before update on tag
    for each row when (old is distinct from new) execute function touch_updated_at();
create trigger author_touch_updated_at before update on author
    for each row when (old is distinct from new) execute function touch_updated_at();
