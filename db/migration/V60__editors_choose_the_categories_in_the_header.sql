-- V60: editors choose which categories the header shows, and in what order.
--
-- With many categories the header wrapped and pushed the search box to a row of its own.
-- nav_position orders the categories everywhere readers see them (header, footer, home page,
-- the phone menu); in_navigation says whether the header shows one (the phone menu, the
-- footer and the home page show every category that has posts). Existing categories keep
-- the order they had, by name.

alter table category add column nav_position integer not null default 0;
alter table category add column in_navigation boolean not null default true;

update category c set nav_position = ordered.position
from (select id, row_number() over (order by name) as position from category) ordered
where ordered.id = c.id;

-- A category that an import or feed ingest creates (dev.blogroll.post.PostNames inserts only
-- slug and name) goes after every other, as one an editor creates does: positions come from a
-- sequence, past every position numbered here. Editors' reordering renumbers from 1, so new
-- ones still come last; only the order matters, gaps do not.
create sequence category_nav_position_seq owned by category.nav_position;
select setval('category_nav_position_seq', coalesce((select max(nav_position) from category), 0) + 1, false);
alter table category alter column nav_position set default nextval('category_nav_position_seq');

-- A category an import created under its slug ("api-security") is named in words, as imports
-- now name new ones (dev.blogroll.text.Slugs.readable): readers never see a raw slug. Only
-- names that are exactly a slug, and only where the new name is free.
update category c set name = initcap(replace(c.name, '-', ' ')), updated_at = now()
where c.name ~ '^[a-z0-9]+(-[a-z0-9]+)*$'
  and not exists (select 1 from category o where o.name = initcap(replace(c.name, '-', ' ')));
